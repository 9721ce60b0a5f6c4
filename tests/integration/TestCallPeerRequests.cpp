// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// What a sipp peer asks of a call, through the test Kamailio, with Sip::CallService and App::CallMedia
// (null audio backend): DTMF by SIP INFO (dtmf-relay and dtmf; unreadable bodies get 400, other types
// 415), and session timers (RFC 4028) where Offhook is the refresher as caller and as callee, and a 422
// Session Interval Too Small answered by a retry with the larger Min-SE. The timer cases wait for a real
// refresh at about half of the 90 s interval.

#include "app/calls/CallMedia.h"
#include "audio/devices/NullBackend.h"
#include "sipcore/CallService.h"
#include "tests/integration/CallTestBase.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using Sip::CallState;

class TestCallPeerRequests : public Test::CallTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void infoDigitsAreReceived();
    void sessionRefreshedAsCaller();
    void sessionRefreshedAsCallee();
    void sessionIntervalTooSmallIsRetried();

private:
    bool logContains(const QString &text) const;
};

void TestCallPeerRequests::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    QVERIFY(startKamailio());
    m_sippTimeoutSeconds = 100; // the session-timer scenarios wait for a refresh of a 90 s interval
}

void TestCallPeerRequests::cleanupTestCase()
{
    stopKamailio();
}

void TestCallPeerRequests::init()
{
    QVERIFY(setUpEngine({QStringLiteral("1004"), QStringLiteral("1005")}, true));
}

void TestCallPeerRequests::cleanup()
{
    tearDownEngine();
}

bool TestCallPeerRequests::logContains(const QString &text) const
{
    for (const Sip::LogEntry &entry : m_harness->log().snapshot()) {
        if (entry.format(true).contains(text))
            return true;
    }
    return false;
}

void TestCallPeerRequests::infoDigitsAreReceived()
{
    QSignalSpy digits(m_calls.get(), &Sip::CallService::infoDigitReceived);
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_info_dtmf.xml"), caller));
    // sipp checks the answers: 200 for both digits, 400 for "Signal=Z", 415 for text/plain.
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning(), 30000);
    QVERIFY(caller.waitFinished(1000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 2, 5000);
    QCOMPARE(digits.at(0).at(1).value<QChar>(), QLatin1Char('5'));
    QCOMPARE(digits.at(1).at(1).value<QChar>(), QLatin1Char('7'));
    QVERIFY(logContains(QStringLiteral("SIP INFO refused (400): Signal=Z is not a DTMF digit")));
    QVERIFY(logContains(QStringLiteral("SIP INFO refused (415)")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
}

void TestCallPeerRequests::sessionRefreshedAsCaller()
{
    Test::SippProcess callee;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_session_timer_refresher_uac.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    // Refresher with a 90 s interval: the refresh comes at about 45 s; sipp fails the call after 80 s.
    QTRY_VERIFY2_WITH_TIMEOUT(
        callee.countReceived(QStringLiteral("UPDATE")) + callee.countReceived(QStringLiteral("INVITE")) >= 2 ||
            !callee.isRunning(),
        qPrintable(callee.errorText()), 90000);
    QVERIFY2(callee.isRunning(), qPrintable(callee.errorText()));
    QVERIFY(!waitForState(callId, CallState::Ended, 500));
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
}

void TestCallPeerRequests::sessionRefreshedAsCallee()
{
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_session_timer_uas.xml"), caller));
    // sipp checks that the 200 accepts 90;refresher=uas, waits up to 80 s for the UPDATE, then hangs up.
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning(), 95000);
    QVERIFY(caller.waitFinished(1000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constLast().reason, QStringLiteral("BYE received"));
}

void TestCallPeerRequests::sessionIntervalTooSmallIsRetried()
{
    Test::SippProcess callee;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_session_timer_422.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    // sipp checked that the retried INVITE asks for at least the 1800 s of the 422's Min-SE.
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QCOMPARE(callee.countReceived(QStringLiteral("INVITE")), 2);
}

QTEST_GUILESS_MAIN(TestCallPeerRequests)
#include "TestCallPeerRequests.moc"
