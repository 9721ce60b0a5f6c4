// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace Sip::Internal {

/// The parts of a SIP response the preflight check needs, read from bytes off a socket. Pure; any
/// thread; never reads past the given bytes, whatever they hold.
struct SipResponseHead
{
    enum class Result
    {
        Invalid = 0,
        Complete,
        NeedMore,
        NotAResponse
    };

    Result result = Result::Invalid;
    qsizetype messageBytes = 0; ///< Whole message (head + body) when Complete
    int statusCode = 0;
    QString reasonPhrase;
    QByteArray callId;
    QByteArray cseqMethod;  ///< "OPTIONS"
    QByteArray serverAgent; ///< Server, else User-Agent

    /// stream: bytes from TCP/TLS, where the message ends after its Content-Length body; otherwise a
    /// whole datagram. Heads longer than maxHeadBytes are NotAResponse.
    static SipResponseHead parse(const QByteArray &bytes, bool stream, qsizetype maxHeadBytes = 65536);
};

} // namespace Sip::Internal
