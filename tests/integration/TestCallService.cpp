// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Sip::CallService with its media (App::CallMedia on the null audio backend) against sipp peers routed
// by the test Kamailio: hold and resume by re-INVITE both ways, blind transfer by REFER, rejecting an
// incoming call, and a peer that stops sending RTP.

#include "app/calls/CallMedia.h"
#include "audio/devices/NullBackend.h"
#include "sipcore/CallService.h"
#include "tests/integration/CallTestBase.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"

#include <QSignalSpy>
#include <QUdpSocket>
#include <QTest>

#include <memory>

using Sip::CallEvent;
using Sip::CallState;

class TestCallService : public Test::CallTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void holdAndResume();
    void peerHoldsAndResumes();
    void blindTransfer();
    void rejectIncomingBusy();
    void rtpTimeoutEndsTheCall();
    void dtmfBySipInfoWithoutTelephoneEvent();
    void malformedOfferIsRefused();
    void callerCancelsWhileRinging();
    void rtpFromAnUnexpectedAddressIsDropped();
    void secondCallWaitsWhileTheFirstIsHeld();

private:
    /// Registers sipp as 1005 on a free port and starts `scenario` there as the callee.
};

void TestCallService::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    QVERIFY(startKamailio());
}

void TestCallService::cleanupTestCase()
{
    stopKamailio();
}

void TestCallService::init()
{
    QVERIFY(setUpEngine({QStringLiteral("1005")}, true));
}

void TestCallService::cleanup()
{
    tearDownEngine();
}

void TestCallService::holdAndResume()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_hold.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(!callId.isEmpty());
    QVERIFY2(waitForState(callId, CallState::Connected), qPrintable(callee.errorText()));
    QCOMPARE(m_media->media(callId).codec, QStringLiteral("PCMU"));
    QCOMPARE(m_media->media(callId).direction, Sip::MediaDirection::SendRecv);

    m_calls->hold(callId);
    QVERIFY(waitForState(callId, CallState::Held));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->media(callId).direction, Sip::MediaDirection::SendOnly, 5000);
    m_calls->resume(callId);
    QTRY_COMPARE_WITH_TIMEOUT(last(callId).state, CallState::Connected, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->media(callId).direction, Sip::MediaDirection::SendRecv, 5000);
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(last(callId).endedLocally);

    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QList<Test::SippTraceMessage> invites;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INVITE"))
            invites.append(message);
    }
    QCOMPARE(invites.size(), 3);
    QVERIFY(!invites.at(0).body().contains(QLatin1String("a=sendonly")));
    QVERIFY2(invites.at(1).body().contains(QLatin1String("a=sendonly")), qPrintable(invites.at(1).text));
    QVERIFY2(!invites.at(2).body().contains(QLatin1String("a=sendonly")), qPrintable(invites.at(2).text));
}

void TestCallService::peerHoldsAndResumes()
{
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_hold.xml"), caller));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty(), 10000);
    const QString callId = m_events.constFirst().callId;
    QCOMPARE(m_events.constFirst().state, CallState::Incoming);
    QCOMPARE(m_events.constFirst().direction, Sip::CallDirection::Incoming);
    QVERIFY(m_events.constFirst().peer.startsWith(QLatin1String("sip:1005@")));
    QVERIFY(waitForState(callId, CallState::Connected));
    QVERIFY(waitForState(callId, CallState::RemoteHeld));
    const quint16 firstPort = m_media->media(callId).remotePort;
    // The resume comes from another RTP port: the media follows it.
    QTRY_COMPARE_WITH_TIMEOUT(m_media->media(callId).remotePort, quint16(39998), 10000);
    QVERIFY(firstPort != 39998);
    QTRY_VERIFY_WITH_TIMEOUT(m_media->statistics(callId).remoteAddress.endsWith(QLatin1String(":39998")), 5000);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(!last(callId).endedLocally);
    QCOMPARE(last(callId).reason, QStringLiteral("BYE received"));
    // Held, then resumed before the BYE.
    const QList<CallState> seen = states(callId);
    QVERIFY(seen.lastIndexOf(CallState::Connected) > seen.indexOf(CallState::RemoteHeld));

    QVERIFY(caller.waitFinished(20000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QList<Test::SippTraceMessage> answers;
    for (const Test::SippTraceMessage &message : caller.received()) {
        if (!message.isRequest() && message.firstLine().startsWith(QLatin1String("SIP/2.0 200")) &&
            message.header(QStringLiteral("CSeq")).endsWith(QLatin1String("INVITE")))
            answers.append(message);
    }
    QVERIFY(answers.size() >= 3);
    QVERIFY2(answers.at(answers.size() - 2).body().contains(QLatin1String("a=recvonly")),
             qPrintable(answers.at(answers.size() - 2).text));
    QVERIFY(!answers.constLast().body().contains(QLatin1String("a=recvonly")));
}

void TestCallService::blindTransfer()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_refer.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    m_calls->transfer(callId, QStringLiteral("1003"));
    QTRY_VERIFY2_WITH_TIMEOUT(!m_transfers.isEmpty() && m_transfers.constLast().finished,
                              qPrintable(callee.errorText()), 10000);
    QVERIFY(m_transfers.constLast().succeeded);
    QCOMPARE(m_transfers.constLast().statusCode, 200);
    QVERIFY(m_transfers.constLast().target.startsWith(QLatin1String("sip:1003@")));
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    bool sawRefer = false;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("REFER"))
            sawRefer = message.header(QStringLiteral("Refer-To")).contains(QLatin1String("sip:1003@"));
    }
    QVERIFY(sawRefer);
}

