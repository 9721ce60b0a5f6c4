// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>
#include <type_traits>
#include <vector>

namespace AudioTest {

/// A sine of frequencyHz at amplitude (0..1), sampleRateHz, lasting seconds.
std::vector<float> sine(double frequencyHz, int sampleRateHz, double seconds, float amplitude = 0.5f);

/// Amplitude of the frequencyHz component of samples (Goertzel filter, normalised so a full-length sine of
/// amplitude A yields about A).
double toneAmplitude(const std::vector<float> &samples, int sampleRateHz, double frequencyHz);

/// RMS level of samples.
double rms(const std::vector<float> &samples);

/// Writes a mono 16-bit WAV fixture; returns false on failure.
bool writeWav(const QString &path, const std::vector<float> &samples, int sampleRateHz);
/// Reads a WAV as mono floats (channels averaged); empty on failure. sampleRateHz receives the file's rate.
std::vector<float> readWav(const QString &path, int *sampleRateHz = nullptr);

/// Seconds of mono 16-bit audio a WAV being written at sampleRateHz holds so far, from its size on disk
/// (libsndfile writes the samples through; the header's lengths are only right once it is closed).
double wavSecondsWritten(const QString &path, int sampleRateHz);
/// The samples a mono 16-bit WAV that is still being written holds so far; sampleRateHz receives its rate.
std::vector<float> readWavWritten(const QString &path, int *sampleRateHz = nullptr);

/// samples[from, from + count) clamped to the vector.
std::vector<float> slice(const std::vector<float> &samples, std::size_t from, std::size_t count);

/// Records a signal that is emitted on another thread (MediaSession's come from its media thread) in the
/// thread that made the spy, through a queued connection. QSignalSpy records in the emitting thread, a data
/// race with the test reading it. Read it like a QSignalSpy: count(), first(), at(), iteration; the events
/// arrive while the event loop runs (QTRY_COMPARE, QTest::qWait).
class QueuedSpy : public QObject, public QList<QList<QVariant>>
{
public:
    template <typename Sender, typename... Args> QueuedSpy(const Sender *sender, void (Sender::*signal)(Args...))
    {
        connect(
            sender, signal, this,
            [this](Args... arguments) {
                append(QList<QVariant>{QVariant::fromValue(std::decay_t<Args>(arguments))...});
            },
            Qt::QueuedConnection);
    }
};

} // namespace AudioTest
