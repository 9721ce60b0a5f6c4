// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
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

} // namespace AudioTest
