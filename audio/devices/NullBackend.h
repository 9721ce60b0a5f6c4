// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioDevice.h"
#include "audio/devices/PacedClock.h"

#include <QStringList>
#include <mutex>
#include <vector>

namespace Audio {

/// A device without hardware: captures silence and discards what it plays, paced in real time by a clock
/// thread so a call still sends and receives RTP (headless runs, tests, calls with no sound card).
///
/// Besides its default device "Null" it can pretend to have named devices, which behave like
/// PortAudioBackend's: a missing name falls back to "Null" (InputFellBackToDefault/OutputFellBackToDefault
/// from open()), and unplug() makes an open device report InputLost/OutputLost from the next service(),
/// the stream carrying on with "Null". That lets device choice, switching and loss be exercised where no
/// sound card exists.
class NullBackend : public AudioDevice
{
public:
    explicit NullBackend(const QStringList &deviceNames = {});
    ~NullBackend() override;

    static QString defaultDeviceName(); ///< "Null"

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
    void service() override;

    /// Any thread: the named device disappears from the lists; if it is open, the next service() reports it
    /// lost and the stream continues on "Null".
    void unplug(const QString &name);
    /// Any thread: the named device appears (again) in the lists.
    void plugIn(const QString &name);

private:
    void tick();
    QList<AudioDeviceInfo> deviceList() const;
    bool present(const QString &name) const;
    QString choose(const QString &requested, AudioDeviceEvent::Kind fallbackKind);

    PacedClock m_clock;
    AudioStreamCallback *m_callback = nullptr;
    std::vector<float> m_silence;
    std::vector<float> m_sink;
    int m_sampleRateHz = 0;
    QString m_activeInput;
    QString m_activeOutput;
    mutable std::mutex m_namesMutex; // guards m_deviceNames (never taken by the clock thread)
    QStringList m_deviceNames;
};

} // namespace Audio
