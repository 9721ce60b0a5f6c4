// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli ends cleanly on SIGINT, SIGTERM and SIGHUP: calls hang up with BYE, the line un-REGISTERs,
// checked at the test Kamailio; a second signal exits at once.
#include "tests/integration/CliProcess.h"
#include "tests/support/KamailioServer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using Cli = Test::CliProcess;

class TestCliSignals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registerUnregistersOnSignal_data();
    void registerUnregistersOnSignal();
    void callHangsUpAndUnregistersOnSignal_data();
    void callHangsUpAndUnregistersOnSignal();
    void answerWaitingUnregistersOnSignal();
    void secondSignalExitsAtOnce();
    void restartAfterKillReplacesTheBinding();
    void anotherInstanceKeepsItsOwnBinding();

private:
    QStringList line(const QString &extension) const;
    std::unique_ptr<Cli> startCli(const QStringList &arguments, const QString &extension);
    /// Waits (bounded) until Kamailio holds no binding for the extension.
    bool waitNoBinding(const QString &extension, int timeoutMs = 5000) const;
    static void send(const Cli &cli, int signalNumber);

    QString m_cli;
    QTemporaryDir m_dir;
    Test::KamailioServer m_kamailio;
};

void TestCliSignals::initTestCase()
{
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFileInfo::exists(m_cli), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_kamailio.start(), qPrintable(m_kamailio.stderrText()));
    QVERIFY(Test::writeTone(m_dir.filePath(QStringLiteral("tone.wav")), 440.0, 48000, 1, 30.0));
}

void TestCliSignals::cleanupTestCase()
{
    m_kamailio.stop();
}

QStringList TestCliSignals::line(const QString &extension) const
{
    return {QStringLiteral("--server"), m_kamailio.address(), QStringLiteral("--extension"), extension};
}

std::unique_ptr<Cli> TestCliSignals::startCli(const QStringList &arguments, const QString &extension)
{
    return Cli::start(m_cli, arguments + line(extension), m_kamailio.password(extension));
}

bool TestCliSignals::waitNoBinding(const QString &extension, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (!m_kamailio.bindings(extension).isEmpty()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100); // polling Kamailio's table: nothing to wait on
    }
    return true;
}

void TestCliSignals::send(const Cli &cli, int signalNumber)
{
    ::kill(static_cast<pid_t>(cli.process->processId()), signalNumber);
}

namespace {

void addSignals()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

} // namespace

void TestCliSignals::registerUnregistersOnSignal_data()
{
    addSignals();
}

void TestCliSignals::registerUnregistersOnSignal()
{
    QFETCH(int, signalNumber);
    std::unique_ptr<Cli> cli =
        startCli({QStringLiteral("register"), QStringLiteral("--hold"), QStringLiteral("120")}, QStringLiteral("1003"));
    QVERIFY2(cli->waitFor(QStringLiteral("REGISTER succeeded"), 20000), qPrintable(cli->output));
    QVERIFY2(!m_kamailio.bindings(QStringLiteral("1003")).isEmpty(), "Kamailio holds no binding while registered");
    send(*cli, signalNumber);
    QCOMPARE(cli->finish(15000), 0); // it was registered: that result stands
    QVERIFY2(cli->output.contains(QLatin1String("received: ending cleanly")), qPrintable(cli->output.right(2000)));
    QVERIFY2(cli->output.contains(QLatin1String("Unregistered sip:1003@")), qPrintable(cli->output.right(2000)));
    QVERIFY2(cli->lastLine().startsWith(QLatin1String("REGISTERED sip:1003@")), qPrintable(cli->lastLine()));
    QVERIFY2(waitNoBinding(QStringLiteral("1003")), qPrintable(m_kamailio.bindings(QStringLiteral("1003")).join(u' ')));
}

void TestCliSignals::callHangsUpAndUnregistersOnSignal_data()
{
    addSignals();
}

