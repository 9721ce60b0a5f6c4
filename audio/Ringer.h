// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <memory>

namespace Audio {

class AudioDevice;

/// Plays the tones of call progress on a device of its own, computed in the device callback (nothing is
/// captured), repeated until stop(). Owner thread only.
///  - Ring, for an incoming call on the "ringing device" (often the loudspeaker while calls go to a
///    headset): a double ring of 400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off.
///  - Ringback, for an outgoing call whose other side rings without sending audio of its own (180
///    without early media): 440 + 480 Hz, 2 s on, 4 s off.
class Ringer
{
public:
    enum class Pattern
    {
        Ring,
        Ringback
    };

    explicit Ringer(std::unique_ptr<AudioDevice> device, Pattern pattern = Pattern::Ring);
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

    Pattern pattern() const { return m_pattern; }
    /// Length of one repetition of the pattern.
    static double cadenceSeconds(Pattern pattern) { return pattern == Pattern::Ring ? 3.0 : 6.0; }

    static constexpr int kSampleRateHz = 48000;

private:
    class Tone;

    std::unique_ptr<AudioDevice> m_device;
    const Pattern m_pattern;
    std::unique_ptr<Tone> m_tone;
    QString m_error;
    QString m_fellBackTo;
};

} // namespace Audio
