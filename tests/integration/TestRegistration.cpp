// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The engine against a real registrar: Kamailio with digest auth, started on loopback by the test.

#include "tests/integration/EngineHarness.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace Sip;
using Test::EngineHarness;

class TestRegistration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registersWithOneDigestRetry();
    void wrongPasswordStopsAfterTwoRegisters();
    void unknownExtensionIsRejected();
    void refreshesBeforeExpiry();
    void unregisterRemovesBinding();
    void twoLinesAtOnce();
    void shutdownUnregisters();
    void recoversWhenServerComesBack();

private:
    Test::KamailioServer m_kamailio;
};

void TestRegistration::initTestCase()
{
    Test::KamailioServer::Options options;
    options.minExpires = 2;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestRegistration::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestRegistration::registersWithOneDigestRetry()
{
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("a"), QStringLiteral("1001"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("a")), RegistrationState::Registered, 15000);
    const RegistrationEvent registered = harness.events(QStringLiteral("a")).constLast();
    QVERIFY(registered.expiresSeconds > 0);
    QCOMPARE(registered.statusCode, 200);
    QCOMPARE(harness.count(QStringLiteral("a"), RegistrationState::Authenticating), 1);

    QTRY_VERIFY(harness.sentRequests(QStringLiteral("a"), QStringLiteral("REGISTER")).size() >= 2);
    const QList<LogEntry> registers = harness.sentRequests(QStringLiteral("a"), QStringLiteral("REGISTER"));
    QCOMPARE(registers.size(), 2);
    QVERIFY2(registers.at(0).header("Authorization").isEmpty(), "credentials must never be sent unasked");
    QVERIFY(!registers.at(1).header("Authorization").isEmpty());
    QVERIFY(registers.at(1).header("Authorization").contains("algorithm=MD5"));
    QVERIFY(registers.at(1).header("Authorization").contains("qop=auth"));
    const QList<LogEntry> received = harness.messages(QStringLiteral("a"), LogEntry::Kind::Received);
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).methodOrStatus(), QStringLiteral("401"));
    QCOMPARE(received.at(1).methodOrStatus(), QStringLiteral("200"));
    QCOMPARE(registers.at(0).transport, QStringLiteral("udp"));
    QVERIFY2(registers.at(0).header("Contact").startsWith("<sip:"), registers.at(0).header("Contact").constData());
    QCOMPARE(registers.at(0).peer, m_kamailio.address());

    bool sawStep = false;
    for (const LogEntry &entry : harness.log().snapshot())
        sawStep = sawStep || entry.text.startsWith(QLatin1String("Retrying REGISTER with updated authentication"));
    QVERIFY(sawStep);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1001@127.0.0.1")).isEmpty());
}

void TestRegistration::wrongPasswordStopsAfterTwoRegisters()
{
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1002"), m_kamailio.address(),
                                                 QStringLiteral("not-the-password")));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("w")), RegistrationState::AuthFailed, 15000);
    const RegistrationEvent failed = harness.events(QStringLiteral("w")).constLast();
    QCOMPARE(failed.statusCode, 401);
    QCOMPARE(failed.failure, FailureKind::Authentication);
    QVERIFY2(failed.diagnosis.contains(QLatin1String("Auth User or Password")), qPrintable(failed.diagnosis));
    QCOMPARE(failed.retryInSeconds, 0);
    QTest::qWait(1500); // nothing more may be sent: no loop, no retry
    QCOMPARE(harness.sentRequests(QStringLiteral("w"), QStringLiteral("REGISTER")).size(), 2);
}

void TestRegistration::unknownExtensionIsRejected()
{
    EngineHarness harness;
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("u"), QStringLiteral("7777"), m_kamailio.address(), QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("u")), RegistrationState::Rejected, 15000);
    const RegistrationEvent rejected = harness.events(QStringLiteral("u")).constLast();
    QVERIFY(rejected.statusCode == 404 || rejected.statusCode == 403);
    QVERIFY(rejected.diagnosis.contains(QLatin1String("left of the @")));
    QCOMPARE(rejected.retryInSeconds, 0);
}

