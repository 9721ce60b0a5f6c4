// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Call signalling details of Sip::CallService (with App::CallMedia on the null audio backend) against sipp
// peers routed by the test Kamailio: early media from a 183, a delayed offer (INVITE without SDP, answer
// in the ACK), 401 challenges inside the dialog (hold re-INVITE, BYE, REFER), and the line of an incoming
// call in the live log.

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

class TestCallSignalling : public Test::CallTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void earlyMediaStartsBeforeTheAnswer();
    void earlyMediaUnchangedByTheAnswer();
    void delayedOfferIsAnsweredInTheAck();
    void delayedOfferWithoutAnswerInTheAckIsHungUp();
    void holdChallengedOnceIsRetriedWithCredentials();
    void holdChallengedTwiceIsRefusedCredentials();
    void inviteChallengedTwiceEndsTheCall();
    void byeChallengedOnceIsRetriedWithCredentials();
    void referChallengedOnceIsRetriedWithCredentials();

private:
    /// Error steps of the live log that contain text.
    QStringList logErrors(const QString &text) const;
    /// The call's received SIP messages (by method) in the live log.
    QList<Sip::LogEntry> received(const QString &method) const;

    /// "state:<name>" and "media:<port>" in the order the service reported them.
    QStringList m_sequence;
};

void TestCallSignalling::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    QVERIFY(startKamailio());
}

void TestCallSignalling::cleanupTestCase()
{
    stopKamailio();
}

void TestCallSignalling::init()
{
    QVERIFY(setUpEngine({QStringLiteral("1005")}, true));
    m_sequence.clear();
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this](const CallEvent &event) {
        m_sequence << QStringLiteral("state:%1%2")
                          .arg(Sip::callStateName(event.state),
                               event.earlyMedia ? QStringLiteral("+early") : QString());
    });
    connect(m_calls.get(), &Sip::CallService::mediaChanged, this, [this](const Sip::MediaParameters &media) {
        m_sequence << QStringLiteral("media:%1").arg(media.remotePort);
        // CallMedia's own slot ran first (it connected first): did it take the parameters for its stream?
        if (m_media->media(media.callId).remotePort == media.remotePort)
            m_sequence << QStringLiteral("taken:%1").arg(media.remotePort);
    });
}

void TestCallSignalling::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo("sequence: %s", qPrintable(m_sequence.join(QLatin1Char(' '))));
    tearDownEngine();
}

QStringList TestCallSignalling::logErrors(const QString &text) const
{
    QStringList result;
    for (const Sip::LogEntry &entry : m_harness->log().snapshot()) {
        if (entry.kind == Sip::LogEntry::Kind::Error && entry.text.contains(text))
            result << entry.text;
    }
    return result;
}

QList<Sip::LogEntry> TestCallSignalling::received(const QString &method) const
{
    QList<Sip::LogEntry> result;
    for (const Sip::LogEntry &entry : m_harness->log().snapshot()) {
        if (entry.kind == Sip::LogEntry::Kind::Received && entry.methodOrStatus() == method)
            result << entry;
    }
    return result;
}

void TestCallSignalling::earlyMediaStartsBeforeTheAnswer()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_early_media.xml"), callee,
                            {{QStringLiteral("earlyport"), QStringLiteral("39994")},
                             {QStringLiteral("answerport"), QStringLiteral("39996")}}));
    QSignalSpy failed(m_media.get(), &App::CallMedia::mediaFailed);
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(!callId.isEmpty());
    QVERIFY(waitForState(callId, CallState::Connected));
    QVERIFY(!last(callId).earlyMedia);
    // Reported in this order: the 183's media (taken by CallMedia while the call still rings), "ringing
    // (early media)", then the 200 OK's media (another port), then connected. Order, not timing.
    const QString sequence = m_sequence.join(QLatin1Char(' '));
    const qsizetype early = m_sequence.indexOf(QStringLiteral("media:39994"));
    const qsizetype taken = m_sequence.indexOf(QStringLiteral("taken:39994"));
    const qsizetype ringing = m_sequence.indexOf(QStringLiteral("state:ringing+early"));
    const qsizetype answered = m_sequence.indexOf(QStringLiteral("taken:39996"));
    const qsizetype connected = m_sequence.indexOf(QStringLiteral("state:connected"));
    QVERIFY2(early >= 0 && taken == early + 1 && ringing > taken, qPrintable(sequence));
    QVERIFY2(answered > ringing && connected > answered, qPrintable(sequence));
    QVERIFY2(!m_sequence.mid(0, early).contains(QStringLiteral("state:connected")), qPrintable(sequence));
    QCOMPARE(m_media->media(callId).codec, QStringLiteral("PCMU"));
    QCOMPARE(m_media->media(callId).remotePort, quint16(39996));
    QCOMPARE(failed.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_media->statistics(callId).remoteAddress.endsWith(QLatin1String(":39996")), 5000);

    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
}

