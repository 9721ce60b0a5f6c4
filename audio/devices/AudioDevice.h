// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioDeviceEvent.h"
#include "audio/devices/AudioDeviceInfo.h"
#include "audio/devices/AudioStreamConfig.h"

#include <QList>
#include <QString>
#include <functional>

namespace Audio {

class AudioStreamCallback;

/// A sound device pair (microphone + speaker) streaming mono float samples to an AudioStreamCallback.
/// Backends: PortAudioBackend (real hardware), FileBackend (WAV files, paced in real time), NullBackend.
///
/// Threading: one owner thread (the call's media thread) calls every method; the callback runs on the
/// backend's real-time thread between open() and close(). Events are reported from the owner thread inside
/// service(), which the owner calls a few times per second.
class AudioDevice
{
public:
    using EventHandler = std::function<void(const AudioDeviceEvent &)>;

    AudioDevice() = default;
    virtual ~AudioDevice();
    AudioDevice(const AudioDevice &) = delete;
    AudioDevice &operator=(const AudioDevice &) = delete;

    virtual QList<AudioDeviceInfo> inputDevices() const = 0;
    virtual QList<AudioDeviceInfo> outputDevices() const = 0;
    virtual QString defaultInputDevice() const = 0;
    virtual QString defaultOutputDevice() const = 0;

    /// Opens and starts capture and playback. A missing named device falls back to the default and is
    /// reported as an event. Returns false with errorString() when nothing could be opened.
    virtual bool open(const AudioStreamConfig &config, AudioStreamCallback *callback) = 0;
    /// Stops the streams; the callback is not called any more once this returns.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    /// Sample rate actually running, valid while open.
    virtual int sampleRateHz() const = 0;
    virtual QString activeInputDevice() const = 0;
    virtual QString activeOutputDevice() const = 0;
    virtual QString errorString() const = 0;

    /// Non-real-time housekeeping (device loss detection, delivery of pending events).
    virtual void service();

    void setEventHandler(EventHandler handler);

protected:
    void reportEvent(const AudioDeviceEvent &event);

private:
    EventHandler m_eventHandler;
};

} // namespace Audio