void TestRegistration::refreshesBeforeExpiry()
{
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("r"), QStringLiteral("1003"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1003")), 4));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("r")), RegistrationState::Registered, 15000);
    const QDateTime first = QDateTime::currentDateTimeUtc();
    // With a 4 s lifetime, the refresh must come before the binding runs out.
    QTRY_VERIFY_WITH_TIMEOUT(harness.count(QStringLiteral("r"), RegistrationState::Registered) >= 3, 15000);
    const QList<LogEntry> registers = harness.sentRequests(QStringLiteral("r"), QStringLiteral("REGISTER"));
    QVERIFY(registers.size() >= 4);
    // A refresh answers the server's earlier challenge: its nonce again, with the next nonce count.
    const QList<LogEntry> received = harness.messages(QStringLiteral("r"), LogEntry::Kind::Received);
    QVERIFY(!received.isEmpty());
    const QByteArray challenge = received.constFirst().header("WWW-Authenticate");
    const qsizetype nonceAt = challenge.indexOf("nonce=\"");
    QVERIFY(nonceAt >= 0);
    const QByteArray nonce = challenge.mid(nonceAt, challenge.indexOf('"', nonceAt + 7) - nonceAt + 1);
    QVERIFY(registers.at(0).header("Authorization").isEmpty());
    for (qsizetype i = 1; i < 4; ++i) {
        const QByteArray authorization = registers.at(i).header("Authorization");
        QVERIFY2(authorization.contains(nonce), authorization.constData());
        QVERIFY2(authorization.contains(QByteArray(QByteArray("nc=0000000") + QByteArray::number(i))),
                 authorization.constData());
    }
    const QList<RegistrationEvent> events = harness.events(QStringLiteral("r"));
    QDateTime previous;
    for (const RegistrationEvent &event : events) {
        if (event.state != RegistrationState::Registered)
            continue;
        if (previous.isValid())
            QVERIFY2(previous.msecsTo(event.timestamp) < 4000, "refresh came after the binding expired");
        previous = event.timestamp;
    }
    QVERIFY(first.msecsTo(QDateTime::currentDateTimeUtc()) > 0);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1003@127.0.0.1")).isEmpty());
}

void TestRegistration::unregisterRemovesBinding()
{
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("x"), QStringLiteral("1004"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1004"))));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("x")), RegistrationState::Registered, 15000);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1004@127.0.0.1")).isEmpty());
    harness.engine().unregisterLine(QStringLiteral("x"));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("x")), RegistrationState::Unregistered, 15000);
    const QList<LogEntry> registers = harness.sentRequests(QStringLiteral("x"), QStringLiteral("REGISTER"));
    QVERIFY(registers.constLast().header("Expires") == "0" ||
            registers.constLast().header("Contact").contains("expires=0"));
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("sip:1004@127.0.0.1")).isEmpty(), 5000);
}

void TestRegistration::twoLinesAtOnce()
{
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("one"), QStringLiteral("1001"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1001"))));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("two"), QStringLiteral("1002"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1002"))));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("one")), RegistrationState::Registered, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("two")), RegistrationState::Registered, 15000);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1001@127.0.0.1")).isEmpty());
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1002@127.0.0.1")).isEmpty());
    // Every wire message is attributed to its own line.
    for (const LogEntry &entry : harness.messages(QStringLiteral("one"), LogEntry::Kind::Sent))
        QVERIFY(entry.header("From").contains("1001"));
    for (const LogEntry &entry : harness.messages(QStringLiteral("two"), LogEntry::Kind::Sent))
        QVERIFY(entry.header("From").contains("1002"));
    QCOMPARE(harness.engine().lines().size(), 2);
    harness.engine().unregisterLine(QStringLiteral("one"));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("one")), RegistrationState::Unregistered, 15000);
    QCOMPARE(harness.state(QStringLiteral("two")), RegistrationState::Registered);
}

void TestRegistration::shutdownUnregisters()
{
    auto harness = std::make_unique<EngineHarness>();
    harness->engine().addLine(EngineHarness::line(QStringLiteral("s"), QStringLiteral("1005"), m_kamailio.address(),
                                                  m_kamailio.password(QStringLiteral("1005"))));
    QTRY_COMPARE_WITH_TIMEOUT(harness->state(QStringLiteral("s")), RegistrationState::Registered, 15000);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1005@127.0.0.1")).isEmpty());
    QVERIFY(harness->shutdownAndWait());
    QVERIFY(!harness->engine().isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("sip:1005@127.0.0.1")).isEmpty(), 5000);
}

void TestRegistration::recoversWhenServerComesBack()
{
    // The server is down at first (nothing on the port: ICMP refuses), then starts: the line must
    // get registered by itself through the back-off retry.
    const quint16 port = Test::FreePort::pick();
    QVERIFY(port != 0);
    EngineHarness harness;
    harness.engine().addLine(EngineHarness::line(QStringLiteral("late"), QStringLiteral("1001"),
                                                 QStringLiteral("127.0.0.1:%1").arg(port),
                                                 Test::KamailioServer::defaultUsers().value(QStringLiteral("1001"))));
    QTRY_VERIFY_WITH_TIMEOUT(isFailure(harness.state(QStringLiteral("late"))), 15000);
    const RegistrationEvent failed = harness.events(QStringLiteral("late")).constLast();
    QCOMPARE(failed.state, RegistrationState::NetworkFailed);
    QVERIFY(failed.retryInSeconds > 0);

    Test::KamailioServer late;
    Test::KamailioServer::Options options;
    options.port = port;
    QVERIFY2(late.start(options), qPrintable(late.stderrText()));
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("late")), RegistrationState::Registered,
                              (failed.retryInSeconds + 10) * 1000);
}

QTEST_GUILESS_MAIN(TestRegistration)
#include "TestRegistration.moc"
