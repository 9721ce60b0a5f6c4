// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The desktop app quits cleanly on SIGINT, SIGTERM and SIGHUP (systemd and desktop sessions end programs
// with SIGTERM): its line un-REGISTERs, checked at the test Kamailio.
#include "tests/support/KamailioServer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestGuiSignals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void quitsAndUnregistersOnSignal_data();
    void quitsAndUnregistersOnSignal();

private:
    bool waitBindings(bool wanted, int timeoutMs) const;

    QString m_gui;
    Test::KamailioServer m_kamailio;
};

void TestGuiSignals::initTestCase()
{
    m_gui = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/gui/offhook");
    if (!QFileInfo::exists(m_gui))
        QSKIP("the desktop app is not built (OFFHOOK_BUILD_GUI=OFF)");
    QVERIFY2(m_kamailio.start(), qPrintable(m_kamailio.stderrText()));
}

void TestGuiSignals::cleanupTestCase()
{
    m_kamailio.stop();
}

bool TestGuiSignals::waitBindings(bool wanted, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (m_kamailio.bindings(QStringLiteral("1001")).isEmpty() == wanted) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100); // polling Kamailio's table: nothing to wait on
    }
    return true;
}

void TestGuiSignals::quitsAndUnregistersOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestGuiSignals::quitsAndUnregistersOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("OFFHOOK_AUDIO"), QStringLiteral("null"));
    environment.insert(QStringLiteral("OFFHOOK_DEMO_SERVER"), m_kamailio.address());
    QProcess gui;
    gui.setProcessEnvironment(environment);
    gui.setProcessChannelMode(QProcess::MergedChannels);
    gui.start(m_gui, {QStringLiteral("--demo"), QStringLiteral("--no-tray")});
    QVERIFY2(gui.waitForStarted(10000), qPrintable(gui.errorString()));
    QVERIFY2(waitBindings(true, 20000), qPrintable(QString::fromLocal8Bit(gui.readAll())));
    ::kill(static_cast<pid_t>(gui.processId()), signalNumber);
    QVERIFY2(gui.waitForFinished(15000), "offhook did not quit after the signal");
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 0);
    QVERIFY2(waitBindings(false, 5000), qPrintable(m_kamailio.bindings(QStringLiteral("1001")).join(u' ')));
}

QTEST_GUILESS_MAIN(TestGuiSignals)
#include "TestGuiSignals.moc"