void TestCallSignalling::earlyMediaUnchangedByTheAnswer()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_early_media.xml"), callee,
                            {{QStringLiteral("earlyport"), QStringLiteral("39994")},
                             {QStringLiteral("answerport"), QStringLiteral("39994")}}));
    QSignalSpy media(m_calls.get(), &Sip::CallService::mediaChanged);
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    // The same SDP again in the 200 OK: one media report, so the running stream is not restarted.
    QCOMPARE(media.count(), 1);
    QVERIFY(states(callId).indexOf(CallState::Ringing) >= 0);
    QCOMPARE(m_media->media(callId).remotePort, quint16(39994));
    // The stream started on the 183 runs on.
    QTRY_VERIFY_WITH_TIMEOUT(m_media->statistics(callId).remoteAddress.endsWith(QLatin1String(":39994")) &&
                                 m_media->statistics(callId).packetsSent > 0,
                             5000);
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QCOMPARE(media.count(), 1);
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
}

void TestCallSignalling::delayedOfferIsAnsweredInTheAck()
{
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_delayed_offer.xml"), caller));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty(), 10000);
    const QString callId = m_events.constFirst().callId;
    QCOMPARE(m_events.constFirst().state, CallState::Incoming);
    QVERIFY(waitForState(callId, CallState::Connected));
    // Our 200 OK offered all codecs; the ACK's answer picked PCMA.
    QCOMPARE(m_media->media(callId).codec, QStringLiteral("PCMA"));
    QCOMPARE(m_media->media(callId).payloadType, 8);
    QVERIFY(waitForState(callId, CallState::Ended));
    QCOMPARE(last(callId).reason, QStringLiteral("BYE received"));
    QVERIFY(caller.waitFinished(20000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    bool offered = false;
    for (const Test::SippTraceMessage &message : caller.received()) {
        if (message.firstLine().startsWith(QLatin1String("SIP/2.0 200")) &&
            message.header(QStringLiteral("CSeq")).endsWith(QLatin1String("INVITE")))
            offered = message.body().contains(QLatin1String("PCMA/8000")) &&
                      message.body().contains(QLatin1String("opus/48000"));
    }
    QVERIFY(offered);

    // The live log puts the incoming INVITE, its ACK and the BYE on the line they came in on.
    const QList<Sip::LogEntry> invites = received(QStringLiteral("INVITE"));
    QVERIFY(!invites.isEmpty());
    for (const Sip::LogEntry &entry : invites)
        QCOMPARE(entry.lineId, QStringLiteral("a"));
    const QList<Sip::LogEntry> acks = received(QStringLiteral("ACK"));
    QVERIFY(!acks.isEmpty());
    QCOMPARE(acks.constLast().lineId, QStringLiteral("a"));
    QVERIFY(acks.constLast().raw.contains("PCMA/8000"));
    const QList<Sip::LogEntry> byes = received(QStringLiteral("BYE"));
    QCOMPARE(byes.size(), 1);
    QCOMPARE(byes.constFirst().lineId, QStringLiteral("a"));
}

void TestCallSignalling::delayedOfferWithoutAnswerInTheAckIsHungUp()
{
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_delayed_offer_no_answer.xml"), caller));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty(), 10000);
    const QString callId = m_events.constFirst().callId;
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(!states(callId).contains(CallState::Connected));
    QVERIFY(last(callId).endedLocally);
    QVERIFY2(last(callId).diagnosis.contains(QLatin1String("no SDP answer in its ACK")),
             qPrintable(last(callId).diagnosis));
    QVERIFY(caller.waitFinished(20000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QCOMPARE(caller.countReceived(QStringLiteral("BYE")), 1);
}

void TestCallSignalling::holdChallengedOnceIsRetriedWithCredentials()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_hold_401.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    m_calls->hold(callId);
    QVERIFY2(waitForState(callId, CallState::Held), qPrintable(callee.errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->media(callId).direction, Sip::MediaDirection::SendOnly, 5000);
    QVERIFY(logErrors(QStringLiteral("refused")).isEmpty());
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    // The retried re-INVITE answered the challenge: the line's user, the realm and nonce of the 401 (the
    // credentials for the PBX's own realm may come along).
    QList<Test::SippTraceMessage> invites;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INVITE"))
            invites.append(message);
    }
    QCOMPARE(invites.size(), 3);
    QVERIFY(!invites.at(1).text.contains(QLatin1String("dialog-nonce-1")));
    QVERIFY2(invites.at(2).text.contains(QLatin1String(
                 R"(Authorization: Digest username="1001", realm="dialog.test", nonce="dialog-nonce-1")")),
             qPrintable(invites.at(2).text));
    QVERIFY(invites.at(2).body().contains(QLatin1String("a=sendonly")));
}

void TestCallSignalling::holdChallengedTwiceIsRefusedCredentials()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_hold_401_twice.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    m_calls->hold(callId);
    QTRY_VERIFY_WITH_TIMEOUT(!logErrors(QStringLiteral("re-INVITE refused")).isEmpty(), 10000);
    QVERIFY2(!logErrors(QStringLiteral("refused the line's credentials")).isEmpty(),
             qPrintable(logErrors(QStringLiteral("refused")).join(QLatin1Char('\n'))));
    // Not held, and the call goes on.
    QVERIFY(!states(callId).contains(CallState::Held));
    QCOMPARE(last(callId).state, CallState::Connected);
    QCOMPARE(m_media->media(callId).direction, Sip::MediaDirection::SendRecv);
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    // Credentials went once; no third re-INVITE.
    int invites = 0;
    int withCredentials = 0;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INVITE")) {
            ++invites;
            withCredentials += message.text.contains(QLatin1String(R"(realm="dialog.test")")) ? 1 : 0;
        }
    }
    QCOMPARE(invites, 3);
    QCOMPARE(withCredentials, 1);
}