void TestCallService::rejectIncomingBusy()
{
    // This test answers nothing: reject instead of the automatic answer.
    disconnect(m_calls.get(), &Sip::CallService::callChanged, this, nullptr);
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this](const CallEvent &event) {
        m_events.append(event);
        if (event.state == CallState::Incoming)
            m_calls->reject(event.callId, Sip::RejectReason::Busy);
    });
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_rejected.xml"), caller));
    // Keep the event loop running: the rejection is sent from the Incoming event.
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning(), 30000);
    QVERIFY(caller.waitFinished(1000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constLast().statusCode, 486);
    QVERIFY(m_events.constLast().endedLocally);
}

void TestCallService::rtpTimeoutEndsTheCall()
{
    // sipp answers and then sends no RTP at all: the media times out and the call is hung up.
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_answer_call.xml"), callee));
    App::CallMediaOptions options = m_media->options();
    options.rtpTimeoutMs = 2000;
    m_media->setOptions(options);
    QSignalSpy timedOut(m_media.get(), &App::CallMedia::mediaTimedOut);
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    QVERIFY(waitForState(callId, CallState::Ended, 15000));
    QCOMPARE(timedOut.count(), 1);
    QCOMPARE(last(callId).reason, QStringLiteral("RTP timeout"));
    QVERIFY(last(callId).diagnosis.contains(QLatin1String("No media")));
    QVERIFY(m_media->statistics(callId).packetsSent > 0);
    QCOMPARE(m_media->statistics(callId).packetsReceived, 0u);
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QCOMPARE(callee.countReceived(QStringLiteral("BYE")), 1);
}

void TestCallService::dtmfBySipInfoWithoutTelephoneEvent()
{
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_call_info.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    QCOMPARE(m_media->media(callId).telephoneEventPayloadType, -1);
    QVERIFY(!m_media->sendDigits(callId, QStringLiteral("1x")));
    QVERIFY(m_media->sendDigits(callId, QStringLiteral("4*")));
    QTRY_COMPARE_WITH_TIMEOUT(callee.countReceived(QStringLiteral("INFO")), 2, 10000);
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QStringList bodies;
    for (const Test::SippTraceMessage &message : callee.received()) {
        if (message.isRequest() && message.method() == QLatin1String("INFO")) {
            QCOMPARE(message.header(QStringLiteral("Content-Type")), QStringLiteral("application/dtmf-relay"));
            bodies << message.body().trimmed().split(QLatin1Char('\n')).constFirst().trimmed();
        }
    }
    QCOMPARE(bodies, (QStringList{QStringLiteral("Signal=4"), QStringLiteral("Signal=*")}));
}

void TestCallService::malformedOfferIsRefused()
{
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_malformed_sdp.xml"), caller));
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning(), 30000);
    QVERIFY(caller.waitFinished(1000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constLast().statusCode, 400);
    QVERIFY2(m_events.constLast().diagnosis.contains(QLatin1String("malformed")),
             qPrintable(m_events.constLast().diagnosis));
    // The caller learns why from the Warning header.
    bool warned = false;
    for (const Test::SippTraceMessage &message : caller.received()) {
        if (message.firstLine().startsWith(QLatin1String("SIP/2.0 400")))
            warned = message.header(QStringLiteral("Warning")).contains(QLatin1String("m= port"));
    }
    QVERIFY(warned);
    // The engine still takes calls afterwards.
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_answer_call.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
}

