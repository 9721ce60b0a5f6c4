// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/log/LogModel.h"

#include "ui/theme/Theme.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace Gui {

namespace {

int countRawLines(const QByteArray &raw)
{
    qsizetype end = raw.size();
    while (end > 0 && (raw.at(end - 1) == '\n' || raw.at(end - 1) == '\r'))
        --end;
    if (end == 0)
        return 0;
    return int(QByteArrayView(raw.constData(), end).count('\n')) + 1;
}

QByteArrayView rawLine(const QByteArray &raw, int line)
{
    qsizetype start = 0;
    for (int i = 0; i < line; ++i) {
        start = raw.indexOf('\n', start);
        if (start < 0)
            return {};
        ++start;
    }
    qsizetype end = raw.indexOf('\n', start);
    if (end < 0)
        end = raw.size();
    if (end > start && raw.at(end - 1) == '\r')
        --end;
    return QByteArrayView(raw.constData() + start, end - start);
}

QString directionText(Sip::LogEntry::Kind kind)
{
    switch (kind) {
    case Sip::LogEntry::Kind::Sent:
        return QStringLiteral("→");
    case Sip::LogEntry::Kind::Received:
        return QStringLiteral("←");
    case Sip::LogEntry::Kind::Error:
        return QStringLiteral("!");
    default:
        return QStringLiteral("·");
    }
}

} // namespace

LogModel::LogModel(QObject *parent) : QAbstractItemModel(parent) {}

void LogModel::append(const QList<Sip::LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    if (m_paused) {
        m_pending.append(entries);
        if (m_pending.size() > m_maxEntries)
            m_pending.remove(0, m_pending.size() - m_maxEntries);
        Q_EMIT countsChanged();
        return;
    }
    insertItems(entries);
    trim();
    Q_EMIT countsChanged();
}

void LogModel::insertItems(const QList<Sip::LogEntry> &entries)
{
    const LogFilterMatcher matcher(m_filter);
    std::vector<quint64> shown;
    for (const Sip::LogEntry &entry : entries) {
        Item item;
        item.entry = entry;
        if (entry.isMessage()) {
            item.cseqMethod = entry.cseqMethod();
            const QString methodOrStatus = entry.methodOrStatus();
            if (!methodOrStatus.isEmpty() && methodOrStatus.at(0).isDigit())
                item.statusCode = methodOrStatus.toInt();
            item.rawLineCount = countRawLines(entry.raw);
        }
        const quint64 global = m_base + m_items.size();
        if (matcher.matches(item.entry, item.cseqMethod, item.statusCode))
            shown.push_back(global);
        m_items.push_back(std::move(item));
    }
    if (shown.empty())
        return;
    const int first = int(m_visible.size());
    beginInsertRows({}, first, first + int(shown.size()) - 1);
    m_visible.insert(m_visible.end(), shown.begin(), shown.end());
    endInsertRows();
}

void LogModel::trim()
{
    if (qsizetype(m_items.size()) <= m_maxEntries)
        return;
    // Drop in chunks of a tenth so a full log does not remove rows on every batch.
    const qsizetype chunk = std::max<qsizetype>(1, m_maxEntries / 10);
    const qsizetype drop =
        std::min<qsizetype>(qsizetype(m_items.size()), qsizetype(m_items.size()) - m_maxEntries + chunk);
    const quint64 newBase = m_base + quint64(drop);
    const auto firstKept = std::lower_bound(m_visible.begin(), m_visible.end(), newBase);
    const int removedRows = int(firstKept - m_visible.begin());
    if (removedRows > 0)
        beginRemoveRows({}, 0, removedRows - 1);
    m_visible.erase(m_visible.begin(), firstKept);
    m_items.erase(m_items.begin(), m_items.begin() + drop);
    m_base = newBase;
    if (removedRows > 0)
        endRemoveRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_base += m_items.size();
    m_items.clear();
    m_visible.clear();
    m_pending.clear();
    endResetModel();
    Q_EMIT countsChanged();
}

void LogModel::setMaxEntries(qsizetype maxEntries)
{
    m_maxEntries = std::max<qsizetype>(10, maxEntries);
    trim();
    Q_EMIT countsChanged();
}

void LogModel::setFilter(const LogFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    rebuildVisible();
    endResetModel();
    Q_EMIT countsChanged();
}

void LogModel::rebuildVisible()
{
    m_visible.clear();
    const LogFilterMatcher matcher(m_filter);
    quint64 global = m_base;
    for (const Item &item : m_items) {
        if (matcher.matches(item.entry, item.cseqMethod, item.statusCode))
            m_visible.push_back(global);
        ++global;
    }
}

void LogModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!m_paused && !m_pending.isEmpty()) {
        const QList<Sip::LogEntry> pending = std::exchange(m_pending, {});
        insertItems(pending);
        trim();
    }
    Q_EMIT countsChanged();
}

void LogModel::setLineNames(const QHash<QString, QString> &names)
{
    m_lineNames = names;
    if (!m_visible.empty())
        Q_EMIT dataChanged(index(0, LineColumn), index(int(m_visible.size()) - 1, LineColumn));
}