void TestCallSignalling::inviteChallengedTwiceEndsTheCall()
{
    // The callee refuses the credentials: the call ends at once with the refusal, it does not stay
    // "dialing" (Sofia keeps a challenged INVITE waiting for credentials that will not come).
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_invite_401_twice.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Ended), qPrintable(callee.errorText()));
    QCOMPARE(last(callId).statusCode, 401);
    QVERIFY2(last(callId).diagnosis.contains(QLatin1String("password"), Qt::CaseInsensitive) ||
                 last(callId).diagnosis.contains(QLatin1String("credentials"), Qt::CaseInsensitive),
             qPrintable(last(callId).diagnosis));
    QVERIFY(!states(callId).contains(CallState::Connected));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    int invites = 0;
    int withCredentials = 0;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INVITE")) {
            ++invites;
            withCredentials += message.text.contains(QLatin1String(R"(realm="callee.test")")) ? 1 : 0;
        }
    }
    QCOMPARE(invites, 2);
    QCOMPARE(withCredentials, 1);
}

void TestCallSignalling::byeChallengedOnceIsRetriedWithCredentials()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_bye_401.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QList<Test::SippTraceMessage> byes;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("BYE"))
            byes.append(message);
    }
    QCOMPARE(byes.size(), 2);
    QVERIFY2(byes.at(1).text.contains(QLatin1String(
                 R"(Authorization: Digest username="1001", realm="dialog.test", nonce="dialog-nonce-1")")),
             qPrintable(byes.at(1).text));
    QCOMPARE(last(callId).reason, QStringLiteral("BYE sent"));
    QVERIFY(logErrors(QStringLiteral("refused")).isEmpty());
}

void TestCallSignalling::referChallengedOnceIsRetriedWithCredentials()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_refer_401.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    m_calls->transfer(callId, QStringLiteral("1003"));
    QTRY_VERIFY2_WITH_TIMEOUT(!m_transfers.isEmpty() && m_transfers.constLast().finished,
                              qPrintable(callee.errorText()), 10000);
    QVERIFY(m_transfers.constLast().succeeded);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QList<Test::SippTraceMessage> refers;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("REFER"))
            refers.append(message);
    }
    QCOMPARE(refers.size(), 2);
    QVERIFY2(refers.at(1).text.contains(QLatin1String(
                 R"(Authorization: Digest username="1001", realm="dialog.test", nonce="dialog-nonce-1")")),
             qPrintable(refers.at(1).text));
    QVERIFY(logErrors(QStringLiteral("refused")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCallSignalling)
#include "TestCallSignalling.moc"
