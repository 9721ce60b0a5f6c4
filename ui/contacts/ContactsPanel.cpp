// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/contacts/ContactsPanel.h"

#include "ui/contacts/ContactDialog.h"
#include "ui/contacts/ContactListModel.h"
#include "ui/theme/Theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

namespace Gui {
namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &icon, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(Theme::icon(icon));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ContactsPanel::ContactsPanel(QWidget *parent)
    : QWidget(parent), m_model(new ContactListModel(this)), m_view(new QListView(this)),
      m_statusCombo(new QComboBox(this)), m_noteEdit(new QLineEdit(this)),
      m_addButton(toolButton(this, QStringLiteral("addContactButton"), QStringLiteral("add"), tr("Add a contact"))),
      m_editButton(
          toolButton(this, QStringLiteral("editContactButton"), QStringLiteral("edit"), tr("Edit the contact"))),
      m_removeButton(
          toolButton(this, QStringLiteral("removeContactButton"), QStringLiteral("delete"), tr("Remove the contact")))
{
    setObjectName(QStringLiteral("contactsPanel"));
    m_statusCombo->setObjectName(QStringLiteral("ownStatusCombo"));
    m_statusCombo->setToolTip(tr("What others watching this line see"));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Online), tr("Available"),
                           int(Sip::OwnStatus::Available));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Away), tr("Away"),
                           int(Sip::OwnStatus::Away));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Busy), tr("Busy"),
                           int(Sip::OwnStatus::Busy));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Busy), tr("Do not disturb"),
                           int(Sip::OwnStatus::DoNotDisturb));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Offline), tr("Appear offline"),
                           int(Sip::OwnStatus::Offline));
    m_statusCombo->addItem(ContactListModel::statusIcon(Sip::PresenceStatus::Unknown), tr("Not published"),
                           int(Sip::OwnStatus::Invalid));
    m_noteEdit->setObjectName(QStringLiteral("ownNoteEdit"));
    m_noteEdit->setPlaceholderText(tr("Note for others (optional)"));
    m_noteEdit->setClearButtonEnabled(true);

    m_view->setObjectName(QStringLiteral("contactView"));
    m_view->setAccessibleName(tr("Contacts"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true); // hundreds of rows lay out in constant time
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusCombo);
    statusRow->addWidget(m_noteEdit, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(statusRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_addButton, &QToolButton::clicked, this, &ContactsPanel::addContact);
    connect(m_editButton, &QToolButton::clicked, this, &ContactsPanel::editContact);
    connect(m_removeButton, &QToolButton::clicked, this, &ContactsPanel::removeContact);
    connect(m_statusCombo, &QComboBox::activated, this, &ContactsPanel::onOwnStatusEdited);
    connect(m_noteEdit, &QLineEdit::editingFinished, this, &ContactsPanel::onOwnStatusEdited);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ContactsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsPanel::updateButtons);
    connect(m_view, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT callRequested(m_lineId, m_model->contactAt(index.row()).uri); });
    showOwnStatus();
    updateButtons();
}

void ContactsPanel::setCurrentLine(const QString &lineId)
{
    if (lineId == m_lineId)
        return;
    m_lineId = lineId;
    m_model->showLine(lineId);
    showOwnStatus();
    updateButtons();
}

void ContactsPanel::setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts)
{
    m_model->setContacts(lineId, contacts);
    updateButtons();
}

void ContactsPanel::setOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note)
{
    m_own.insert(lineId, OwnChoice{status, note});
    if (lineId == m_lineId)
        showOwnStatus();
}

void ContactsPanel::removeLine(const QString &lineId)
{
    m_model->removeLine(lineId);
    m_own.remove(lineId);
    if (lineId == m_lineId)
        setCurrentLine(QString());
}

void ContactsPanel::applyPresence(const Sip::ContactPresenceEvent &event)
{
    m_model->applyPresence(event);
}

void ContactsPanel::addContact()
{
    if (m_lineId.isEmpty())
        return;
    ContactDialog dialog(this);
    dialog.setWindowTitle(tr("Add contact"));
    Sip::WatchedContact fresh;
    fresh.lineId = m_lineId;
    fresh.contactId = QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
    dialog.setContact(fresh);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<Sip::WatchedContact> contacts = m_model->contacts(m_lineId);
    contacts.append(dialog.contact());
    commit(contacts);
    m_view->setCurrentIndex(m_model->index(int(contacts.size()) - 1));
}

void ContactsPanel::editContact()
{
    const int row = m_view->currentIndex().row();
    if (m_lineId.isEmpty() || row < 0)
        return;
    ContactDialog dialog(this);
    dialog.setWindowTitle(tr("Edit contact"));
    dialog.setContact(m_model->contactAt(row));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<Sip::WatchedContact> contacts = m_model->contacts(m_lineId);
    if (row >= contacts.size())
        return;
    contacts[row] = dialog.contact();
    commit(contacts);
    m_view->setCurrentIndex(m_model->index(row));
}

void ContactsPanel::removeContact()
{
    const int row = m_view->currentIndex().row();
    if (m_lineId.isEmpty() || row < 0)
        return;
    QList<Sip::WatchedContact> contacts = m_model->contacts(m_lineId);
    if (row >= contacts.size())
        return;
    contacts.removeAt(row);
    commit(contacts);
}

void ContactsPanel::commit(const QList<Sip::WatchedContact> &contacts)
{
    m_model->setContacts(m_lineId, contacts);
    updateButtons();
    Q_EMIT contactsEdited(m_lineId, contacts);
}

void ContactsPanel::updateButtons()
{
    const bool haveLine = !m_lineId.isEmpty();
    const bool haveRow = haveLine && m_view->currentIndex().isValid();
    m_addButton->setEnabled(haveLine);
    m_editButton->setEnabled(haveRow);
    m_removeButton->setEnabled(haveRow);
    m_statusCombo->setEnabled(haveLine);
    m_noteEdit->setEnabled(haveLine);
}

void ContactsPanel::showOwnStatus()
{
    const OwnChoice choice = m_own.value(m_lineId);
    m_showingOwn = true;
    m_statusCombo->setCurrentIndex(qMax(0, m_statusCombo->findData(int(choice.status))));
    m_noteEdit->setText(choice.note);
    m_showingOwn = false;
}

void ContactsPanel::onOwnStatusEdited()
{
    if (m_showingOwn || m_lineId.isEmpty())
        return;
    const auto status = static_cast<Sip::OwnStatus>(m_statusCombo->currentData().toInt());
    const QString note = m_noteEdit->text().trimmed();
    const OwnChoice previous = m_own.value(m_lineId);
    if (m_own.contains(m_lineId) && previous.status == status && previous.note == note)
        return;
    m_own.insert(m_lineId, OwnChoice{status, note});
    Q_EMIT ownStatusChosen(m_lineId, status, note);
}

} // namespace Gui
