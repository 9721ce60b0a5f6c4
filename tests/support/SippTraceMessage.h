// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Test {

/// One SIP message from a sipp message trace (-trace_msg), as sipp sent or received it.
struct SippTraceMessage
{
    enum class Direction
    {
        Invalid,
        Sent,
        Received
    };

    Direction direction = Direction::Invalid;
    QString transport;       ///< "UDP", "TCP", ... as written by sipp.
    QDateTime timestamp;     ///< Local time of the entry; invalid when sipp wrote none.
    QString text;            ///< The whole message, lines joined with "\n".
    bool unexpected = false; ///< sipp reported it as not matching the scenario.

    QString firstLine() const;
    bool isRequest() const;
    /// Request method, or the CSeq method of a response.
    QString method() const;
    /// Status code of a response, 0 for a request.
    int statusCode() const;
    /// First value of a header (case-insensitive name, compact forms of common headers accepted).
    QString header(const QString &name) const;
    bool hasHeader(const QString &name) const;
    QString body() const;

    /// Parses a whole sipp message trace file. Unknown entries are skipped; an "Unexpected ...
    /// message received" entry marks the message received just before it.
    static QList<SippTraceMessage> parseTrace(const QByteArray &trace);
};

} // namespace Test
