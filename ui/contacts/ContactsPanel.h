// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QToolButton;

namespace Gui {

class ContactListModel;

/// The contacts of the selected line with their live state, add/edit/remove, and the user's own status
/// on that line. Owns no SIP logic: edits go out as signals (the application stores them and drives the
/// presence service); presence comes in through applyPresence(). GUI thread.
class ContactsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPanel(QWidget *parent = nullptr);

    ContactListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QString currentLineId() const { return m_lineId; }

    void setCurrentLine(const QString &lineId);
    void setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts);
    void setOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note);
    void removeLine(const QString &lineId);
    void applyPresence(const Sip::ContactPresenceEvent &event);

public Q_SLOTS:
    void addContact();
    void editContact();
    void removeContact();

Q_SIGNALS:
    /// The user changed the line's contact list (added, edited or removed one).
    void contactsEdited(const QString &lineId, const QList<Sip::WatchedContact> &contacts);
    /// The user chose a status for the line (OwnStatus::Invalid: publish nothing).
    void ownStatusChosen(const QString &lineId, Sip::OwnStatus status, const QString &note);
    /// Double-click: the user wants to call this contact (the address as typed).
    void callRequested(const QString &lineId, const QString &address);

private:
    void updateButtons();
    void showOwnStatus();
    void onOwnStatusEdited();
    void commit(const QList<Sip::WatchedContact> &contacts);

    struct OwnChoice
    {
        Sip::OwnStatus status = Sip::OwnStatus::Invalid;
        QString note;
    };

    ContactListModel *m_model;
    QListView *m_view;
    QComboBox *m_statusCombo;
    QLineEdit *m_noteEdit;
    QToolButton *m_addButton;
    QToolButton *m_editButton;
    QToolButton *m_removeButton;
    QString m_lineId;
    QHash<QString, OwnChoice> m_own;
    bool m_showingOwn = false;
};

} // namespace Gui
