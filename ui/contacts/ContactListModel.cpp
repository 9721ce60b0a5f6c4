// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/contacts/ContactListModel.h"

#include <QPainter>
#include <QPixmap>

namespace Gui {

ContactListModel::ContactListModel(QObject *parent) : QAbstractListModel(parent) {}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_lines.value(m_lineId).contacts.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    const auto lineIt = m_lines.constFind(m_lineId);
    if (!index.isValid() || lineIt == m_lines.constEnd() || index.row() >= lineIt->contacts.size())
        return {};
    const Sip::WatchedContact &contact = lineIt->contacts.at(index.row());
    const Sip::ContactPresenceEvent state = lineIt->states.value(contact.contactId);
    const Sip::PresenceStatus status =
        state.status == Sip::PresenceStatus::Invalid ? Sip::PresenceStatus::Unknown : state.status;
    const QString name = contact.name.isEmpty() ? contact.uri : contact.name;
    switch (role) {
    case Qt::DisplayRole: {
        // Name, the address as the user typed it, and the contact's note.
        QString text = contact.name.isEmpty() ? contact.uri : QStringLiteral("%1 (%2)").arg(contact.name, contact.uri);
        if (!state.note.isEmpty())
            text += QStringLiteral(" — ") + state.note;
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip =
            QStringLiteral("%1\n%2\n%3").arg(name, state.uri.isEmpty() ? contact.uri : state.uri, statusText(status));
        if (!state.note.isEmpty())
            tip += QStringLiteral(": ") + state.note;
        if (contact.busyLamp)
            tip += tr("\nBusy lamp (call state) watched");
        return tip;
    }
    case Qt::DecorationRole:
        return statusIcon(status);
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(name, statusText(status));
    case ContactIdRole:
        return contact.contactId;
    case UriRole:
        return state.uri.isEmpty() ? contact.uri : state.uri;
    case StatusRole:
        return int(status);
    case NoteRole:
        return state.note;
    case NameRole:
        return name;
    default:
        return {};
    }
}

void ContactListModel::showLine(const QString &lineId)
{
    if (lineId == m_lineId)
        return;
    beginResetModel();
    m_lineId = lineId;
    endResetModel();
}

void ContactListModel::setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts)
{
    const bool shown = lineId == m_lineId;
    if (shown)
        beginResetModel();
    Line &line = m_lines[lineId];
    line.contacts = contacts;
    QHash<QString, Sip::ContactPresenceEvent> kept;
    for (const Sip::WatchedContact &contact : contacts) {
        const auto it = line.states.constFind(contact.contactId);
        if (it != line.states.constEnd())
            kept.insert(contact.contactId, it.value());
    }
    line.states = kept;
    reindex(line);
    if (shown)
        endResetModel();
}

QList<Sip::WatchedContact> ContactListModel::contacts(const QString &lineId) const
{
    return m_lines.value(lineId).contacts;
}

void ContactListModel::removeLine(const QString &lineId)
{
    if (lineId == m_lineId)
        beginResetModel();
    m_lines.remove(lineId);
    if (lineId == m_lineId)
        endResetModel();
}

void ContactListModel::applyPresence(const Sip::ContactPresenceEvent &event)
{
    auto lineIt = m_lines.find(event.lineId);
    if (lineIt == m_lines.end())
        return;
    const auto rowIt = lineIt->rows.constFind(event.contactId);
    if (rowIt == lineIt->rows.constEnd())
        return;
    lineIt->states.insert(event.contactId, event);
    if (event.lineId == m_lineId) {
        const QModelIndex changed = index(rowIt.value());
        Q_EMIT dataChanged(changed, changed);
    }
}

Sip::WatchedContact ContactListModel::contactAt(int row) const
{
    const QList<Sip::WatchedContact> list = m_lines.value(m_lineId).contacts;
    return row >= 0 && row < list.size() ? list.at(row) : Sip::WatchedContact{};
}

Sip::ContactPresenceEvent ContactListModel::presenceAt(int row) const
{
    const Sip::WatchedContact contact = contactAt(row);
    return m_lines.value(m_lineId).states.value(contact.contactId);
}

int ContactListModel::rowOf(const QString &contactId) const
{
    return m_lines.value(m_lineId).rows.value(contactId, -1);
}

void ContactListModel::reindex(Line &line)
{
    line.rows.clear();
    for (int row = 0; row < line.contacts.size(); ++row)
        line.rows.insert(line.contacts.at(row).contactId, row);
}

QIcon ContactListModel::statusIcon(Sip::PresenceStatus status)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(status));
    if (it != cache.constEnd())
        return it.value();
    QColor color;
    bool hollow = false;
    switch (status) {
    case Sip::PresenceStatus::Online:
        color = QColor(0x2e, 0xa0, 0x43);
        break;
    case Sip::PresenceStatus::Away:
        color = QColor(0xe0, 0xa1, 0x00);
        break;
    case Sip::PresenceStatus::Busy:
    case Sip::PresenceStatus::OnThePhone:
        color = QColor(0xd1, 0x24, 0x2f);
        break;
    case Sip::PresenceStatus::Ringing:
        color = QColor(0x1f, 0x6f, 0xeb);
        break;
    case Sip::PresenceStatus::Offline:
        color = QColor(0x8c, 0x95, 0x9f);
        break;
    case Sip::PresenceStatus::Unknown:
    case Sip::PresenceStatus::Invalid:
        color = QColor(0x8c, 0x95, 0x9f);
        hollow = true;
        break;
    }
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal margin = size / 5.0;
        const QRectF circle(margin, margin, size - 2 * margin, size - 2 * margin);
        painter.setPen(QPen(color, size / 10.0));
        painter.setBrush(hollow ? Qt::NoBrush : QBrush(color));
        painter.drawEllipse(circle);
        if (status == Sip::PresenceStatus::OnThePhone || status == Sip::PresenceStatus::Busy) {
            // A white bar tells "busy/on the phone" apart from other reds for colour-blind users.
            painter.setPen(QPen(Qt::white, size / 8.0));
            painter.drawLine(QPointF(circle.left() + size / 8.0, circle.center().y()),
                             QPointF(circle.right() - size / 8.0, circle.center().y()));
        }
        icon.addPixmap(pixmap);
    }
    cache.insert(int(status), icon);
    return icon;
}

QString ContactListModel::statusText(Sip::PresenceStatus status)
{
    switch (status) {
    case Sip::PresenceStatus::Online:
        return tr("Available");
    case Sip::PresenceStatus::Away:
        return tr("Away");
    case Sip::PresenceStatus::Busy:
        return tr("Busy");
    case Sip::PresenceStatus::OnThePhone:
        return tr("On the phone");
    case Sip::PresenceStatus::Ringing:
        return tr("Ringing");
    case Sip::PresenceStatus::Offline:
        return tr("Offline");
    case Sip::PresenceStatus::Unknown:
    case Sip::PresenceStatus::Invalid:
        break;
    }
    return tr("Unknown");
}

} // namespace Gui
