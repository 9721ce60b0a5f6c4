// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioDevice.h"
#include "audio/devices/PacedClock.h"
#include "audio/devices/SoundFile.h"

#include <atomic>
#include <vector>

namespace Audio {

/// A device made of WAV files: the input device name is a file read as the microphone (silence when empty
/// or when a non-looping file ends), the output device name is a file that receives everything played
/// (16-bit mono WAV at the stream rate; discarded when empty). A clock thread paces both in real time.
/// The input file must be at the stream's sample rate; multi-channel input is mixed down to mono.
class FileBackend : public AudioDevice
{
public:
    explicit FileBackend(bool loopInput = true);
    ~FileBackend() override;

    QList<AudioDeviceInfo> inputDevices() const override;
    QList<AudioDeviceInfo> outputDevices() const override;
    QString defaultInputDevice() const override { return {}; }
    QString defaultOutputDevice() const override { return {}; }

    bool open(const AudioStreamConfig &config, AudioStreamCallback *callback) override;
    void close() override;
    bool isOpen() const override { return m_clock.isRunning(); }
    int sampleRateHz() const override { return m_sampleRateHz; }
    QString activeInputDevice() const override { return m_inputPath; }
    QString activeOutputDevice() const override { return m_outputPath; }
    QString errorString() const override { return m_error; }
    void service() override;

    /// Test hook, any thread: behaves as if the output device was unplugged. The next service() reports
    /// OutputLost and playback continues into nothing.
    void simulateOutputLoss() { m_outputLossPending.store(true); }

private:
    void tick();

    const bool m_loopInput;
    PacedClock m_clock;
    AudioStreamCallback *m_callback = nullptr;
    SoundFile m_input;
    SoundFile m_output;
    QString m_inputPath;
    QString m_outputPath;
    QString m_error;
    std::vector<float> m_fileFrames; ///< interleaved input as read
    std::vector<float> m_captured;   ///< mono input handed to the callback
    std::vector<float> m_rendered;   ///< mono output from the callback
    int m_sampleRateHz = 0;
    std::atomic<bool> m_outputLossPending{false};
    std::atomic<bool> m_outputDisabled{false};
};

} // namespace Audio
