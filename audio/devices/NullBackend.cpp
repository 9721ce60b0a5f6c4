// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/NullBackend.h"

#include "audio/devices/AudioStreamCallback.h"

#include <algorithm>
#include <utility>

namespace Audio {

NullBackend::NullBackend(const QStringList &deviceNames) : m_deviceNames(deviceNames)
{
    m_deviceNames.removeAll(defaultDeviceName());
    m_deviceNames.removeAll(QString());
}

NullBackend::~NullBackend()
{
    close();
}

QString NullBackend::defaultDeviceName()
{
    return QStringLiteral("Null");
}

QList<AudioDeviceInfo> NullBackend::deviceList() const
{
    AudioDeviceInfo info;
    info.name = defaultDeviceName();
    info.maxChannels = 1;
    info.defaultSampleRateHz = 48000.0;
    info.isDefault = true;
    QList<AudioDeviceInfo> result{info};
    info.isDefault = false;
    const std::lock_guard<std::mutex> lock(m_namesMutex);
    for (const QString &name : m_deviceNames) {
        info.name = name;
        result.append(info);
    }
    return result;
}

QList<AudioDeviceInfo> NullBackend::inputDevices() const
{
    return deviceList();
}

QList<AudioDeviceInfo> NullBackend::outputDevices() const
{
    return deviceList();
}

QString NullBackend::defaultInputDevice() const
{
    return defaultDeviceName();
}

QString NullBackend::defaultOutputDevice() const
{
    return defaultDeviceName();
}

bool NullBackend::present(const QString &name) const
{
    if (name == defaultDeviceName())
        return true;
    const std::lock_guard<std::mutex> lock(m_namesMutex);
    return m_deviceNames.contains(name);
}

QString NullBackend::choose(const QString &requested, AudioDeviceEvent::Kind fallbackKind)
{
    if (requested.isEmpty())
        return defaultDeviceName();
    if (present(requested))
        return requested;
    reportEvent({fallbackKind, requested, defaultDeviceName()});
    return defaultDeviceName();
}

bool NullBackend::open(const AudioStreamConfig &config, AudioStreamCallback *callback)
{
    close();
    m_activeInput = choose(config.inputDeviceName, AudioDeviceEvent::Kind::InputFellBackToDefault);
    m_activeOutput = choose(config.outputDeviceName, AudioDeviceEvent::Kind::OutputFellBackToDefault);
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
    m_activeInput.clear();
    m_activeOutput.clear();
}

QString NullBackend::activeInputDevice() const
{
    return m_activeInput;
}

QString NullBackend::activeOutputDevice() const
{
    return m_activeOutput;
}

void NullBackend::unplug(const QString &name)
{
    const std::lock_guard<std::mutex> lock(m_namesMutex);
    m_deviceNames.removeAll(name);
}

void NullBackend::plugIn(const QString &name)
{
    const std::lock_guard<std::mutex> lock(m_namesMutex);
    if (!name.isEmpty() && name != defaultDeviceName() && !m_deviceNames.contains(name))
        m_deviceNames.append(name);
}

void NullBackend::service()
{
    if (!isOpen())
        return;
    // As PortAudioBackend does for a stream that stopped: reopen on the default and report the loss.
    if (!present(m_activeInput)) {
        const QString lost = std::exchange(m_activeInput, defaultDeviceName());
        reportEvent({AudioDeviceEvent::Kind::InputLost, lost, m_activeInput});
    }
    if (!present(m_activeOutput)) {
        const QString lost = std::exchange(m_activeOutput, defaultDeviceName());
        reportEvent({AudioDeviceEvent::Kind::OutputLost, lost, m_activeOutput});
    }
}

// Runs on the clock thread, which plays the sound card's real-time role here: buffers are preallocated.
void NullBackend::tick()
{
    const int frames = static_cast<int>(m_silence.size());
    m_callback->captured(m_silence.data(), frames);
    m_callback->render(m_sink.data(), frames);
}

} // namespace Audio
