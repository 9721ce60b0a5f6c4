// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Sip::Internal {

/// Turns Sofia's transport message log (the text tport writes through su_log when TPTAG_LOG is on) back
/// into whole SIP messages. Sofia calls its logger many times per message (stamp, each line, each
/// newline), so this is a small state machine fed with arbitrary fragments. Text outside a message
/// record is debug output and is kept separately. Not thread-safe: one owner thread (the engine's).
class TportLogParser
{
public:
    void feed(const char *text, qsizetype length);
    /// Messages completed since the last call, oldest first (kind, transport, peer, text, raw, timestamp).
    QList<LogEntry> takeMessages();
    /// Debug lines (not part of a message record) since the last call.
    QStringList takeDebugLines();
    bool inRecord() const { return m_state != State::Idle; }

private:
    enum class State
    {
        Idle,
        ExpectSeparator,
        Body
    };
    void processLine(QByteArray line);
    bool startRecord(const QByteArray &line);
    void finishRecord();

    State m_state = State::Idle;
    QByteArray m_partialLine;
    LogEntry m_current;
    qsizetype m_expectedBytes = 0;
    QList<QByteArray> m_lines;
    QList<LogEntry> m_done;
    QStringList m_debug;
};

/// The first line of a SIP message in the words of the log: "REGISTER sip:pbx.example" or "401 Unauthorized".
QString summarizeFirstLine(const QByteArray &raw);

} // namespace Sip::Internal
