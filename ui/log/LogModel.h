// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"
#include "app/core/LogFilter.h"

#include <QAbstractItemModel>
#include <QHash>
#include <deque>

namespace Gui {

/// The live SIP log as rows for a QTreeView: one top-level row per entry that passes the filter, and
/// each raw message's lines as child rows, so a message folds to its first line. Owns a bounded copy
/// of the entries (the oldest are dropped in chunks); filtering keeps a sorted vector of entry indices
/// instead of a proxy model. GUI thread only; fed in batches from SipLog::entriesAdded.
class LogModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LineColumn,
        DirectionColumn,
        PeerColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        SequenceRole = Qt::UserRole + 1,
        KindRole
    };

    explicit LogModel(QObject *parent = nullptr);

    void append(const QList<Sip::LogEntry> &entries);
    void clear();
    void setMaxEntries(qsizetype maxEntries);
    qsizetype maxEntries() const { return m_maxEntries; }

    void setFilter(const LogFilter &filter);
    const LogFilter &filter() const { return m_filter; }

    /// While paused, new entries wait (bounded by maxEntries) and appear on resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qsizetype pendingCount() const { return m_pending.size(); }

    qsizetype totalCount() const { return qsizetype(m_items.size()); }
    qsizetype visibleCount() const { return qsizetype(m_visible.size()); }
    /// Line ids shown in the Line column as the given names (e.g. "1001@pbx.example").
    void setLineNames(const QHash<QString, QString> &names);

    /// The entry of a top-level row or of a child (raw line) row.
    const Sip::LogEntry *entryAt(const QModelIndex &index) const;
    /// Entries of the given rows, oldest first, each once.
    QList<Sip::LogEntry> entriesFor(const QModelIndexList &indexes) const;
    QList<Sip::LogEntry> visibleEntries() const;
    /// Top-level index of the entry with this sequence number, if it is shown.
    QModelIndex indexForSequence(quint64 sequence) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void countsChanged();

private:
    struct Item
    {
        Sip::LogEntry entry;
        QString cseqMethod;
        int statusCode = 0;
        int rawLineCount = 0;
    };

    const Item &itemAtRow(int row) const { return m_items[std::size_t(m_visible[std::size_t(row)] - m_base)]; }
    const Item *itemForGlobal(quint64 global) const;
    int rowOfGlobal(quint64 global) const; ///< -1 when not visible
    void insertItems(const QList<Sip::LogEntry> &entries);
    void trim();
    void rebuildVisible();
    QVariant itemData(const Item &item, int column, int role) const;
    QVariant rawLineData(const Item &item, int line, int column, int role) const;

    std::deque<Item> m_items;
    quint64 m_base = 0;             ///< Global index of m_items.front()
    std::deque<quint64> m_visible;  ///< Global indices of shown items, ascending
    QList<Sip::LogEntry> m_pending; ///< Arrived while paused
    LogFilter m_filter;
    QHash<QString, QString> m_lineNames;
    qsizetype m_maxEntries = 100000;
    bool m_paused = false;
};

} // namespace Gui
