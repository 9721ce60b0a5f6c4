// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/main/TrayStatus.h"

#include "app/gui/AppSettings.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/support/KamailioServer.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

/// The tray's overall state and the "line dropped" notification, driven by a real registration against
/// Kamailio that is then lost. Offscreen there is no system tray: the state is read from TrayStatus.
/// With OFFHOOK_EXPECT_TRAY=1 (tests/ui/main/run-with-tray-host.sh: Xvfb + trayer, xcb) the real tray icon
/// must be shown and carry the same tooltip.
class TestTrayStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsOverallStateAndNotifiesWhenALineDrops();
    void failureWithoutPriorRegistrationIsNoDrop();
    void disablingRemovesTheTrayIcon();

private:
    QString addLine(const QString &extension, const QString &password);
    void checkRealTray();

    std::unique_ptr<Test::KamailioServer> m_kamailio;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sip::SipLog> m_log;
    std::unique_ptr<Sip::SipEngine> m_engine;
    std::unique_ptr<App::AppSettings> m_settings;
    std::unique_ptr<App::MemorySecretStore> m_secrets;
    std::unique_ptr<Gui::MainWindow> m_window;
    std::unique_ptr<App::LineController> m_controller;
};

void TestTrayStatus::init()
{
    m_kamailio = std::make_unique<Test::KamailioServer>();
    Test::KamailioServer::Options kamailioOptions;
    kamailioOptions.presence = false;
    QVERIFY2(m_kamailio->start(kamailioOptions), qPrintable(m_kamailio->stderrText()));
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<Sip::SipLog>();
    m_log->setFlushInterval(10);
    m_engine = std::make_unique<Sip::SipEngine>(m_log.get());
    Sip::EngineOptions options;
    options.transactionTimeoutMs = 2000;
    options.shutdownTimeoutMs = 500;
    options.retryFailedRegistrations = false;
    options.watchNetwork = false;
    QVERIFY(m_engine->start(options));
    m_settings = std::make_unique<App::AppSettings>(m_dir->filePath(QStringLiteral("offhook.ini")));
    m_secrets = std::make_unique<App::MemorySecretStore>();
    m_window = std::make_unique<Gui::MainWindow>(m_engine.get());
    m_controller = std::make_unique<App::LineController>(m_engine.get(), m_settings.get(), m_secrets.get(), nullptr,
                                                         m_window.get());
    m_window->setTrayEnabled(true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTrayStatus::cleanup()
{
    m_controller.reset();
    m_window.reset();
    m_engine.reset();
    m_secrets.reset();
    m_settings.reset();
    m_log.reset();
    m_dir.reset();
    if (m_kamailio)
        m_kamailio->stop();
    m_kamailio.reset();
}

QString TestTrayStatus::addLine(const QString &extension, const QString &password)
{
    Sip::LineConfig line;
    line.extension = extension;
    line.server = m_kamailio->address();
    line.password = password;
    line.expiresSeconds = 60;
    return m_controller->addLine(line);
}

void TestTrayStatus::checkRealTray()
{
    Gui::TrayStatus *tray = m_window->trayStatus();
    if (qEnvironmentVariableIntValue("OFFHOOK_EXPECT_TRAY") != 1) {
        QCOMPARE(tray->isShown(), QSystemTrayIcon::isSystemTrayAvailable());
        return;
    }
    QVERIFY2(QSystemTrayIcon::isSystemTrayAvailable(), "no system tray although a tray host runs");
    QVERIFY(tray->isShown());
    QCOMPARE(tray->trayIcon()->toolTip(), tray->toolTip());
    QTRY_VERIFY_WITH_TIMEOUT(!tray->trayIcon()->geometry().isEmpty(), 5000);
}

void TestTrayStatus::showsOverallStateAndNotifiesWhenALineDrops()
{
    Gui::TrayStatus *tray = m_window->trayStatus();
    QCOMPARE(tray->state(), Gui::LineLight::Disabled);
    QVERIFY(tray->toolTip().contains(QStringLiteral("No lines yet")));
    QSignalSpy notifications(tray, &Gui::TrayStatus::notificationRequested);

    const QString id = addLine(QStringLiteral("1001"), m_kamailio->password(QStringLiteral("1001")));
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), Gui::LineLight::Registered, 10000);
    QCOMPARE(tray->toolTip(), QStringLiteral("Offhook — 1 of 1 enabled lines registered"));
    checkRealTray();
    QCOMPARE(notifications.count(), 0);

    // The server goes away; the next registration attempt times out and the line drops.
    m_kamailio->stop();
    m_window->registerNowRequested(id);
    QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, 15000);
    const QString address = Sip::Address::displayAddress(m_window->lineModel()->line(id));
    QCOMPARE(address, QStringLiteral("1001@127.0.0.1"));
    QCOMPARE(notifications.at(0).at(0).toString(), QStringLiteral("Offhook — line dropped"));
    const QString message = notifications.at(0).at(1).toString();
    QVERIFY2(message.startsWith(address + QStringLiteral(": ")), qPrintable(message));
    QCOMPARE(tray->state(), Gui::LineLight::Failed);
    QVERIFY2(tray->toolTip().contains(QStringLiteral("0 of 1 enabled lines registered · 1 failing")),
             qPrintable(tray->toolTip()));
    checkRealTray();
}

void TestTrayStatus::failureWithoutPriorRegistrationIsNoDrop()
{
    Gui::TrayStatus *tray = m_window->trayStatus();
    QSignalSpy notifications(tray, &Gui::TrayStatus::notificationRequested);
    addLine(QStringLiteral("1002"), QStringLiteral("wrong-password"));
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), Gui::LineLight::Failed, 10000);
    QVERIFY(tray->toolTip().contains(QStringLiteral("1 failing")));
    QCOMPARE(notifications.count(), 0);
}

void TestTrayStatus::disablingRemovesTheTrayIcon()
{
    Gui::TrayStatus *tray = m_window->trayStatus();
    checkRealTray();
    m_window->setTrayEnabled(false);
    QVERIFY(!tray->isShown());
    QVERIFY(!tray->trayIcon());
    // The state is still kept for when it is enabled again.
    addLine(QStringLiteral("1003"), m_kamailio->password(QStringLiteral("1003")));
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), Gui::LineLight::Registered, 10000);
    m_window->setTrayEnabled(true);
    checkRealTray();
}

QTEST_MAIN(TestTrayStatus)
#include "TestTrayStatus.moc"
