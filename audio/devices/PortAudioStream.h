// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// Move-only owner of one PortAudio stream (PaStream*): stops and closes it on destruction.
/// Used by PortAudioBackend on its owner thread only.
class PortAudioStream
{
public:
    PortAudioStream() = default;
    explicit PortAudioStream(void *stream) : m_stream(stream) {}
    ~PortAudioStream();
    PortAudioStream(PortAudioStream &&other) noexcept;
    PortAudioStream &operator=(PortAudioStream &&other) noexcept;
    PortAudioStream(const PortAudioStream &) = delete;
    PortAudioStream &operator=(const PortAudioStream &) = delete;

    bool isValid() const { return m_stream != nullptr; }
    /// Starts streaming; on failure returns false and errorString() says why.
    bool start();
    /// True while PortAudio still runs the stream (false once the device went away or errored).
    bool isActive() const;
    void close();
    QString errorString() const { return m_error; }

private:
    void *m_stream = nullptr; // PaStream is a typedef for void in portaudio.h
    QString m_error;
};

} // namespace Audio
