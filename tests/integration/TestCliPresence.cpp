// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli watch and publish, end to end against Kamailio's presence server.

#include "tests/support/KamailioServer.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestCliPresence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void watchSeesPublishAndRemoval();
    void publishPrintsResultAndRemovesOnExit();
    void interruptedWatchUnsubscribes();
    void usageErrors_data();
    void usageErrors();

private:
    QProcess *start(const QStringList &arguments, const QString &password);
    static QStringList line(const QString &extension, const QString &server);
    static int count(const QString &output, const QString &pattern);

    QString m_cli;
    Test::KamailioServer m_kamailio;
};

void TestCliPresence::initTestCase()
{
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    QVERIFY2(m_kamailio.start(), qPrintable(m_kamailio.stderrText()));
}

void TestCliPresence::cleanupTestCase()
{
    m_kamailio.stop();
}

QProcess *TestCliPresence::start(const QStringList &arguments, const QString &password)
{
    auto *process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), password);
    process->setProcessEnvironment(environment);
    process->start(m_cli, arguments);
    process->waitForStarted();
    return process;
}

QStringList TestCliPresence::line(const QString &extension, const QString &server)
{
    return {QStringLiteral("--server"), server, QStringLiteral("--extension"), extension};
}

int TestCliPresence::count(const QString &output, const QString &pattern)
{
    return int(output.count(QRegularExpression(pattern, QRegularExpression::MultilineOption)));
}

void TestCliPresence::watchSeesPublishAndRemoval()
{
    QProcess *watch = start(QStringList{QStringLiteral("watch")} + line(QStringLiteral("1001"), m_kamailio.address()) +
                                QStringList{QStringLiteral("--buddy"), QStringLiteral("1002,1003"),
                                            QStringLiteral("--duration"), QStringLiteral("8")},
                            m_kamailio.password(QStringLiteral("1001")));
    QString watchOutput;
    QTRY_VERIFY_WITH_TIMEOUT((watchOutput += QString::fromUtf8(watch->readAllStandardOutput()))
                                 .contains(QLatin1String("PRESENCE sip:1003@127.0.0.1 offline")),
                             10000);
    QProcess *publish =
        start(QStringList{QStringLiteral("publish")} + line(QStringLiteral("1002"), m_kamailio.address()) +
                  QStringList{QStringLiteral("--status"), QStringLiteral("available"), QStringLiteral("--note"),
                              QStringLiteral("back at my desk"), QStringLiteral("--hold"), QStringLiteral("1")},
              m_kamailio.password(QStringLiteral("1002")));
    QVERIFY(publish->waitForFinished(20000));
    QCOMPARE(publish->exitCode(), 0);
    QVERIFY(watch->waitForFinished(20000));
    watchOutput += QString::fromUtf8(watch->readAllStandardOutput());
    QCOMPARE(watch->exitCode(), 0);
    const QStringList presence =
        watchOutput.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^PRESENCE ")));
    QVERIFY2(presence.contains(QStringLiteral("PRESENCE sip:1002@127.0.0.1 online back at my desk")),
             qPrintable(presence.join(QLatin1Char('\n'))));
    // 1002: offline, online (published), offline (un-PUBLISH at the end of --hold), in that order.
    const QStringList of1002 = presence.filter(QStringLiteral("sip:1002@"));
    QCOMPARE(of1002, QStringList({QStringLiteral("PRESENCE sip:1002@127.0.0.1 offline"),
                                  QStringLiteral("PRESENCE sip:1002@127.0.0.1 online back at my desk"),
                                  QStringLiteral("PRESENCE sip:1002@127.0.0.1 offline")}));
    // The log shows the subscriptions, their NOTIFYs and the un-SUBSCRIBEs at the end.
    QVERIFY(count(watchOutput, QStringLiteral("^\\S+ send SUBSCRIBE ")) >= 6); // 2 x (challenged, digest, Expires: 0)
    QVERIFY(count(watchOutput, QStringLiteral("^\\S+ recv NOTIFY ")) >= 4);
    QCOMPARE(count(watchOutput, QStringLiteral("^\\S+ Unsubscribed from ")), 2);
    QVERIFY(watchOutput.contains(QLatin1String("Unregistered sip:1001@127.0.0.1")));
}

