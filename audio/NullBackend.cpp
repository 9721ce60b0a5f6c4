// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/NullBackend.h"

#include "audio/AudioStreamCallback.h"

#include <algorithm>

namespace Audio {

namespace {
QString nullDeviceName()
{
    return QStringLiteral("Null");
}

QList<AudioDeviceInfo> nullDeviceList()
{
    AudioDeviceInfo info;
    info.name = nullDeviceName();
    info.maxChannels = 1;
    info.defaultSampleRateHz = 48000.0;
    info.isDefault = true;
    return {info};
}
} // namespace

NullBackend::~NullBackend()
{
    close();
}

QList<AudioDeviceInfo> NullBackend::inputDevices() const
{
    return nullDeviceList();
}

QList<AudioDeviceInfo> NullBackend::outputDevices() const
{
    return nullDeviceList();
}

QString NullBackend::defaultInputDevice() const
{
    return nullDeviceName();
}

QString NullBackend::defaultOutputDevice() const
{
    return nullDeviceName();
}

bool NullBackend::open(const AudioStreamConfig &config, AudioStreamCallback *callback)
{
    close();
    m_callback = callback;
    m_sampleRateHz = config.sampleRateHz;
    const auto frames = static_cast<std::size_t>(std::max(1, config.framesPerBuffer));
    m_silence.assign(frames, 0.0f);
    m_sink.assign(frames, 0.0f);
    const auto periodUs = static_cast<long long>(frames) * 1000000 / std::max(1, config.sampleRateHz);
    m_clock.start(std::chrono::microseconds(periodUs), [this] { tick(); });
    return true;
}

void NullBackend::close()
{
    m_clock.stop();
}

QString NullBackend::activeInputDevice() const
{
    return isOpen() ? nullDeviceName() : QString();
}

QString NullBackend::activeOutputDevice() const
{
    return isOpen() ? nullDeviceName() : QString();
}

// Runs on the clock thread, which plays the sound card's real-time role here: buffers are preallocated.
void NullBackend::tick()
{
    const int frames = static_cast<int>(m_silence.size());
    m_callback->captured(m_silence.data(), frames);
    m_callback->render(m_sink.data(), frames);
}

} // namespace Audio
