// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/AudioDevice.h"
#include "audio/PacedClock.h"

#include <vector>

namespace Audio {

/// A device without hardware: captures silence and discards what it plays, paced in real time by a clock
/// thread so a call still sends and receives RTP (headless runs, tests, calls with no sound card).
class NullBackend : public AudioDevice
{
public:
    NullBackend() = default;
    ~NullBackend() override;

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

private:
    void tick();

    PacedClock m_clock;
    AudioStreamCallback *m_callback = nullptr;
    std::vector<float> m_silence;
    std::vector<float> m_sink;
    int m_sampleRateHz = 0;
};

} // namespace Audio
