// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioDevice.h"
#include "audio/devices/PacedClock.h"

#include <vector>

namespace Audio {

/// A device whose microphone hears what its speaker played one buffer earlier: an echo line. Answering a
/// call with it sends the caller's own voice back (an echo test, like a PBX's echo extension), and makes
/// round-trip media latency measurable from the calling side. Paced in real time by a clock thread.
/// Echo control must be off for calls on it, or the echo canceller removes exactly what it loops back.
class LoopbackBackend : public AudioDevice
{
public:
    LoopbackBackend() = default;
    ~LoopbackBackend() override;

    QList<AudioDeviceInfo> inputDevices() const override;
    QList<AudioDeviceInfo> outputDevices() const override;
    QString defaultInputDevice() const override;
    QString defaultOutputDevice() const override;

    bool open(const AudioStreamConfig &config, AudioStreamCallback *callback) override;
    void close() override;
    bool isOpen() const override { return m_clock.isRunning(); }
    int sampleRateHz() const override { return m_sampleRateHz; }
    QString activeInputDevice() const override;
    QString activeOutputDevice() const override;
    QString errorString() const override { return {}; }

    static QString deviceName();

private:
    void tick();

    PacedClock m_clock;
    AudioStreamCallback *m_callback = nullptr;
    std::vector<float> m_played; ///< what the last render produced, captured on the next tick
    std::vector<float> m_next;
    int m_sampleRateHz = 0;
};

} // namespace Audio
