// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/calls/CallHistoryModel.h"

#include "ui/theme/Theme.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace Gui {

CallHistoryModel::CallHistoryModel(QObject *parent) : QAbstractListModel(parent) {}

int CallHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const CallHistoryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2 · %3").arg(describePeer(entry), describeTime(entry.startedUtc), describeOutcome(entry));
    case Qt::AccessibleTextRole:
        return tr("%1 call, %2, %3, %4")
            .arg(entry.direction == Sip::CallDirection::Incoming ? tr("Incoming") : tr("Outgoing"), describePeer(entry),
                 describeTime(entry.startedUtc), describeOutcome(entry));
    case Qt::ToolTipRole: {
        QString tip = tr("%1 call with %2\nLine: %3\nStarted: %4")
                          .arg(entry.direction == Sip::CallDirection::Incoming ? tr("Incoming") : tr("Outgoing"),
                               entry.peer, entry.lineLabel.isEmpty() ? entry.lineId : entry.lineLabel,
                               QLocale().toString(entry.startedUtc.toLocalTime(), QLocale::LongFormat));
        if (entry.outcome == CallOutcome::Answered)
            tip += tr("\nDuration: %1").arg(describeDuration(entry.durationSeconds));
        if (!entry.endReason.isEmpty())
            tip += tr("\nEnded: %1").arg(entry.endReason);
        if (entry.statusCode > 0)
            tip += tr(" (%1)").arg(entry.statusCode);
        return tip;
    }
    case Qt::DecorationRole:
        if (entry.outcome == CallOutcome::Missed)
            return Theme::icon(QStringLiteral("call-missed"));
        if (entry.outcome == CallOutcome::Rejected || entry.outcome == CallOutcome::Failed)
            return Theme::icon(QStringLiteral("call-failed"));
        return Theme::icon(entry.direction == Sip::CallDirection::Incoming ? QStringLiteral("call-incoming")
                                                                           : QStringLiteral("call-outgoing"));
    case Qt::ForegroundRole:
        if (entry.outcome == CallOutcome::Missed)
            return Theme::isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::FontRole:
        if (entry.isUnseenMissed()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case EntryRole:
        return QVariant::fromValue(entry);
    case LineIdRole:
        return entry.lineId;
    case PeerRole:
        return entry.peer;
    case OutcomeRole:
        return int(entry.outcome);
    default:
        return {};
    }
}

void CallHistoryModel::setEntries(const QList<CallHistoryEntry> &entries)
{
    const int missedBefore = missedCount();
    beginResetModel();
    m_entries = entries;
    if (m_entries.size() > m_capacity)
        m_entries.resize(m_capacity);
    endResetModel();
    if (missedCount() != missedBefore)
        Q_EMIT missedCountChanged(missedCount());
}

void CallHistoryModel::add(const CallHistoryEntry &entry)
{
    const int missedBefore = missedCount();
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    trim();
    Q_EMIT historyChanged();
    if (missedCount() != missedBefore)
        Q_EMIT missedCountChanged(missedCount());
}

void CallHistoryModel::clear()
{
    if (m_entries.isEmpty())
        return;
    const int missedBefore = missedCount();
    beginResetModel();
    m_entries.clear();
    endResetModel();
    Q_EMIT historyChanged();
    if (missedBefore != 0)
        Q_EMIT missedCountChanged(0);
}

void CallHistoryModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (m_entries.size() > m_capacity) {
        trim();
        Q_EMIT historyChanged();
    }
}

void CallHistoryModel::trim()
{
    if (m_entries.size() <= m_capacity)
        return;
    beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
    m_entries.resize(m_capacity);
    endRemoveRows();
}

int CallHistoryModel::missedCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const CallHistoryEntry &entry) { return entry.isUnseenMissed(); }));
}

void CallHistoryModel::markMissedSeen()
{
    bool changed = false;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).isUnseenMissed()) {
            m_entries[row].seen = true;
            changed = true;
            Q_EMIT dataChanged(index(row), index(row), {Qt::FontRole});
        }
    }
    if (changed) {
        Q_EMIT historyChanged();
        Q_EMIT missedCountChanged(0);
    }
}

QString CallHistoryModel::describeTime(const QDateTime &utc, const QDateTime &nowUtc)
{
    const QDateTime local = utc.toLocalTime();
    const QDate today = nowUtc.toLocalTime().date();
    const QString time = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return tr("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat), time);
}

QString CallHistoryModel::describeDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

QString CallHistoryModel::describePeer(const CallHistoryEntry &entry)
{
    if (!entry.peerDisplayName.isEmpty())
        return entry.peerDisplayName;
    QString peer = entry.peer;
    for (const QString &scheme : {QStringLiteral("sip:"), QStringLiteral("sips:"), QStringLiteral("tel:")}) {
        if (peer.startsWith(scheme, Qt::CaseInsensitive))
            return peer.mid(scheme.size());
    }
    return peer;
}

QString CallHistoryModel::describeOutcome(const CallHistoryEntry &entry)
{
    switch (entry.outcome) {
    case CallOutcome::Answered:
        return describeDuration(entry.durationSeconds);
    case CallOutcome::Missed:
        return tr("Missed");
    case CallOutcome::Rejected:
        return tr("Rejected");
    case CallOutcome::Cancelled:
        return tr("Cancelled");
    case CallOutcome::Failed:
        // A word or two for the list; the diagnosis itself is in the tooltip.
        switch (entry.statusCode) {
        case 0:
            return tr("Failed");
        case 404:
        case 484:
            return tr("Not found");
        case 408:
        case 487:
            return tr("No answer");
        case 480:
            return tr("Unavailable");
        case 486:
        case 600:
            return tr("Busy");
        case 488:
        case 606:
            return tr("No common codec");
        case 603:
            return tr("Declined");
        default:
            return tr("Failed (%1)").arg(entry.statusCode);
        }
    case CallOutcome::Invalid:
        break;
    }
    return {};
}

} // namespace Gui
