// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The contacts panel offscreen: add, edit and remove contacts through the real dialog, live presence in
// the list, the own-status selector, and contacts kept per line.

#include "ui/contacts/ContactDialog.h"
#include "ui/contacts/ContactListModel.h"
#include "ui/contacts/ContactsPanel.h"
#include "tests/ui/UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Sip;
using Gui::ContactListModel;
using Gui::ContactsPanel;

class TestContactsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addEditRemoveThroughDialog();
    void dialogRefusesBadAddresses_data();
    void dialogRefusesBadAddresses();
    void presenceUpdatesRow();
    void contactsAndStatusPerLine();
    void ownStatusSelector();
};

namespace {

/// Fills the modal contact dialog and presses OK.
void fillDialog(const QString &name, const QString &address, bool busyLamp)
{
    UiTest::whenModal([name, address, busyLamp](QWidget *modal) {
        auto *nameEdit = modal->findChild<QLineEdit *>(QStringLiteral("contactNameEdit"));
        auto *addressEdit = modal->findChild<QLineEdit *>(QStringLiteral("contactAddressEdit"));
        auto *busy = modal->findChild<QCheckBox *>(QStringLiteral("contactBusyLampCheck"));
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        if (!nameEdit || !addressEdit || !busy || !buttons) {
            modal->close();
            return;
        }
        nameEdit->clear();
        QTest::keyClicks(nameEdit, name);
        addressEdit->clear();
        QTest::keyClicks(addressEdit, address);
        busy->setChecked(busyLamp);
        buttons->button(QDialogButtonBox::Ok)->click();
    });
}

ContactPresenceEvent presence(const QString &lineId, const QString &contactId, PresenceStatus status,
                              const QString &note)
{
    ContactPresenceEvent event;
    event.lineId = lineId;
    event.contactId = contactId;
    event.uri = QStringLiteral("sip:1002@pbx.test");
    event.status = status;
    event.note = note;
    return event;
}

} // namespace

void TestContactsPanel::addEditRemoveThroughDialog()
{
    ContactsPanel panel;
    panel.show();
    QSignalSpy edited(&panel, &ContactsPanel::contactsEdited);
    auto *add = panel.findChild<QToolButton *>(QStringLiteral("addContactButton"));
    auto *edit = panel.findChild<QToolButton *>(QStringLiteral("editContactButton"));
    auto *remove = panel.findChild<QToolButton *>(QStringLiteral("removeContactButton"));
    auto *view = panel.findChild<QListView *>(QStringLiteral("contactView"));
    QVERIFY(add && edit && remove && view);
    QVERIFY(!add->isEnabled()); // no line yet
    panel.setCurrentLine(QStringLiteral("l1"));
    QVERIFY(add->isEnabled());
    QVERIFY(!edit->isEnabled());

    fillDialog(QStringLiteral("Reception"), QStringLiteral("1002"), true);
    add->click();
    QTRY_COMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), QStringLiteral("l1"));
    auto contacts = edited.at(0).at(1).value<QList<WatchedContact>>();
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.at(0).name, QStringLiteral("Reception"));
    QCOMPARE(contacts.at(0).uri, QStringLiteral("1002"));
    QVERIFY(contacts.at(0).busyLamp);
    QVERIFY(contacts.at(0).presence);
    QVERIFY(!contacts.at(0).contactId.isEmpty());
    const QString id = contacts.at(0).contactId;
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Reception (1002)"));
    QCOMPARE(view->model()->index(0, 0).data(ContactListModel::NameRole).toString(), QStringLiteral("Reception"));
    QVERIFY(edit->isEnabled()); // the new contact is selected

    fillDialog(QStringLiteral("Front desk"), QStringLiteral("1003@pbx.test"), false);
    edit->click();
    QTRY_COMPARE(edited.count(), 2);
    contacts = edited.at(1).at(1).value<QList<WatchedContact>>();
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.at(0).contactId, id); // same contact, new details
    QCOMPARE(contacts.at(0).name, QStringLiteral("Front desk"));
    QCOMPARE(contacts.at(0).uri, QStringLiteral("1003@pbx.test"));
    QVERIFY(!contacts.at(0).busyLamp);

    remove->click();
    QCOMPARE(edited.count(), 3);
    QVERIFY(edited.at(2).at(1).value<QList<WatchedContact>>().isEmpty());
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(!remove->isEnabled());
}

void TestContactsPanel::dialogRefusesBadAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("ok");
    QTest::newRow("extension") << QStringLiteral("1002") << true;
    QTest::newRow("user@host") << QStringLiteral("alice@pbx.example.com") << true;
    QTest::newRow("sip uri") << QStringLiteral("sip:1002@10.0.0.1:5070") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("spaces") << QStringLiteral("10 02") << false;
    QTest::newRow("angle brackets") << QStringLiteral("<sip:1002@pbx>") << false;
    QTest::newRow("no user") << QStringLiteral("@pbx") << false;
    QTest::newRow("two at signs") << QStringLiteral("a@b@c") << false;
}

