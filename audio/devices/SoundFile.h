// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <cstdint>

struct sf_private_tag;

namespace Audio {

/// Move-only owner of a libsndfile handle. Reads any format libsndfile knows, writes 16-bit PCM WAV.
/// Samples are interleaved floats in [-1, 1]. Not thread-safe; one thread at a time.
class SoundFile
{
public:
    SoundFile() = default;
    ~SoundFile();
    SoundFile(SoundFile &&other) noexcept;
    SoundFile &operator=(SoundFile &&other) noexcept;
    SoundFile(const SoundFile &) = delete;
    SoundFile &operator=(const SoundFile &) = delete;

    static SoundFile openForReading(const QString &path);
    static SoundFile createWav(const QString &path, int sampleRateHz, int channels = 1);

    bool isOpen() const { return m_handle != nullptr; }
    QString errorString() const { return m_error; }
    int sampleRateHz() const { return m_sampleRateHz; }
    int channels() const { return m_channels; }
    std::int64_t frames() const { return m_frames; }

    /// Reads up to frames frames (frames * channels() floats); returns frames read, 0 at the end.
    std::int64_t readFrames(float *interleaved, std::int64_t frames);
    /// Writes frames frames; returns frames written.
    std::int64_t writeFrames(const float *interleaved, std::int64_t frames);
    bool rewind();
    void close();

private:
    sf_private_tag *m_handle = nullptr;
    QString m_error;
    int m_sampleRateHz = 0;
    int m_channels = 0;
    std::int64_t m_frames = 0;
};

} // namespace Audio
