// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"
#include "sipcore/internal/TportLogParser.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <cstdarg>
#include <functional>

namespace Sip {
class SipLog;
}

namespace Sip::Internal {

/// The wire side of the live log: takes Sofia's transport log (every message sent and received) and its
/// debug output, turns them into LogEntry values attributed to their line by Call-ID, and remembers
/// what sessions ask about the wire (the last status received for a Call-ID, the last transport error).
/// Sofia's log redirect is process-wide, so one WireLog is installed at a time. Engine thread only,
/// except install()/uninstall(), which the engine thread's start and end call.
class WireLog
{
public:
    /// The line of a new incoming request, from its Request-URI user (empty when none fits).
    using LineOfUser = std::function<QString(const QByteArray &user)>;

    WireLog(SipLog *log, LineOfUser lineOfUser);
    ~WireLog();
    WireLog(const WireLog &) = delete;
    WireLog &operator=(const WireLog &) = delete;

    /// Redirects Sofia's logs here; false when another engine of this process holds them.
    bool install();
    void uninstall();
    /// Moves every complete message parsed so far into the SipLog.
    void flush();

    /// Wire messages with this Call-ID are attributed to this line.
    void attributeCallId(const QByteArray &callId, const QString &lineId);
    /// Status of the last response received from the network for this Call-ID (0 if none).
    int lastReceivedStatus(const QByteArray &callId) const { return m_lastReceived.value(callId, 0); }
    /// The Contact header of the last REGISTER sent with this Call-ID (empty if none).
    QByteArray lastSentContact(const QByteArray &callId) const { return m_lastSentContact.value(callId); }
    /// The most recent transport/debug line mentioning an error, for diagnoses.
    QString lastTransportError() const { return m_lastTransportError; }
    void clearTransportError() { m_lastTransportError.clear(); }

private:
    static void onMessageLog(void *context, char const *format, va_list arguments);
    static void onDebugLog(void *context, char const *format, va_list arguments);
    void noteDebugLine(const QString &line);
    /// The line an incoming INVITE (not yet attributed) is for: empty for other messages or no match.
    QString lineOfIncomingCall(const LogEntry &entry) const;

    SipLog *m_log;
    LineOfUser m_lineOfUser;
    TportLogParser m_parser;
    QHash<QByteArray, QString> m_callIdLines;
    QHash<QByteArray, int> m_lastReceived;
    QHash<QByteArray, QByteArray> m_lastSentContact;
    QString m_lastTransportError;
    bool m_installed = false;
};

} // namespace Sip::Internal
