// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioDevice.h"
#include "audio/devices/PortAudioStream.h"

#include <atomic>
#include <chrono>
#include <cstdint>

struct PaStreamCallbackTimeInfo;

namespace Audio {

/// Sound card access through PortAudio: separate mono float input and output streams, chosen by device name.
/// A named device that is missing falls back to the system default (reported as an event). service()
/// watches the streams: one that stopped or whose callback went silent for over a second is treated as
/// unplugged, reopened on the default device and reported.
/// Owns a PortAudio initialisation (reference-counted by PortAudio) for its lifetime.
class PortAudioBackend : public AudioDevice
{
public:
    PortAudioBackend();
    ~PortAudioBackend() override;

    bool isInitialized() const { return m_initialized; }

    QList<AudioDeviceInfo> inputDevices() const override;
    QList<AudioDeviceInfo> outputDevices() const override;
    QString defaultInputDevice() const override;
    QString defaultOutputDevice() const override;

    bool open(const AudioStreamConfig &config, AudioStreamCallback *callback) override;
    void close() override;
    bool isOpen() const override { return m_input.isValid() || m_output.isValid(); }
    int sampleRateHz() const override { return m_sampleRateHz; }
    QString activeInputDevice() const override { return m_activeInput; }
    QString activeOutputDevice() const override { return m_activeOutput; }
    QString errorString() const override { return m_error; }
    void service() override;

private:
    struct Watch
    {
        std::uint64_t lastCount = 0;
        std::chrono::steady_clock::time_point lastChange;
    };

    bool openInput(const QString &name, bool reportFallback);
    bool openOutput(const QString &name, bool reportFallback);
    bool streamLost(const PortAudioStream &stream, const std::atomic<std::uint64_t> &counter, Watch &watch);
    QList<AudioDeviceInfo> devices(bool input) const;

    static int inputCallback(const void *input, void *output, unsigned long frames,
                             const PaStreamCallbackTimeInfo *timeInfo, unsigned long statusFlags, void *userData);
    static int outputCallback(const void *input, void *output, unsigned long frames,
                              const PaStreamCallbackTimeInfo *timeInfo, unsigned long statusFlags, void *userData);

    bool m_initialized = false;
    AudioStreamCallback *m_callback = nullptr;
    PortAudioStream m_input;
    PortAudioStream m_output;
    QString m_activeInput;
    QString m_activeOutput;
    QString m_error;
    int m_sampleRateHz = 0;
    int m_framesPerBuffer = 0;
    std::atomic<std::uint64_t> m_inputCallbacks{0};
    std::atomic<std::uint64_t> m_outputCallbacks{0};
    Watch m_inputWatch;
    Watch m_outputWatch;
};

} // namespace Audio
