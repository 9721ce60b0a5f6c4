// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli check, end to end against a real Kamailio and a port where nothing listens.
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"

#include <QProcess>
#include <QTest>

class TestCliCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void check_data();
    void check();

private:
    Test::KamailioServer m_kamailio;
    QString m_cli;
};

void TestCliCheck::initTestCase()
{
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCliCheck::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestCliCheck::check_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString pbx = m_kamailio.address();
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(Test::FreePort::pick());
    QTest::newRow("udp answers") << QStringList{QStringLiteral("--server"), pbx} << 0
                                 << QStringLiteral("The server answers over UDP, the transport this line uses");
    QTest::newRow("tls does not") << QStringList{QStringLiteral("--server"), pbx, QStringLiteral("--transport"),
                                                 QStringLiteral("tls")}
                                  << 4 << QStringLiteral("does not answer on TLS");
    QTest::newRow("nothing listens") << QStringList{QStringLiteral("--server"), dead} << 6
                                     << QStringLiteral("Nothing is listening for SIP at ") + dead;
    QTest::newRow("bad server") << QStringList{QStringLiteral("--server"), QStringLiteral("bad host")} << 2
                                << QStringLiteral("cannot have");
    QTest::newRow("bad transport") << QStringList{QStringLiteral("--server"), pbx, QStringLiteral("--transport"),
                                                  QStringLiteral("sctp")}
                                   << 2 << QStringLiteral("udp, tcp or tls");
}

void TestCliCheck::check()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcess process;
    process.start(m_cli,
                  QStringList{QStringLiteral("check"), QStringLiteral("--timeout"), QStringLiteral("2")} + arguments);
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, qPrintable(output));
    QVERIFY2(output.contains(expected), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "TestCliCheck.moc"
