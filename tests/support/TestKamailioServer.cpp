// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The test fixtures themselves: a real Kamailio driven by sipp as the client, so tests built on
// them can trust registrar, challenges, presence and call routing.

#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/ProcessGroup.h"
#include "tests/support/SippProcess.h"

#include <QDir>
#include <QHostAddress>
#include <QTest>
#include <QUdpSocket>

using Test::KamailioServer;
using Test::SippProcess;
using Test::SippTraceMessage;

class TestKamailioServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void freePortsAreUsable();
    void registersWithDigestAndShowsBinding();
    void wrongPasswordIsChallengedAgain();
    void unknownExtensionGets404();
    void presencePublishAndSubscribe();
    void routesCallBetweenRegisteredUsers();
    void startsAndStopsTwiceWithoutLeftovers();
    void badOptionsFailClearly_data();
    void badOptionsFailClearly();
    void portInUseFailsClearly();

private:
    /// Registers `extension` at `server` from sipp on `localPort` (0: any); returns sipp's exit code.
    static int registerWithSipp(const KamailioServer &server, const QString &extension, const QString &password,
                                quint16 localPort = 0,
                                const QString &scenario = QStringLiteral("uac_register_auth.xml"));

    KamailioServer m_server;
};

void TestKamailioServer::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(KamailioServer::findKamcmd());
    OFFHOOK_REQUIRE_TOOL(SippProcess::findProgram());
    QVERIFY2(m_server.start(), qPrintable(m_server.stderrText()));
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_server.address(), QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
    QCOMPARE(m_server.password(QStringLiteral("1003")), QStringLiteral("demo1003"));
}

void TestKamailioServer::cleanupTestCase()
{
    m_server.stop();
}

int TestKamailioServer::registerWithSipp(const KamailioServer &server, const QString &extension,
                                         const QString &password, quint16 localPort, const QString &scenario)
{
    SippProcess sipp;
    SippProcess::Options options;
    options.port = localPort;
    options.service = extension;
    options.authUser = extension;
    options.authPassword = password;
    options.timeoutSeconds = 30;
    if (!sipp.startClient(scenario, server.address(), options)) {
        qWarning("%s", qPrintable(sipp.errorText()));
        return -1;
    }
    if (!sipp.waitFinished(40000))
        return -1;
    if (sipp.exitCode() != 0)
        qWarning("%s", qPrintable(sipp.errorText()));
    return sipp.exitCode();
}

void TestKamailioServer::freePortsAreUsable()
{
    const quint16 first = Test::FreePort::pick();
    const quint16 second = Test::FreePort::pick();
    QVERIFY(first != 0 && second != 0);
    QVERIFY(first != second);
    QVERIFY(Test::FreePort::isFree(first));
    QVERIFY(!Test::FreePort::isFree(m_server.port()));
}

void TestKamailioServer::registersWithDigestAndShowsBinding()
{
    SippProcess sipp;
    SippProcess::Options options;
    options.service = QStringLiteral("1001");
    options.authUser = QStringLiteral("1001");
    options.authPassword = m_server.password(QStringLiteral("1001"));
    QVERIFY2(sipp.startClient(QStringLiteral("uac_register_auth.xml"), m_server.address(), options),
             qPrintable(sipp.errorText()));
    QVERIFY(sipp.waitFinished(40000));
    QVERIFY2(sipp.exitCode() == 0, qPrintable(sipp.errorText()));

    // REGISTER, 401 with an MD5/qop challenge, REGISTER with credentials, 200 with the binding.
    QCOMPARE(sipp.countSent(QStringLiteral("REGISTER")), 2);
    QCOMPARE(sipp.countReceived(QStringLiteral("401")), 1);
    QCOMPARE(sipp.countReceived(QStringLiteral("200")), 1);
    const QList<SippTraceMessage> received = sipp.received();
    const QString challenge = received.at(0).header(QStringLiteral("WWW-Authenticate"));
    QVERIFY2(challenge.startsWith(QLatin1String("Digest realm=\"127.0.0.1\", nonce=\"")), qPrintable(challenge));
    QVERIFY2(challenge.contains(QLatin1String("qop=\"auth\"")) && challenge.contains(QLatin1String("algorithm=MD5")),
             qPrintable(challenge));
    QVERIFY(received.at(1).header(QStringLiteral("Contact")).contains(QLatin1String(";expires=300")));
    QVERIFY(sipp.sent().at(1).hasHeader(QStringLiteral("Authorization")));

    const QStringList bindings = m_server.bindings(QStringLiteral("sip:1001@127.0.0.1"));
    QCOMPARE(bindings.size(), 1);
    QVERIFY2(bindings.constFirst().startsWith(QStringLiteral("sip:1001@127.0.0.1:%1").arg(sipp.port())),
             qPrintable(bindings.constFirst()));
    QCOMPARE(m_server.bindings(QStringLiteral("1001")), bindings);
    QVERIFY(m_server.bindings(QStringLiteral("sip:1005@127.0.0.1")).isEmpty());
    bool ok = true;
    m_server.kamcmd({QStringLiteral("ul.lookup"), QStringLiteral("location"), QStringLiteral("s:1005")}, &ok);
    QVERIFY(!ok);
}

