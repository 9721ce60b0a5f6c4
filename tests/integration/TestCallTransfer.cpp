// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Being transferred (RFC 3515): a sipp peer answers Offhook's call and sends REFER; Sip::CallService with
// App::CallMedia (null audio backend) follows it to a second sipp peer through the test Kamailio, tells
// the transferor how it went by a message/sipfrag NOTIFY and leaves the first call. A Refer-To that is
// not a SIP URI is refused by NOTIFY, and so is a target that cannot be reached; the call goes on.

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

using Sip::CallEvent;
using Sip::CallState;

class TestCallTransfer : public Test::CallTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void followsReferToTheNewTarget();
    void referToANonSipUriIsRefused();
    void failedTransferKeepsTheCall();

private:
    /// Registers sipp as extension on a free port, then starts scenario there as a UAS.
    QStringList notifyBodies(const Test::SippProcess &sipp) const;
};

void TestCallTransfer::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    QVERIFY(startKamailio());
}

void TestCallTransfer::cleanupTestCase()
{
    stopKamailio();
}

void TestCallTransfer::init()
{
    QVERIFY(setUpEngine({QStringLiteral("1004"), QStringLiteral("1005")}, false));
}

void TestCallTransfer::cleanup()
{
    tearDownEngine();
}

QStringList TestCallTransfer::notifyBodies(const Test::SippProcess &sipp) const
{
    QStringList bodies;
    for (const Test::SippTraceMessage &message : sipp.received()) {
        if (message.isRequest() && message.method() == QLatin1String("NOTIFY"))
            bodies << message.body().trimmed();
    }
    return bodies;
}

void TestCallTransfer::followsReferToTheNewTarget()
{
    Test::SippProcess target;
    QVERIFY(startSippAs(QStringLiteral("1004"), QStringLiteral("uas_answer_call.xml"), target));
    const QString referTo = QStringLiteral("<sip:1004@%1>").arg(m_kamailio.address());
    Test::SippProcess transferor;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_call_transfers_us.xml"), transferor,
                        {{QStringLiteral("referto"), referTo}}));
    QSignalSpy requested(m_calls.get(), &Sip::CallService::transferRequested);
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 10000);
    QCOMPARE(requested.constFirst().at(0).toString(), callId);
    QVERIFY(requested.constFirst().at(1).toString().startsWith(QLatin1String("sip:1004@")));

    // The new call: announced as following callId, connected to 1004 with its own media.
    QString newCallId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const CallEvent &event : std::as_const(m_events)) {
                if (event.transferredFrom == callId)
                    newCallId = event.callId;
            }
            return !newCallId.isEmpty();
        }(),
        10000);
    QVERIFY(newCallId != callId);
    QVERIFY2(waitForState(newCallId, CallState::Connected), qPrintable(target.errorText()));
    QVERIFY(m_media->media(newCallId).isValid());
    QVERIFY(m_media->media(newCallId).remotePort != m_media->media(callId).remotePort ||
            m_media->media(newCallId).remoteAddress != m_media->media(callId).remoteAddress ||
            m_media->media(newCallId).localRtpPort != m_media->media(callId).localRtpPort);

    // The transferred call ends by our BYE after the final NOTIFY.
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(transferor.waitFinished(20000));
    QVERIFY2(transferor.exitCode() == 0, qPrintable(transferor.errorText()));
    const QStringList bodies = notifyBodies(transferor);
    // One NOTIFY with the outcome (see CallSession::referProgress for why no 1xx progress is sent).
    QCOMPARE(bodies, QStringList{QStringLiteral("SIP/2.0 200 OK")});
    for (const Test::SippTraceMessage &message : transferor.received()) {
        if (message.isRequest() && message.method() == QLatin1String("NOTIFY")) {
            QVERIFY(message.header(QStringLiteral("Content-Type")).startsWith(QLatin1String("message/sipfrag")));
            QVERIFY(message.header(QStringLiteral("Event")).startsWith(QLatin1String("refer")));
        }
    }
    const CallEvent ended = [&] {
        CallEvent result;
        for (const CallEvent &event : std::as_const(m_events)) {
            if (event.callId == callId)
                result = event;
        }
        return result;
    }();
    QCOMPARE(ended.reason, QStringLiteral("Transferred"));
    QVERIFY(ended.endedLocally);

    // The new INVITE carried the transferor's Referred-By.
    bool referredBy = false;
    for (const Test::SippTraceMessage &message : target.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INVITE"))
            referredBy = message.header(QStringLiteral("Referred-By")).contains(QLatin1String("sip:1005@"));
    }
    QVERIFY(referredBy);

    m_calls->hangUp(newCallId);
    QVERIFY(waitForState(newCallId, CallState::Ended));
    QVERIFY(target.waitFinished(20000));
    QVERIFY2(target.exitCode() == 0, qPrintable(target.errorText()));
}

void TestCallTransfer::referToANonSipUriIsRefused()
{
    Test::SippProcess transferor;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_call_transfers_us.xml"), transferor,
                        {{QStringLiteral("referto"), QStringLiteral("<http://example.invalid/1004>")}}));
    QSignalSpy requested(m_calls.get(), &Sip::CallService::transferRequested);
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    QTRY_VERIFY_WITH_TIMEOUT(!notifyBodies(transferor).isEmpty(), 10000);
    QCOMPARE(notifyBodies(transferor).constLast(), QStringLiteral("SIP/2.0 416 Unsupported URI Scheme"));
    QCOMPARE(requested.count(), 0);
    bool logged = false;
    for (const Sip::LogEntry &entry : m_harness->log().snapshot())
        logged = logged || entry.format(true).contains(QLatin1String("is not a SIP URI"));
    QVERIFY(logged);
    // The call goes on until we hang up.
    QTest::qWait(300);
    QVERIFY(!waitForState(callId, CallState::Ended, 10));
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(transferor.waitFinished(20000));
    QVERIFY2(transferor.exitCode() == 0, qPrintable(transferor.errorText()));
}

void TestCallTransfer::failedTransferKeepsTheCall()
{
    // 1004 is not registered: the PBX refuses the new call, the transferor hears why, the call goes on.
    Test::SippProcess transferor;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_call_transfers_us.xml"), transferor,
                        {{QStringLiteral("referto"), QStringLiteral("<sip:1004@%1>").arg(m_kamailio.address())}}));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    QTRY_VERIFY_WITH_TIMEOUT(!notifyBodies(transferor).isEmpty(), 15000);
    QString newCallId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const CallEvent &event : std::as_const(m_events)) {
                if (event.transferredFrom == callId)
                    newCallId = event.callId;
            }
            return !newCallId.isEmpty();
        }(),
        5000);
    QVERIFY(waitForState(newCallId, CallState::Ended));
    CallEvent ended;
    for (const CallEvent &event : std::as_const(m_events)) {
        if (event.callId == newCallId)
            ended = event;
    }
    QVERIFY2(ended.statusCode >= 400, qPrintable(ended.reason));
    // The one NOTIFY carries the new call's own failure.
    QCOMPARE(notifyBodies(transferor),
             QStringList{QStringLiteral("SIP/2.0 %1 %2").arg(ended.statusCode).arg(ended.reason)});
    QVERIFY(!waitForState(newCallId, CallState::Connected, 10));
    QVERIFY(!waitForState(callId, CallState::Ended, 300));
    // The transferred call still works: our BYE reaches the transferor.
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(transferor.waitFinished(20000));
    QVERIFY2(transferor.exitCode() == 0, qPrintable(transferor.errorText()));
}

QTEST_GUILESS_MAIN(TestCallTransfer)
#include "TestCallTransfer.moc"
