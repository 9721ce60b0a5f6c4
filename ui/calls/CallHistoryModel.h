// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/CallHistoryEntry.h"

#include <QAbstractListModel>

namespace Gui {

/// The finished calls, newest first, capped at capacity() entries: who, when, how long, on which line,
/// and how each ended; counts the missed calls nobody has looked at yet. Holds no file: whoever stores
/// the history listens to historyChanged. GUI thread.
class CallHistoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        EntryRole = Qt::UserRole + 1, ///< QVariant holding the CallHistoryEntry
        LineIdRole,
        PeerRole,
        OutcomeRole, ///< int(CallOutcome)
    };
    static constexpr int DefaultCapacity = 500;

    explicit CallHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Replaces everything (newest first), keeping the newest capacity() entries; no historyChanged.
    void setEntries(const QList<CallHistoryEntry> &entries);
    /// Puts a finished call on top; the oldest beyond capacity() are dropped.
    void add(const CallHistoryEntry &entry);
    void clear();
    const QList<CallHistoryEntry> &entries() const { return m_entries; }
    CallHistoryEntry entry(int row) const { return m_entries.value(row); }

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    /// Missed calls not yet marked seen.
    int missedCount() const;
    /// The user has looked at the history: missed calls stop counting.
    void markMissedSeen();

    /// "Yesterday 14:02", "14:02" for today, a short date before that (local time).
    static QString describeTime(const QDateTime &utc, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    /// "0:07", "12:45", "1:02:03".
    static QString describeDuration(qint64 seconds);
    /// "Front desk" or "1002@pbx" for the list; the URI without its scheme when there is no name.
    static QString describePeer(const CallHistoryEntry &entry);
    /// "2:15", "Missed", "Rejected", "Cancelled", "Busy", "Failed (503)"
    static QString describeOutcome(const CallHistoryEntry &entry);

Q_SIGNALS:
    /// Entries were added, removed or marked seen (not sent by setEntries).
    void historyChanged();
    void missedCountChanged(int count);

private:
    void trim();

    QList<CallHistoryEntry> m_entries;
    int m_capacity = DefaultCapacity;
};

} // namespace Gui

Q_DECLARE_METATYPE(Gui::CallHistoryEntry)
