// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/PortAudioStream.h"

#include <portaudio.h>

#include <utility>

namespace Audio {

PortAudioStream::~PortAudioStream()
{
    close();
}

PortAudioStream::PortAudioStream(PortAudioStream &&other) noexcept
    : m_stream(std::exchange(other.m_stream, nullptr)), m_error(std::move(other.m_error))
{
}

PortAudioStream &PortAudioStream::operator=(PortAudioStream &&other) noexcept
{
    if (this != &other) {
        close();
        m_stream = std::exchange(other.m_stream, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool PortAudioStream::start()
{
    if (!m_stream)
        return false;
    const PaError error = Pa_StartStream(m_stream);
    if (error != paNoError) {
        m_error = QString::fromUtf8(Pa_GetErrorText(error));
        return false;
    }
    return true;
}

bool PortAudioStream::isActive() const
{
    return m_stream && Pa_IsStreamActive(m_stream) == 1;
}

void PortAudioStream::close()
{
    if (!m_stream)
        return;
    if (Pa_IsStreamStopped(m_stream) == 0)
        Pa_StopStream(m_stream);
    Pa_CloseStream(m_stream);
    m_stream = nullptr;
}

} // namespace Audio