void TestCliSignals::callHangsUpAndUnregistersOnSignal()
{
    QFETCH(int, signalNumber);
    const QString tone = m_dir.filePath(QStringLiteral("tone.wav"));
    std::unique_ptr<Cli> callee = startCli(
        {QStringLiteral("answer"), QStringLiteral("--play"), tone, QStringLiteral("--wait"), QStringLiteral("30")},
        QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    std::unique_ptr<Cli> caller = startCli({QStringLiteral("call"), QStringLiteral("1002"), QStringLiteral("--play"),
                                            tone, QStringLiteral("--duration"), QStringLiteral("120")},
                                           QStringLiteral("1001"));
    QVERIFY2(caller->waitFor(QStringLiteral("Call connected"), 20000), qPrintable(caller->output));
    send(*caller, signalNumber);
    // The caller hangs up (BYE) and un-REGISTERs; the callee hears the BYE and ends as a remote hang-up.
    caller->finish(15000);
    QVERIFY2(caller->output.contains(QLatin1String("Hanging up (BYE)")), qPrintable(caller->output.right(3000)));
    QVERIFY2(caller->lastLine().startsWith(QLatin1String("CALL ENDED local-hangup")), qPrintable(caller->lastLine()));
    QCOMPARE(callee->finish(15000), 0);
    QVERIFY2(callee->lastLine().startsWith(QLatin1String("CALL ENDED remote-hangup")), qPrintable(callee->lastLine()));
    QVERIFY2(waitNoBinding(QStringLiteral("1001")), qPrintable(m_kamailio.bindings(QStringLiteral("1001")).join(u' ')));
    QVERIFY2(waitNoBinding(QStringLiteral("1002")), qPrintable(m_kamailio.bindings(QStringLiteral("1002")).join(u' ')));
}

void TestCliSignals::answerWaitingUnregistersOnSignal()
{
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("120")}, QStringLiteral("1004"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    send(*callee, SIGTERM);
    QCOMPARE(callee->finish(15000), 1); // no call came: not a success
    QVERIFY2(callee->lastLine().startsWith(QLatin1String("FAILED 0 Interrupted: SIGTERM")),
             qPrintable(callee->lastLine()));
    QVERIFY2(waitNoBinding(QStringLiteral("1004")), qPrintable(m_kamailio.bindings(QStringLiteral("1004")).join(u' ')));
}

void TestCliSignals::secondSignalExitsAtOnce()
{
    // Against an address where nothing answers the un-REGISTER could take seconds; the second signal
    // does not wait for it.
    std::unique_ptr<Cli> cli =
        startCli({QStringLiteral("register"), QStringLiteral("--hold"), QStringLiteral("120")}, QStringLiteral("1005"));
    QVERIFY2(cli->waitFor(QStringLiteral("REGISTER succeeded"), 20000), qPrintable(cli->output));
    send(*cli, SIGTERM);
    send(*cli, SIGTERM);
    QElapsedTimer timer;
    timer.start();
    const int exitCode = cli->finish(15000);
    QVERIFY2(exitCode == 128 + SIGTERM || exitCode == 0, qPrintable(QString::number(exitCode)));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    // Whichever came first, the process is gone; a binding it had no time to remove expires by itself.
    QCOMPARE(cli->process->state(), QProcess::NotRunning);
}

void TestCliSignals::restartAfterKillReplacesTheBinding()
{
    // A crash leaves the binding behind; the next run of the same line (same +sip.instance) replaces it.
    const QStringList hold = {QStringLiteral("register"), QStringLiteral("--hold"), QStringLiteral("120")};
    std::unique_ptr<Cli> crashed = startCli(hold, QStringLiteral("1003"));
    QVERIFY2(crashed->waitFor(QStringLiteral("REGISTER succeeded"), 20000), qPrintable(crashed->output));
    send(*crashed, SIGKILL);
    crashed->finish(5000);
    QCOMPARE(m_kamailio.bindings(QStringLiteral("1003")).size(), 1); // left behind
    std::unique_ptr<Cli> restarted = startCli(hold, QStringLiteral("1003"));
    QVERIFY2(restarted->waitFor(QStringLiteral("REGISTER succeeded"), 20000), qPrintable(restarted->output));
    const QStringList bindings = m_kamailio.bindings(QStringLiteral("1003"));
    QVERIFY2(bindings.size() == 1, qPrintable(bindings.join(u' ')));
    send(*restarted, SIGTERM);
    QCOMPARE(restarted->finish(15000), 0);
    QVERIFY(waitNoBinding(QStringLiteral("1003")));
}

void TestCliSignals::anotherInstanceKeepsItsOwnBinding()
{
    // Two phones on one extension (another --instance): both bindings stay, each reads back its own.
    std::unique_ptr<Cli> deskPhone = startCli(
        {QStringLiteral("register"), QStringLiteral("--hold"), QStringLiteral("120"), QStringLiteral("--expires"),
         QStringLiteral("120"), QStringLiteral("--instance"), QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e")},
        QStringLiteral("1004"));
    QVERIFY2(deskPhone->waitFor(QStringLiteral("REGISTER succeeded"), 20000), qPrintable(deskPhone->output));
    std::unique_ptr<Cli> softphone = startCli(
        {QStringLiteral("register"), QStringLiteral("--expires"), QStringLiteral("300")}, QStringLiteral("1004"));
    QCOMPARE(softphone->finish(20000), 0);
    QVERIFY2(softphone->output.contains(QLatin1String("has 2 bindings")), qPrintable(softphone->output.right(3000)));
    QVERIFY2(softphone->lastLine().endsWith(QLatin1String(" expires=300")), qPrintable(softphone->lastLine()));
    // The soft phone un-REGISTERed only its own binding.
    QCOMPARE(m_kamailio.bindings(QStringLiteral("1004")).size(), 1);
    send(*deskPhone, SIGTERM);
    QCOMPARE(deskPhone->finish(15000), 0);
    QVERIFY(waitNoBinding(QStringLiteral("1004")));
}

QTEST_GUILESS_MAIN(TestCliSignals)
#include "TestCliSignals.moc"
