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

/// samples[from, from + count) clamped to the vector.
std::vector<float> slice(const std::vector<float> &samples, std::size_t from, std::size_t count);

} // namespace AudioTest