const LogModel::Item *LogModel::itemForGlobal(quint64 global) const
{
    if (global < m_base || global >= m_base + m_items.size())
        return nullptr;
    return &m_items[std::size_t(global - m_base)];
}

int LogModel::rowOfGlobal(quint64 global) const
{
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), global);
    if (it == m_visible.end() || *it != global)
        return -1;
    return int(it - m_visible.begin());
}

const Sip::LogEntry *LogModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == 0)
        return index.row() < int(m_visible.size()) ? &itemAtRow(index.row()).entry : nullptr;
    const Item *item = itemForGlobal(index.internalId() - 1);
    return item ? &item->entry : nullptr;
}

QList<Sip::LogEntry> LogModel::entriesFor(const QModelIndexList &indexes) const
{
    std::vector<quint64> globals;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid())
            continue;
        if (index.internalId() == 0) {
            if (index.row() < int(m_visible.size()))
                globals.push_back(m_visible[std::size_t(index.row())]);
        } else {
            globals.push_back(index.internalId() - 1);
        }
    }
    std::sort(globals.begin(), globals.end());
    globals.erase(std::unique(globals.begin(), globals.end()), globals.end());
    QList<Sip::LogEntry> result;
    for (quint64 global : globals) {
        if (const Item *item = itemForGlobal(global))
            result.append(item->entry);
    }
    return result;
}

QList<Sip::LogEntry> LogModel::visibleEntries() const
{
    QList<Sip::LogEntry> result;
    result.reserve(qsizetype(m_visible.size()));
    for (quint64 global : m_visible)
        result.append(m_items[std::size_t(global - m_base)].entry);
    return result;
}

QModelIndex LogModel::indexForSequence(quint64 sequence) const
{
    // Sequences ascend with the global index, so a binary search over the shown rows finds it.
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), sequence, [this](quint64 global, quint64 seq) {
        return m_items[std::size_t(global - m_base)].entry.sequence < seq;
    });
    if (it == m_visible.end() || m_items[std::size_t(*it - m_base)].entry.sequence != sequence)
        return {};
    return index(int(it - m_visible.begin()), 0);
}

QModelIndex LogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_visible.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= int(m_visible.size()))
        return {};
    const quint64 global = m_visible[std::size_t(parent.row())];
    if (row >= itemAtRow(parent.row()).rawLineCount)
        return {};
    return createIndex(row, column, quintptr(global + 1));
}

QModelIndex LogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOfGlobal(child.internalId() - 1);
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_visible.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= int(m_visible.size()))
        return 0;
    return itemAtRow(parent.row()).rawLineCount;
}

int LogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool LogModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags LogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LineColumn:
        return tr("Line");
    case DirectionColumn:
        return QString();
    case PeerColumn:
        return tr("Peer");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        if (index.row() >= int(m_visible.size()))
            return {};
        return itemData(itemAtRow(index.row()), index.column(), role);
    }
    const Item *item = itemForGlobal(index.internalId() - 1);
    return item ? rawLineData(*item, index.row(), index.column(), role) : QVariant();
}

QVariant LogModel::itemData(const Item &item, int column, int role) const
{
    const Sip::LogEntry &entry = item.entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return entry.timestamp.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LineColumn:
            return m_lineNames.value(entry.lineId, entry.lineId);
        case DirectionColumn:
            return directionText(entry.kind);
        case PeerColumn:
            return entry.isMessage() ? QString(entry.transport.toUpper() % u' ' % entry.peer) : QString();
        case MessageColumn:
            return entry.text;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == DirectionColumn) {
            switch (entry.kind) {
            case Sip::LogEntry::Kind::Sent:
                return tr("Sent by Offhook");
            case Sip::LogEntry::Kind::Received:
                return tr("Received from the peer");
            case Sip::LogEntry::Kind::Error:
                return tr("Error");
            default:
                return tr("Engine step");
            }
        }
        return {};
    case Qt::ForegroundRole:
        if (column == MessageColumn || column == DirectionColumn)
            return Theme::logColor(entry.kind);
        return {};
    case Qt::FontRole:
        if (entry.isMessage() && column == MessageColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (entry.kind == Sip::LogEntry::Kind::Error && column == MessageColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
        return QString(Sip::kindName(entry.kind) % u' ' % entry.peer % u' ' % entry.text);
    case SequenceRole:
        return entry.sequence;
    case KindRole:
        return int(entry.kind);
    default:
        return {};
    }
}

QVariant LogModel::rawLineData(const Item &item, int line, int column, int role) const
{
    if (column != MessageColumn)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return QString::fromUtf8(rawLine(item.entry.raw, line));
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::ForegroundRole:
        return Theme::logColor(item.entry.kind, line > 0);
    case SequenceRole:
        return item.entry.sequence;
    case KindRole:
        return int(item.entry.kind);
    default:
        return {};
    }
}

} // namespace Gui
