// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SipLog.h"

#include <QMutexLocker>
#include <QTimer>

namespace Sip {

SipLog::SipLog(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Sip::LogEntry>();
    qRegisterMetaType<QList<Sip::LogEntry>>();
}

void SipLog::append(LogEntry entry)
{
    if (entry.timestamp.isNull())
        entry.timestamp = QDateTime::currentDateTimeUtc();
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        entry.sequence = m_nextSequence++;
        m_bytes += entry.approximateBytes();
        m_entries.push_back(entry);
        m_pending.append(std::move(entry));
        trimLocked();
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        scheduleFlush();
}

void SipLog::appendStep(const QString &lineId, const QString &text, LogEntry::Kind kind)
{
    LogEntry entry;
    entry.kind = kind;
    entry.lineId = lineId;
    entry.text = text;
    append(std::move(entry));
}

QList<LogEntry> SipLog::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return QList<LogEntry>(m_entries.begin(), m_entries.end());
}

QList<LogEntry> SipLog::entriesSince(quint64 sequence) const
{
    QMutexLocker lock(&m_mutex);
    QList<LogEntry> result;
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && it->sequence > sequence; ++it)
        result.prepend(*it);
    return result;
}

void SipLog::clear()
{
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_entries.empty())
            m_droppedUpTo = m_entries.back().sequence;
        m_entries.clear();
        m_pending.clear();
        m_bytes = 0;
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        scheduleFlush();
}

void SipLog::setLimits(qsizetype maxEntries, qsizetype maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_maxEntries = qMax<qsizetype>(1, maxEntries);
    m_maxBytes = qMax<qsizetype>(4096, maxBytes);
    trimLocked();
}

qsizetype SipLog::maxEntries() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxEntries;
}

qsizetype SipLog::maxBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxBytes;
}

qsizetype SipLog::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<qsizetype>(m_entries.size());
}

qsizetype SipLog::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

quint64 SipLog::droppedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

void SipLog::setFlushInterval(int milliseconds)
{
    QMutexLocker lock(&m_mutex);
    m_flushIntervalMs = qMax(0, milliseconds);
}

void SipLog::trimLocked()
{
    while (!m_entries.empty() && (static_cast<qsizetype>(m_entries.size()) > m_maxEntries || m_bytes > m_maxBytes)) {
        const LogEntry &oldest = m_entries.front();
        m_bytes -= oldest.approximateBytes();
        m_droppedUpTo = oldest.sequence;
        ++m_dropped;
        m_entries.pop_front();
    }
    // Pending entries that were already dropped are not delivered either.
    qsizetype stale = 0;
    while (stale < m_pending.size() && m_pending.at(stale).sequence <= m_droppedUpTo)
        ++stale;
    if (stale > 0)
        m_pending.remove(0, stale);
}

void SipLog::scheduleFlush()
{
    // Thread hop: the timer must be started in the owner thread, whoever appended.
    QMetaObject::invokeMethod(
        this,
        [this] {
            int interval;
            {
                QMutexLocker lock(&m_mutex);
                interval = m_flushIntervalMs;
            }
            QTimer::singleShot(interval, this, &SipLog::flush);
        },
        Qt::QueuedConnection);
}

void SipLog::flush()
{
    QList<LogEntry> batch;
    quint64 droppedUpTo = 0;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        m_flushScheduled = false;
        if (m_droppedUpTo > m_reportedDroppedUpTo) {
            droppedUpTo = m_droppedUpTo;
            m_reportedDroppedUpTo = m_droppedUpTo;
        }
    }
    if (droppedUpTo != 0)
        Q_EMIT entriesDropped(droppedUpTo);
    if (!batch.isEmpty())
        Q_EMIT entriesAdded(batch);
}

} // namespace Sip