void TestKamailioServer::wrongPasswordIsChallengedAgain()
{
    // The scenario itself expects 401, credentials, 401 again.
    QCOMPARE(registerWithSipp(m_server, QStringLiteral("1002"), QStringLiteral("not-the-password"), 0,
                              QStringLiteral("uac_register_wrong_password.xml")),
             0);
    QVERIFY(m_server.bindings(QStringLiteral("sip:1002@127.0.0.1")).isEmpty());
}

void TestKamailioServer::unknownExtensionGets404()
{
    SippProcess sipp;
    SippProcess::Options options;
    options.service = QStringLiteral("1999");
    QVERIFY2(sipp.startClient(QStringLiteral("uac_register_unknown_user.xml"), m_server.address(), options),
             qPrintable(sipp.errorText()));
    QVERIFY(sipp.waitFinished(40000));
    QVERIFY2(sipp.exitCode() == 0, qPrintable(sipp.errorText()));
    QCOMPARE(sipp.received().constFirst().firstLine(), QStringLiteral("SIP/2.0 404 Not Found"));
}

void TestKamailioServer::presencePublishAndSubscribe()
{
    QCOMPARE(registerWithSipp(m_server, QStringLiteral("1002"), m_server.password(QStringLiteral("1002")), 0,
                              QStringLiteral("uac_publish_presence.xml")),
             0);

    SippProcess watcher;
    SippProcess::Options options;
    options.service = QStringLiteral("1001");
    options.authUser = QStringLiteral("1001");
    options.authPassword = m_server.password(QStringLiteral("1001"));
    options.keys.insert(QStringLiteral("target"), QStringLiteral("1002"));
    QVERIFY2(watcher.startClient(QStringLiteral("uac_subscribe_presence.xml"), m_server.address(), options),
             qPrintable(watcher.errorText()));
    QVERIFY(watcher.waitFinished(40000));
    QVERIFY2(watcher.exitCode() == 0, qPrintable(watcher.errorText()));
    QCOMPARE(watcher.countReceived(QStringLiteral("401")), 1);
    QCOMPARE(watcher.countReceived(QStringLiteral("NOTIFY")), 2);
    const QList<SippTraceMessage> notifies = [&] {
        QList<SippTraceMessage> result;
        for (const SippTraceMessage &message : watcher.received()) {
            if (message.method() == QLatin1String("NOTIFY") && message.isRequest())
                result.append(message);
        }
        return result;
    }();
    QVERIFY(notifies.at(0).header(QStringLiteral("Subscription-State")).startsWith(QLatin1String("active")));
    QVERIFY2(notifies.at(0).body().contains(QLatin1String("<basic>open</basic>")), qPrintable(notifies.at(0).text));
    QVERIFY(notifies.at(1).header(QStringLiteral("Subscription-State")).startsWith(QLatin1String("terminated")));
}

