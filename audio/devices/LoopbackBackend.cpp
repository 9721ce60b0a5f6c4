// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/LoopbackBackend.h"

#include "audio/devices/AudioStreamCallback.h"

#include <algorithm>

namespace Audio {

LoopbackBackend::~LoopbackBackend()
{
    close();
}

QString LoopbackBackend::deviceName()
{
    return QStringLiteral("Loopback");
}

QList<AudioDeviceInfo> LoopbackBackend::inputDevices() const
{
    AudioDeviceInfo info;
    info.name = deviceName();
    info.maxChannels = 1;
    info.defaultSampleRateHz = 48000.0;
    info.isDefault = true;
    return {info};
}

QList<AudioDeviceInfo> LoopbackBackend::outputDevices() const
{
    return inputDevices();
}

QString LoopbackBackend::defaultInputDevice() const
{
    return deviceName();
}

QString LoopbackBackend::defaultOutputDevice() const
{
    return deviceName();
}

bool LoopbackBackend::open(const AudioStreamConfig &config, AudioStreamCallback *callback)
{
    close();
    m_callback = callback;
    m_sampleRateHz = config.sampleRateHz;
    const auto frames = static_cast<std::size_t>(std::max(1, config.framesPerBuffer));
    m_played.assign(frames, 0.0f);
    m_next.assign(frames, 0.0f);
    const auto periodUs = static_cast<long long>(frames) * 1000000 / std::max(1, config.sampleRateHz);
    m_clock.start(std::chrono::microseconds(periodUs), [this] { tick(); });
    return true;
}

void LoopbackBackend::close()
{
    m_clock.stop();
}

QString LoopbackBackend::activeInputDevice() const
{
    return isOpen() ? deviceName() : QString();
}

QString LoopbackBackend::activeOutputDevice() const
{
    return isOpen() ? deviceName() : QString();
}

// Clock thread: capture hands over the previous buffer's playback, then render fills the next one.
void LoopbackBackend::tick()
{
    const int frames = static_cast<int>(m_played.size());
    m_callback->captured(m_played.data(), frames);
    m_callback->render(m_next.data(), frames);
    m_played.swap(m_next);
}

} // namespace Audio
