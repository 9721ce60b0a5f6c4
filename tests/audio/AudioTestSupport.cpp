// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/audio/AudioTestSupport.h"

#include "audio/devices/SoundFile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace AudioTest {

std::vector<float> sine(double frequencyHz, int sampleRateHz, double seconds, float amplitude)
{
    const auto count = static_cast<std::size_t>(seconds * sampleRateHz);
    std::vector<float> samples(count);
    for (std::size_t i = 0; i < count; ++i)
        samples[i] = amplitude * static_cast<float>(std::sin(2.0 * std::numbers::pi * frequencyHz * i / sampleRateHz));
    return samples;
}

double toneAmplitude(const std::vector<float> &samples, int sampleRateHz, double frequencyHz)
{
    if (samples.empty())
        return 0.0;
    const double omega = 2.0 * std::numbers::pi * frequencyHz / sampleRateHz;
    const double coefficient = 2.0 * std::cos(omega);
    double s1 = 0.0;
    double s2 = 0.0;
    for (float sample : samples) {
        const double s0 = sample + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return 2.0 * std::sqrt(std::max(0.0, power)) / static_cast<double>(samples.size());
}

double rms(const std::vector<float> &samples)
{
    if (samples.empty())
        return 0.0;
    double sum = 0.0;
    for (float sample : samples)
        sum += static_cast<double>(sample) * sample;
    return std::sqrt(sum / static_cast<double>(samples.size()));
}

bool writeWav(const QString &path, const std::vector<float> &samples, int sampleRateHz)
{
    Audio::SoundFile file = Audio::SoundFile::createWav(path, sampleRateHz, 1);
    if (!file.isOpen())
        return false;
    return file.writeFrames(samples.data(), static_cast<std::int64_t>(samples.size())) ==
           static_cast<std::int64_t>(samples.size());
}

std::vector<float> readWav(const QString &path, int *sampleRateHz)
{
    Audio::SoundFile file = Audio::SoundFile::openForReading(path);
    if (!file.isOpen())
        return {};
    if (sampleRateHz)
        *sampleRateHz = file.sampleRateHz();
    const int channels = std::max(1, file.channels());
    std::vector<float> interleaved(static_cast<std::size_t>(file.frames() * channels));
    const std::int64_t frames = file.readFrames(interleaved.data(), file.frames());
    std::vector<float> mono(static_cast<std::size_t>(std::max<std::int64_t>(0, frames)));
    for (std::size_t i = 0; i < mono.size(); ++i) {
        float sum = 0.0f;
        for (int c = 0; c < channels; ++c)
            sum += interleaved[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)];
        mono[i] = sum / static_cast<float>(channels);
    }
    return mono;
}

namespace {
constexpr qint64 kWavHeaderBytes = 44; // RIFF, fmt and data chunk heads of a 16-bit PCM WAV
} // namespace

double wavSecondsWritten(const QString &path, int sampleRateHz)
{
    const qint64 dataBytes = QFileInfo(path).size() - kWavHeaderBytes;
    const qint64 frames = std::max<qint64>(0, dataBytes) / 2; // whole 16-bit samples only
    return static_cast<double>(frames) / sampleRateHz;
}

std::vector<float> readWavWritten(const QString &path, int *sampleRateHz)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (bytes.size() < kWavHeaderBytes)
        return {};
    const auto byte = [&](qsizetype at) { return static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[at])); };
    if (sampleRateHz)
        *sampleRateHz = static_cast<int>(byte(24) | byte(25) << 8 | byte(26) << 16 | byte(27) << 24);
    std::vector<float> samples(static_cast<std::size_t>((bytes.size() - kWavHeaderBytes) / 2));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto at = kWavHeaderBytes + static_cast<qsizetype>(2 * i);
        const auto value = static_cast<std::int16_t>(byte(at) | byte(at + 1) << 8);
        samples[i] = static_cast<float>(value) / 32768.0f;
    }
    return samples;
}

std::vector<float> slice(const std::vector<float> &samples, std::size_t from, std::size_t count)
{
    from = std::min(from, samples.size());
    count = std::min(count, samples.size() - from);
    return std::vector<float>(samples.begin() + static_cast<std::ptrdiff_t>(from),
                              samples.begin() + static_cast<std::ptrdiff_t>(from + count));
}

} // namespace AudioTest
