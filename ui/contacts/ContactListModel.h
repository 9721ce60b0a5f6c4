// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>

namespace Gui {

/// The contacts of one line (the one shown) with their live presence: name, address, state icon and
/// note. Keeps the last state of every line's contacts, so switching lines shows them at once. A
/// presence update changes one row (an O(1) lookup), so bursts of hundreds stay cheap. GUI thread.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        ContactIdRole = Qt::UserRole + 1,
        UriRole,
        StatusRole, ///< Sip::PresenceStatus as int
        NoteRole,
        NameRole,
    };

    explicit ContactListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString lineId() const { return m_lineId; }
    void showLine(const QString &lineId);
    /// Replaces the contacts of a line (shown or not); states of contacts that stay are kept.
    void setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts);
    QList<Sip::WatchedContact> contacts(const QString &lineId) const;
    void removeLine(const QString &lineId);
    void applyPresence(const Sip::ContactPresenceEvent &event);
    Sip::WatchedContact contactAt(int row) const;
    Sip::ContactPresenceEvent presenceAt(int row) const;
    int rowOf(const QString &contactId) const;

    /// A round state icon for a contact's status; cached per status.
    static QIcon statusIcon(Sip::PresenceStatus status);
    /// The words shown for a status ("On the phone").
    static QString statusText(Sip::PresenceStatus status);

private:
    struct Line
    {
        QList<Sip::WatchedContact> contacts;
        QHash<QString, Sip::ContactPresenceEvent> states; ///< contactId -> last state
        QHash<QString, int> rows;                         ///< contactId -> row
    };
    void reindex(Line &line);

    QHash<QString, Line> m_lines;
    QString m_lineId;
};

} // namespace Gui
