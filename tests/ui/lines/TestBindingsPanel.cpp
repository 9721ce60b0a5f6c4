// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The line dialog's "Registered devices" panel against Kamailio: this phone and another device on one
// extension, listed from the registrar's 200 OK; "Remove all others" (confirmed) leaves only this phone.
#include "ui/lines/BindingsPanel.h"

#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/support/KamailioServer.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using Gui::BindingsPanel;

class TestBindingsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsAndRemovesOtherDevices();
    void offlineLineShowsNothingToRemove();

private:
    Test::KamailioServer m_kamailio;
};

void TestBindingsPanel::initTestCase()
{
    QVERIFY2(m_kamailio.start(), qPrintable(m_kamailio.stderrText()));
}

void TestBindingsPanel::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestBindingsPanel::listsAndRemovesOtherDevices()
{
    // The other device: an offhook-cli registered on the same extension with its own instance.
    QProcess desk;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), m_kamailio.password(QStringLiteral("1002")));
    desk.setProcessEnvironment(environment);
    desk.setProcessChannelMode(QProcess::MergedChannels);
    desk.start(qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli"),
               {QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                QStringLiteral("--extension"), QStringLiteral("1002"), QStringLiteral("--hold"), QStringLiteral("120"),
                QStringLiteral("--instance"), QStringLiteral("2c6b8f4e-5d1a-4a7e-9f0b-3e2d1c0b9a88")});
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("1002")).size() == 1, 20000);

    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    QVERIFY(engine.start());
    Sip::LineConfig line;
    line.id = QStringLiteral("line-a");
    line.extension = QStringLiteral("1002");
    line.server = m_kamailio.address();
    line.password = m_kamailio.password(QStringLiteral("1002"));
    engine.addLine(line);
    QTRY_COMPARE_WITH_TIMEOUT(engine.lastEvent(line.id).state, Sip::RegistrationState::Registered, 20000);

    BindingsPanel panel(&engine, line.id);
    panel.show();
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("bindingsList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    int self = 0;
    for (int i = 0; i < 2; ++i)
        self += list->topLevelItem(i)->text(3) == QLatin1String("This phone") ? 1 : 0;
    QCOMPARE(self, 1);
    auto *removeOthers = panel.findChild<QPushButton *>(QStringLiteral("removeOtherBindingsButton"));
    QVERIFY(removeOthers && removeOthers->isEnabled());

    QSignalSpy listed(&engine, &Sip::SipEngine::bindingsListed);
    removeOthers->click();
    QMessageBox *confirmation = nullptr;
    QTRY_VERIFY((confirmation = panel.findChild<QMessageBox *>(QStringLiteral("removeOtherBindingsConfirmation"))));
    QPushButton *remove = nullptr;
    for (QAbstractButton *button : confirmation->buttons()) {
        if (confirmation->buttonRole(button) == QMessageBox::DestructiveRole)
            remove = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(remove);
    remove->click();
    QVERIFY(listed.wait(10000));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("This phone"));
    QVERIFY(!removeOthers->isEnabled());
    const QStringList left = m_kamailio.bindings(QStringLiteral("1002"));
    QCOMPARE(left.size(), 1);
    QVERIFY2(left.constFirst().contains(QLatin1String("sip:1002@")), qPrintable(left.join(u' ')));

    desk.terminate();
    desk.waitForFinished(15000);
}

void TestBindingsPanel::offlineLineShowsNothingToRemove()
{
    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    BindingsPanel panel(&engine, QStringLiteral("no-line"));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("bindingsList"));
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("refreshBindingsButton"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("removeOtherBindingsButton"))->isEnabled());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("bindingsStatus"))->text(),
             QStringLiteral("Shown once the line is registered."));
}

QTEST_MAIN(TestBindingsPanel)
#include "TestBindingsPanel.moc"