void TestContactsPanel::dialogRefusesBadAddresses()
{
    QFETCH(QString, address);
    QFETCH(bool, ok);
    Gui::ContactDialog dialog;
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("contactAddressEdit"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(edit && buttons);
    QTest::keyClicks(edit, address);
    QCOMPARE(buttons->button(QDialogButtonBox::Ok)->isEnabled(), ok);
    QCOMPARE(Gui::ContactDialog::addressProblem(address).isEmpty(), ok);
}

void TestContactsPanel::presenceUpdatesRow()
{
    ContactsPanel panel;
    panel.setCurrentLine(QStringLiteral("l1"));
    WatchedContact a;
    a.contactId = QStringLiteral("a");
    a.name = QStringLiteral("Alice");
    a.uri = QStringLiteral("1002");
    WatchedContact b = a;
    b.contactId = QStringLiteral("b");
    b.name = QStringLiteral("Bob");
    panel.setContacts(QStringLiteral("l1"), {a, b});
    ContactListModel *model = panel.model();
    QCOMPARE(model->index(0).data(ContactListModel::StatusRole).toInt(), int(PresenceStatus::Unknown));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

    panel.applyPresence(
        presence(QStringLiteral("l1"), QStringLiteral("b"), PresenceStatus::Away, QStringLiteral("lunch")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1); // only Bob's row
    QCOMPARE(model->index(1).data(ContactListModel::StatusRole).toInt(), int(PresenceStatus::Away));
    QCOMPARE(model->index(1).data(ContactListModel::NoteRole).toString(), QStringLiteral("lunch"));
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("Bob (1002) — lunch"));
    QVERIFY(model->index(1).data(Qt::ToolTipRole).toString().contains(QLatin1String("Away")));
    QCOMPARE(model->index(1).data(ContactListModel::UriRole).toString(), QStringLiteral("sip:1002@pbx.test"));
    QVERIFY(!model->index(1).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model->index(0).data(ContactListModel::StatusRole).toInt(), int(PresenceStatus::Unknown));

    // Events for unknown contacts or lines change nothing.
    panel.applyPresence(presence(QStringLiteral("l1"), QStringLiteral("zz"), PresenceStatus::Online, {}));
    panel.applyPresence(presence(QStringLiteral("other"), QStringLiteral("a"), PresenceStatus::Online, {}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model->index(0).data(ContactListModel::StatusRole).toInt(), int(PresenceStatus::Unknown));
}

void TestContactsPanel::contactsAndStatusPerLine()
{
    ContactsPanel panel;
    WatchedContact a;
    a.contactId = QStringLiteral("a");
    a.name = QStringLiteral("Alice");
    a.uri = QStringLiteral("1002");
    WatchedContact c = a;
    c.contactId = QStringLiteral("c");
    c.name = QStringLiteral("Carol");
    panel.setContacts(QStringLiteral("l1"), {a});
    panel.setContacts(QStringLiteral("l2"), {a, c});
    panel.setOwnStatus(QStringLiteral("l2"), OwnStatus::Busy, QStringLiteral("in a meeting"));
    panel.applyPresence(presence(QStringLiteral("l2"), QStringLiteral("c"), PresenceStatus::OnThePhone, {}));
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("ownStatusCombo"));
    auto *note = panel.findChild<QLineEdit *>(QStringLiteral("ownNoteEdit"));
    QVERIFY(combo && note);

    panel.setCurrentLine(QStringLiteral("l1"));
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(combo->currentData().toInt(), int(OwnStatus::Invalid));
    panel.setCurrentLine(QStringLiteral("l2"));
    QCOMPARE(panel.model()->rowCount(), 2);
    QCOMPARE(panel.model()->index(1).data(ContactListModel::StatusRole).toInt(), int(PresenceStatus::OnThePhone));
    QCOMPARE(combo->currentData().toInt(), int(OwnStatus::Busy));
    QCOMPARE(note->text(), QStringLiteral("in a meeting"));
    panel.removeLine(QStringLiteral("l2"));
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(panel.currentLineId().isEmpty());
}

void TestContactsPanel::ownStatusSelector()
{
    ContactsPanel panel;
    panel.show();
    panel.setCurrentLine(QStringLiteral("l1"));
    QSignalSpy chosen(&panel, &ContactsPanel::ownStatusChosen);
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("ownStatusCombo"));
    auto *note = panel.findChild<QLineEdit *>(QStringLiteral("ownNoteEdit"));
    QVERIFY(combo && note);
    QTest::keyClicks(note, QStringLiteral("back at 3"));
    QTest::keyClick(note, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(1).value<OwnStatus>(), OwnStatus::Invalid);
    QCOMPARE(chosen.at(0).at(2).toString(), QStringLiteral("back at 3"));
    combo->setFocus();
    const int away = combo->findData(int(OwnStatus::Away));
    QVERIFY(away >= 0);
    combo->setCurrentIndex(away);
    Q_EMIT combo->activated(away); // what a user's pick emits
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(chosen.at(1).at(0).toString(), QStringLiteral("l1"));
    QCOMPARE(chosen.at(1).at(1).value<OwnStatus>(), OwnStatus::Away);
    QCOMPARE(chosen.at(1).at(2).toString(), QStringLiteral("back at 3"));
    // Showing another line's status does not count as the user choosing one.
    panel.setOwnStatus(QStringLiteral("l2"), OwnStatus::DoNotDisturb, {});
    panel.setCurrentLine(QStringLiteral("l2"));
    QCOMPARE(combo->currentData().toInt(), int(OwnStatus::DoNotDisturb));
    QCOMPARE(chosen.count(), 2);
}

QTEST_MAIN(TestContactsPanel)
#include "TestContactsPanel.moc"