void TestCallService::callerCancelsWhileRinging()
{
    // Leave incoming calls ringing: the caller gives up first.
    disconnect(m_calls.get(), &Sip::CallService::callChanged, this, nullptr);
    connect(m_calls.get(), &Sip::CallService::callChanged, this,
            [this](const CallEvent &event) { m_events.append(event); });
    Test::SippProcess caller;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_cancel.xml"), caller));
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning(), 30000);
    QVERIFY(caller.waitFinished(1000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constFirst().state, CallState::Incoming);
    QCOMPARE(m_events.constLast().statusCode, 487);
    QVERIFY(!m_events.constLast().endedLocally);
    QVERIFY2(m_events.constLast().diagnosis.contains(QLatin1String("caller hung up")),
             qPrintable(m_events.constLast().diagnosis));
    QVERIFY(m_calls->activeCalls().isEmpty());
}

void TestCallService::rtpFromAnUnexpectedAddressIsDropped()
{
    App::CallMediaOptions options = m_media->options();
    options.latchWindowMs = 0;
    m_media->setOptions(options);
    Test::SippProcess callee;
    QVERIFY(startSippCallee(QStringLiteral("uas_answer_call.xml"), callee));
    const QString callId = m_media->call(QStringLiteral("a"), QStringLiteral("1005"));
    QVERIFY(waitForState(callId, CallState::Connected));
    // sipp said where its RTP comes from; these PCMU packets come from another host (127.0.0.2), after the
    // latching window (closed for this test): a stranger, not the peer behind a NAT. (A source on the
    // SDP's own host would be latched onto: a NAT that rewrote only the port.)
    const Sip::MediaParameters media = m_media->media(callId);
    QCOMPARE(media.codec, QStringLiteral("PCMU"));
    QUdpSocket stranger;
    QVERIFY(stranger.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    QVERIFY(stranger.localPort() != media.remotePort);
    const quint16 ourPort = media.localRtpPort;
    QVERIFY(ourPort != 0);
    for (int i = 0; i < 20; ++i) {
        QByteArray packet(12 + 160, char(0x7f));
        packet[0] = char(0x80);
        packet[1] = char(0); // PCMU
        packet[2] = char(i >> 8);
        packet[3] = char(i & 0xff);
        packet[4] = packet[5] = packet[6] = char(0);
        packet[7] = char(i * 160 & 0xff);
        packet[8] = char(0x12);
        packet[9] = char(0x34);
        packet[10] = char(0x56);
        packet[11] = char(0x78);
        stranger.writeDatagram(packet, QHostAddress::LocalHost, ourPort);
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_media->statistics(callId).unexpectedSourcePackets >= 10, 5000);
    QCOMPARE(m_media->statistics(callId).packetsReceived, 0u);
    QCOMPARE(last(callId).state, CallState::Connected); // the call goes on
    m_calls->hangUp(callId);
    QVERIFY(waitForState(callId, CallState::Ended));
    QVERIFY(callee.waitFinished(20000));
}

void TestCallService::secondCallWaitsWhileTheFirstIsHeld()
{
    // Answer only the first call; the second one rings until the first is on hold.
    disconnect(m_calls.get(), &Sip::CallService::callChanged, this, nullptr);
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this](const CallEvent &event) {
        m_events.append(event);
        if (event.state == CallState::Incoming && m_calls->activeCalls().size() == 1)
            m_media->answer(event.callId);
    });
    Test::SippProcess first;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_held_by_callee.xml"), first, QStringLiteral("1004")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty(), 10000);
    const QString firstId = m_events.constFirst().callId;
    QVERIFY(waitForState(firstId, CallState::Connected));

    Test::SippProcess second;
    QVERIFY(startSippCaller(QStringLiteral("uac_invite_auth.xml"), second, QStringLiteral("1005")));
    QString secondId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const CallEvent &event : std::as_const(m_events)) {
                if (event.callId != firstId && event.state == CallState::Incoming)
                    secondId = event.callId;
            }
            return !secondId.isEmpty();
        }(),
        10000);
    QCOMPARE(m_calls->activeCalls().size(), 2);
    QCOMPARE(last(firstId).state, CallState::Connected); // the first call goes on while the second rings

    m_calls->hold(firstId);
    QVERIFY(waitForState(firstId, CallState::Held));
    QVERIFY(m_media->answer(secondId));
    QVERIFY(waitForState(secondId, CallState::Connected));
    // The second caller hangs up after a second; the first is still held, then ended here.
    QVERIFY(waitForState(secondId, CallState::Ended));
    QCOMPARE(last(firstId).state, CallState::Held);
    m_calls->hangUp(firstId);
    QVERIFY(waitForState(firstId, CallState::Ended));
    QVERIFY(first.waitFinished(20000));
    QVERIFY2(first.exitCode() == 0, qPrintable(first.errorText()));
    QVERIFY(second.waitFinished(20000));
    QVERIFY2(second.exitCode() == 0, qPrintable(second.errorText()));
}

QTEST_GUILESS_MAIN(TestCallService)
#include "TestCallService.moc"