void TestKamailioServer::routesCallBetweenRegisteredUsers()
{
    // 1002's binding points at a port where a sipp UAS answers afterwards.
    const quint16 calleePort = Test::FreePort::pick();
    QVERIFY(calleePort != 0);
    QCOMPARE(registerWithSipp(m_server, QStringLiteral("1002"), m_server.password(QStringLiteral("1002")), calleePort),
             0);
    SippProcess callee;
    SippProcess::Options calleeOptions;
    calleeOptions.port = calleePort;
    QVERIFY2(callee.startServer(QStringLiteral("uas_answer_call.xml"), calleeOptions), qPrintable(callee.errorText()));

    SippProcess caller;
    SippProcess::Options callerOptions;
    callerOptions.service = QStringLiteral("1001");
    callerOptions.authUser = QStringLiteral("1001");
    callerOptions.authPassword = m_server.password(QStringLiteral("1001"));
    callerOptions.keys.insert(QStringLiteral("target"), QStringLiteral("1002"));
    QVERIFY2(caller.startClient(QStringLiteral("uac_invite_auth.xml"), m_server.address(), callerOptions),
             qPrintable(caller.errorText()));
    QVERIFY(caller.waitFinished(40000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QVERIFY(callee.waitFinished(40000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));

    QCOMPARE(caller.countReceived(QStringLiteral("407")), 1);
    const SippTraceMessage invite = callee.received().constFirst();
    QCOMPARE(invite.method(), QStringLiteral("INVITE"));
    QVERIFY(invite.header(QStringLiteral("Record-Route")).contains(m_server.address()));
    QVERIFY(!invite.hasHeader(QStringLiteral("Proxy-Authorization"))); // consumed by the PBX
    QCOMPARE(callee.countReceived(QStringLiteral("BYE")), 1);
}

void TestKamailioServer::startsAndStopsTwiceWithoutLeftovers()
{
    const quint16 port = Test::FreePort::pick();
    QVERIFY(port != 0);
    for (int round = 0; round < 2; ++round) {
        KamailioServer server;
        KamailioServer::Options options;
        options.port = port; // the same port twice: the first run must have released it
        options.presence = round == 0;
        options.users = {{QStringLiteral("2001"), QStringLiteral("pw:with\\odd chars")}};
        QVERIFY2(server.start(options), qPrintable(server.stderrText()));
        QCOMPARE(server.port(), port);
        const qint64 pid = server.processId();
        const QString runDir = server.runDirectory();
        QVERIFY(pid > 0);
        QVERIFY(QDir(runDir).exists());
        QCOMPARE(registerWithSipp(server, QStringLiteral("2001"), options.users.value(QStringLiteral("2001"))), 0);
        QCOMPARE(server.bindings(QStringLiteral("sip:2001@127.0.0.1")).size(), 1);

        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY2(!Test::ProcessGroup::isAlive(pid), "kamailio worker processes left behind");
        QVERIFY(!QDir(runDir).exists());
        QVERIFY(Test::FreePort::isFree(port));
        QVERIFY(server.stderrText().contains(QLatin1String("Listening on")));
        QVERIFY(server.bindings(QStringLiteral("2001")).isEmpty());
    }
}

void TestKamailioServer::badOptionsFailClearly_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("message");
    QTest::newRow("no users") << 0 << QStringLiteral("users is empty");
    QTest::newRow("bad extension") << 1 << QStringLiteral("extension \"10 01\"");
    QTest::newRow("bad domain") << 2 << QStringLiteral("domain \"bad domain\"");
    QTest::newRow("expires order") << 3 << QStringLiteral("minExpires (600)");
}

void TestKamailioServer::badOptionsFailClearly()
{
    QFETCH(int, variant);
    QFETCH(QString, message);
    KamailioServer::Options options;
    switch (variant) {
    case 0:
        options.users.clear();
        break;
    case 1:
        options.users.insert(QStringLiteral("10 01"), QStringLiteral("x"));
        break;
    case 2:
        options.domain = QStringLiteral("bad domain");
        break;
    default:
        options.minExpires = 600;
        break;
    }
    KamailioServer server;
    QVERIFY(!server.start(options));
    QVERIFY(!server.isRunning());
    QVERIFY2(server.stderrText().contains(message), qPrintable(server.stderrText()));
}

void TestKamailioServer::portInUseFailsClearly()
{
    QUdpSocket holder;
    QVERIFY(holder.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    KamailioServer server;
    KamailioServer::Options options;
    options.port = holder.localPort();
    options.startTimeoutMs = 10000;
    QVERIFY(!server.start(options));
    QVERIFY(!server.isRunning());
    const QString text = server.stderrText();
    QVERIFY2(text.contains(QLatin1String("exited during start-up")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Address already in use")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestKamailioServer)
#include "TestKamailioServer.moc"
