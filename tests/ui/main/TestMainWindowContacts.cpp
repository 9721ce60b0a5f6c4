// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The main window shows the contacts of the selected line in its Contacts tab.
#include "ui/contacts/ContactListModel.h"
#include "ui/contacts/ContactsPanel.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"

#include <QListView>
#include <QTabWidget>
#include <QTest>

using namespace Sip;

class TestMainWindowContacts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void panelFollowsSelectedLine();
};

void TestMainWindowContacts::panelFollowsSelectedLine()
{
    Gui::MainWindow window(nullptr);
    window.show();
    Gui::ContactsPanel *panel = window.contactsPanel();
    QVERIFY(panel);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("contactTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->widget(0), panel);

    LineConfig first;
    first.id = QStringLiteral("l1");
    first.extension = QStringLiteral("1001");
    first.server = QStringLiteral("pbx.test");
    LineConfig second = first;
    second.id = QStringLiteral("l2");
    second.extension = QStringLiteral("1002");
    WatchedContact alice;
    alice.contactId = QStringLiteral("a");
    alice.name = QStringLiteral("Alice");
    alice.uri = QStringLiteral("2001");
    WatchedContact bob = alice;
    bob.contactId = QStringLiteral("b");
    bob.name = QStringLiteral("Bob");
    panel->setContacts(QStringLiteral("l1"), {alice});
    panel->setContacts(QStringLiteral("l2"), {alice, bob});

    window.setLine(first);
    QTRY_COMPARE(panel->currentLineId(), QStringLiteral("l1")); // the only line
    QCOMPARE(panel->model()->rowCount(), 1);
    window.setLine(second);
    window.selectLine(QStringLiteral("l2"));
    QTRY_COMPARE(panel->currentLineId(), QStringLiteral("l2"));
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(panel->model()->index(1).data(Gui::ContactListModel::NameRole).toString(), QStringLiteral("Bob"));
    window.selectLine(QStringLiteral("l1"));
    QTRY_COMPARE(panel->currentLineId(), QStringLiteral("l1"));
    window.removeLine(QStringLiteral("l1"));
    QTRY_COMPARE(panel->currentLineId(), window.currentLineId());
}

QTEST_MAIN(TestMainWindowContacts)
#include "TestMainWindowContacts.moc"
