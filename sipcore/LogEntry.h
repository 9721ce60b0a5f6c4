// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Sip {

/// One entry of the live SIP log: a raw message sent or received, or a step of the engine in words.
/// Plain value; crosses threads.
struct LogEntry
{
    enum class Kind
    {
        Invalid = 0,
        Step,     ///< Engine's own plain-language step ("send REGISTER sip:pbx.example")
        Sent,     ///< Raw SIP message sent
        Received, ///< Raw SIP message received
        Error,    ///< Something went wrong (stack-generated failures, parse errors)
    };

    quint64 sequence = 0; ///< Assigned by SipLog; strictly increasing
    QDateTime timestamp;  ///< UTC, millisecond precision
    Kind kind = Kind::Invalid;
    QString lineId;    ///< Line it belongs to, empty when unknown
    QString transport; ///< "udp", "tcp", "tls" (messages only)
    QString peer;      ///< "ip:port" of the other end (messages only); IPv6 as "[addr]:port"
    QString text;      ///< Step text, or the first line of a message
    QByteArray raw;    ///< Full message as sent/received (messages only)

    bool isMessage() const { return kind == Kind::Sent || kind == Kind::Received; }
    /// "REGISTER", or the status code as text ("401") for responses; empty for steps.
    QString methodOrStatus() const;
    /// Value of the first header with this name (case-insensitive, compact forms known), or empty.
    QByteArray header(const QByteArray &name) const;
    /// The method a response answers (from CSeq), or the request's method.
    QString cseqMethod() const;
    /// Rough memory cost, for the log's byte bound.
    qsizetype approximateBytes() const { return raw.size() + 2 * (text.size() + lineId.size() + peer.size()) + 96; }
    /// One line: "12:00:01.234 send udp 127.0.0.1:5060 REGISTER sip:pbx" — used by the CLI and for copy.
    QString format(bool withRaw) const;
};

QString kindName(LogEntry::Kind kind); ///< "step", "send", "recv", "error"

} // namespace Sip

Q_DECLARE_METATYPE(Sip::LogEntry)
