// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <deque>

namespace Sip {

/// The one live SIP log: a bounded, thread-safe store of LogEntry values.
/// append() may be called from any thread (the engine thread does). Readers live in the thread that
/// owns this object: entriesAdded() is emitted there in batches (at most every flushIntervalMs), never
/// once per entry. The oldest entries are dropped past maxEntries or maxBytes.
class SipLog : public QObject
{
    Q_OBJECT
public:
    explicit SipLog(QObject *parent = nullptr);

    void append(LogEntry entry); ///< Any thread. Assigns sequence; fills timestamp if null
    void appendStep(const QString &lineId, const QString &text, LogEntry::Kind kind = LogEntry::Kind::Step);

    QList<LogEntry> snapshot() const;                     ///< Any thread. Everything currently held, oldest first
    QList<LogEntry> entriesSince(quint64 sequence) const; ///< Entries with a greater sequence
    void clear();                                         ///< Any thread

    void setLimits(qsizetype maxEntries, qsizetype maxBytes); ///< Any thread; trims at once
    qsizetype maxEntries() const;
    qsizetype maxBytes() const;
    qsizetype size() const;
    qsizetype bytes() const;
    quint64 droppedCount() const;            ///< Entries dropped because of the bounds
    void setFlushInterval(int milliseconds); ///< Owner thread

Q_SIGNALS:
    /// New entries since the last batch, oldest first. Owner thread.
    void entriesAdded(const QList<Sip::LogEntry> &entries);
    /// Entries up to and including this sequence were dropped (bounds or clear()). Owner thread.
    void entriesDropped(quint64 upToSequence);

private:
    void scheduleFlush();
    void flush();
    void trimLocked();

    mutable QMutex m_mutex;
    std::deque<LogEntry> m_entries;
    QList<LogEntry> m_pending;
    qsizetype m_bytes = 0;
    qsizetype m_maxEntries = 100000;
    qsizetype m_maxBytes = 256 * 1024 * 1024;
    quint64 m_nextSequence = 1;
    quint64 m_dropped = 0;
    quint64 m_droppedUpTo = 0;
    quint64 m_reportedDroppedUpTo = 0;
    bool m_flushScheduled = false;
    int m_flushIntervalMs = 50;
};

} // namespace Sip
