// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Contacts and the own status are stored with their line, reach the presence service, and go with the line.

#include "app/gui/AppSettings.h"
#include "app/gui/ContactController.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/contacts/ContactListModel.h"
#include "ui/contacts/ContactsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Sip;

class TestContactController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingsRoundTrip();
    void loadEditAndForget();
};

namespace {

LineConfig disabledLine(const QString &id, const QString &extension)
{
    LineConfig line;
    line.id = id;
    line.extension = extension;
    line.server = QStringLiteral("pbx.test");
    line.enabled = false; // nothing goes on the network in this test
    return line;
}

WatchedContact watched(const QString &id, const QString &name, const QString &uri, bool busyLamp)
{
    WatchedContact contact;
    contact.contactId = id;
    contact.name = name;
    contact.uri = uri;
    contact.busyLamp = busyLamp;
    return contact;
}

} // namespace

void TestContactController::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    {
        App::AppSettings settings(path);
        settings.saveLine(disabledLine(QStringLiteral("l1"), QStringLiteral("1001")));
        settings.setContacts(
            QStringLiteral("l1"),
            {watched(QStringLiteral("a"), QStringLiteral("Alice; \"A\""), QStringLiteral("1002"), false),
             watched(QStringLiteral("b"), QStringLiteral("Bob"), QStringLiteral("sip:bob@pbx.test"), true)});
        settings.setOwnStatus(QStringLiteral("l1"), OwnStatus::DoNotDisturb, QStringLiteral("focus"));
    }
    App::AppSettings settings(path);
    QCOMPARE(settings.lines().size(), 1); // contacts do not look like lines
    const QList<WatchedContact> contacts = settings.contacts(QStringLiteral("l1"));
    QCOMPARE(contacts.size(), 2);
    QCOMPARE(contacts.at(0).name, QStringLiteral("Alice; \"A\""));
    QCOMPARE(contacts.at(0).uri, QStringLiteral("1002"));
    QCOMPARE(contacts.at(0).lineId, QStringLiteral("l1"));
    QVERIFY(!contacts.at(0).busyLamp);
    QCOMPARE(contacts.at(1).contactId, QStringLiteral("b"));
    QVERIFY(contacts.at(1).busyLamp);
    QString note;
    QCOMPARE(settings.ownStatus(QStringLiteral("l1"), &note), OwnStatus::DoNotDisturb);
    QCOMPARE(note, QStringLiteral("focus"));
    // Saving the line again keeps its contacts; removing it drops them.
    settings.saveLine(disabledLine(QStringLiteral("l1"), QStringLiteral("1009")));
    QCOMPARE(settings.contacts(QStringLiteral("l1")).size(), 2);
    settings.removeLine(QStringLiteral("l1"));
    QVERIFY(settings.contacts(QStringLiteral("l1")).isEmpty());
    QCOMPARE(settings.ownStatus(QStringLiteral("l1")), OwnStatus::Invalid);
}

void TestContactController::loadEditAndForget()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    App::AppSettings settings(path);
    settings.saveLine(disabledLine(QStringLiteral("l1"), QStringLiteral("1001")));
    settings.setContacts(QStringLiteral("l1"),
                         {watched(QStringLiteral("a"), QStringLiteral("Alice"), QStringLiteral("1002"), false)});
    settings.setOwnStatus(QStringLiteral("l1"), OwnStatus::Away, QStringLiteral("out"));

    SipLog log;
    SipEngine engine(&log);
    PresenceService presence(&engine);
    Gui::ContactsPanel panel;
    panel.show();
    App::ContactController controller(&engine, &presence, &settings, &panel);
    engine.addLine(disabledLine(QStringLiteral("l1"), QStringLiteral("1001")));
    controller.load();
    QCOMPARE(presence.contacts(QStringLiteral("l1")).size(), 1);
    QCOMPARE(presence.contacts(QStringLiteral("l1")).at(0).uri, QStringLiteral("1002"));
    QCOMPARE(presence.ownStatus(QStringLiteral("l1")), OwnStatus::Away);
    QCOMPARE(presence.contactPresence(QStringLiteral("l1"), QStringLiteral("a")).uri,
             QStringLiteral("sip:1002@pbx.test"));
    panel.setCurrentLine(QStringLiteral("l1"));
    QCOMPARE(panel.model()->rowCount(), 1);

    // The user adds a contact: stored, and watched.
    UiTest::whenModal([](QWidget *modal) {
        auto *address = modal->findChild<QLineEdit *>(QStringLiteral("contactAddressEdit"));
        auto *name = modal->findChild<QLineEdit *>(QStringLiteral("contactNameEdit"));
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        if (!address || !name || !buttons) {
            modal->close();
            return;
        }
        QTest::keyClicks(name, QStringLiteral("Carol"));
        QTest::keyClicks(address, QStringLiteral("1003"));
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    panel.findChild<QToolButton *>(QStringLiteral("addContactButton"))->click();
    QTRY_COMPARE(presence.contacts(QStringLiteral("l1")).size(), 2);
    QCOMPARE(App::AppSettings(path).contacts(QStringLiteral("l1")).size(), 2);
    QCOMPARE(App::AppSettings(path).contacts(QStringLiteral("l1")).at(1).name, QStringLiteral("Carol"));

    // The user picks a status.
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("ownStatusCombo"));
    const int busy = combo->findData(int(OwnStatus::Busy));
    combo->setCurrentIndex(busy);
    Q_EMIT combo->activated(busy);
    QCOMPARE(presence.ownStatus(QStringLiteral("l1")), OwnStatus::Busy);
    QCOMPARE(App::AppSettings(path).ownStatus(QStringLiteral("l1")), OwnStatus::Busy);

    // Live presence reaches the list.
    ContactPresenceEvent event = presence.contactPresence(QStringLiteral("l1"), QStringLiteral("a"));
    event.status = PresenceStatus::Online;
    event.note = QStringLiteral("here");
    Q_EMIT presence.contactPresenceChanged(event);
    QCOMPARE(panel.model()->index(0).data(Gui::ContactListModel::NoteRole).toString(), QStringLiteral("here"));

    // The line goes: the service stops watching its contacts and the panel forgets them.
    engine.removeLine(QStringLiteral("l1"));
    QVERIFY(presence.contacts(QStringLiteral("l1")).isEmpty());
    QCOMPARE(presence.ownStatus(QStringLiteral("l1")), OwnStatus::Invalid);
    QCOMPARE(panel.model()->rowCount(), 0);
}

QTEST_MAIN(TestContactController)
#include "TestContactController.moc"