void TestCliPresence::publishPrintsResultAndRemovesOnExit()
{
    QProcess *publish =
        start(QStringList{QStringLiteral("publish")} + line(QStringLiteral("1004"), m_kamailio.address()) +
                  QStringList{QStringLiteral("--status"), QStringLiteral("dnd"), QStringLiteral("--note"),
                              QStringLiteral("focus time")},
              m_kamailio.password(QStringLiteral("1004")));
    QVERIFY(publish->waitForFinished(20000));
    const QString output = QString::fromUtf8(publish->readAllStandardOutput());
    QCOMPARE(publish->exitCode(), 0);
    QVERIFY2(
        output.contains(QRegularExpression(QStringLiteral("^PUBLISHED sip:1004@127.0.0.1 dnd expires=\\d+ focus time$"),
                                           QRegularExpression::MultilineOption)),
        qPrintable(output.right(600)));
    QCOMPARE(count(output, QStringLiteral("^SIP-If-Match: ")), 1); // the removal names the server's SIP-ETag
    QVERIFY(output.contains(QLatin1String("Removed the published status of sip:1004@127.0.0.1")));
    // The password never appears in the output.
    QVERIFY(!output.contains(m_kamailio.password(QStringLiteral("1004"))));
}

void TestCliPresence::interruptedWatchUnsubscribes()
{
    QProcess *watch = start(QStringList{QStringLiteral("watch")} + line(QStringLiteral("1003"), m_kamailio.address()) +
                                QStringList{QStringLiteral("--buddy"), QStringLiteral("1004"),
                                            QStringLiteral("--event"), QStringLiteral("dialog")},
                            m_kamailio.password(QStringLiteral("1003")));
    QString output;
    QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(watch->readAllStandardOutput()))
                                 .contains(QLatin1String("PRESENCE sip:1004@127.0.0.1 ")),
                             10000);
    watch->terminate(); // SIGTERM, like Ctrl-C
    QVERIFY(watch->waitForFinished(15000));
    output += QString::fromUtf8(watch->readAllStandardOutput());
    QCOMPARE(watch->exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch->exitCode(), 0);
    QVERIFY(output.contains(QLatin1String("Event: dialog")));
    QCOMPARE(count(output, QStringLiteral("^\\S+ Unsubscribed from sip:1004@127.0.0.1 \\(dialog\\)")), 1);
}

void TestCliPresence::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("watch without buddy") << QStringList{QStringLiteral("watch")} << QStringLiteral("--buddy");
    QTest::newRow("watch bad event") << QStringList{QStringLiteral("watch"), QStringLiteral("--buddy"),
                                                    QStringLiteral("1002"), QStringLiteral("--event"),
                                                    QStringLiteral("weather")}
                                     << QStringLiteral("--event");
    QTest::newRow("watch bad duration") << QStringList{QStringLiteral("watch"), QStringLiteral("--buddy"),
                                                       QStringLiteral("1002"), QStringLiteral("--duration"),
                                                       QStringLiteral("soon")}
                                        << QStringLiteral("--duration");
    QTest::newRow("publish without status") << QStringList{QStringLiteral("publish")} << QStringLiteral("--status");
    QTest::newRow("publish bad status") << QStringList{QStringLiteral("publish"), QStringLiteral("--status"),
                                                       QStringLiteral("sleepy")}
                                        << QStringLiteral("--status");
}

void TestCliPresence::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess *process = start(arguments + line(QStringLiteral("1001"), m_kamailio.address()), QStringLiteral("x"));
    QVERIFY(process->waitForFinished(10000));
    QCOMPARE(process->exitCode(), 2);
    const QString errors = QString::fromUtf8(process->readAllStandardError());
    QVERIFY2(errors.contains(message), qPrintable(errors));
    QVERIFY(!process->readAllStandardOutput().contains("send "));
}

QTEST_GUILESS_MAIN(TestCliPresence)
#include "TestCliPresence.moc"
