// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/SoundFile.h"

#include <QFile>
#include <sndfile.h>

#include <utility>

namespace Audio {

SoundFile::~SoundFile()
{
    close();
}

SoundFile::SoundFile(SoundFile &&other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_error(std::move(other.m_error)),
      m_sampleRateHz(other.m_sampleRateHz), m_channels(other.m_channels), m_frames(other.m_frames)
{
}

SoundFile &SoundFile::operator=(SoundFile &&other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
        m_error = std::move(other.m_error);
        m_sampleRateHz = other.m_sampleRateHz;
        m_channels = other.m_channels;
        m_frames = other.m_frames;
    }
    return *this;
}

SoundFile SoundFile::openForReading(const QString &path)
{
    SoundFile file;
    SF_INFO info{};
    file.m_handle = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!file.m_handle) {
        file.m_error = QString::fromUtf8(sf_strerror(nullptr));
        return file;
    }
    file.m_sampleRateHz = info.samplerate;
    file.m_channels = info.channels;
    file.m_frames = info.frames;
    return file;
}

SoundFile SoundFile::createWav(const QString &path, int sampleRateHz, int channels)
{
    SoundFile file;
    SF_INFO info{};
    info.samplerate = sampleRateHz;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    file.m_handle = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
    if (!file.m_handle) {
        file.m_error = QString::fromUtf8(sf_strerror(nullptr));
        return file;
    }
    // Clip instead of wrapping when float samples exceed [-1, 1].
    sf_command(file.m_handle, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    file.m_sampleRateHz = sampleRateHz;
    file.m_channels = channels;
    return file;
}

std::int64_t SoundFile::readFrames(float *interleaved, std::int64_t frames)
{
    return m_handle ? sf_readf_float(m_handle, interleaved, frames) : 0;
}

std::int64_t SoundFile::writeFrames(const float *interleaved, std::int64_t frames)
{
    if (!m_handle)
        return 0;
    const sf_count_t written = sf_writef_float(m_handle, interleaved, frames);
    m_frames += written;
    return written;
}

bool SoundFile::rewind()
{
    return m_handle && sf_seek(m_handle, 0, SEEK_SET) == 0;
}

void SoundFile::close()
{
    if (m_handle) {
        sf_close(m_handle);
        m_handle = nullptr;
    }
}

} // namespace Audio
