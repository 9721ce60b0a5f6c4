// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <memory>

namespace Audio {

class AudioDevice;

/// Rings for an incoming call on a device of its own (the "ringing device", often the loudspeaker while
/// calls go to a headset): a double ring of 400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off, repeated
/// until stop(). The tone is computed in the device callback; nothing is captured. Owner thread only.
class Ringer
{
public:
    explicit Ringer(std::unique_ptr<AudioDevice> device);
    ~Ringer();
    Ringer(const Ringer &) = delete;
    Ringer &operator=(const Ringer &) = delete;

    /// Starts ringing on outputDeviceName (empty: the default output). A missing device rings on the
    /// default instead (fellBackTo() names it). False with errorString() when no output opens.
    bool start(const QString &outputDeviceName, float volume = 0.25f);
    void stop();
    bool isRinging() const;
    QString errorString() const { return m_error; }
    QString activeDevice() const;
    /// The device used instead of the one asked for by the last start(); empty when it was found.
    QString fellBackTo() const { return m_fellBackTo; }

    static constexpr int kSampleRateHz = 48000;
    static constexpr double kCadenceSeconds = 3.0;

private:
    class Tone;

    std::unique_ptr<AudioDevice> m_device;
    std::unique_ptr<Tone> m_tone;
    QString m_error;
    QString m_fellBackTo;
};

} // namespace Audio
