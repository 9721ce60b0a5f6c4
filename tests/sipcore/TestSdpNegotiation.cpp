// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// SDP offer/answer for one audio stream: parsing, Offhook's template and the outcome of a round.

#include "sipcore/SdpNegotiation.h"

#include <QTest>

using Sip::MediaDirection;

class TestSdpNegotiation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templateListsCodecsInPreferenceOrder();
    void templateHonoursCodecChoiceAndAddressFamily();
    void codecIsFirstOfTheAnswer_data();
    void codecIsFirstOfTheAnswer();
    void payloadTypesComeFromTheOtherSide();
    void ptime_data();
    void ptime();
    void addressAndPortFollowTheOtherSide();
    void reInviteChangesAddressAndPort();
    void direction_data();
    void direction();
    void telephoneEventOnlyWhenBothList();
    void noCommonCodecIs488();
    void refusedStreamIs488();
    void malformed_data();
    void malformed();
    void checkOffer_data();
    void checkOffer();
    void answerUsesTheOffersPayloadTypesAndOrder();
    void answerMirrorsDirection_data();
    void answerMirrorsDirection();
    void answerRefusesWhatCheckOfferRefuses();
    void holdOfferCarriesDirection();
};

namespace {

QByteArray sdp(const QByteArray &mediaLines, const QByteArray &address = "192.0.2.7",
               const QByteArray &sessionLines = {})
{
    return "v=0\r\no=peer 42 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n" + sessionLines +
           mediaLines;
}

QByteArray localOffer(const QStringList &codecs = {}, bool events = true)
{
    Sip::LocalMedia media;
    media.rtpPort = 40000;
    media.codecs = codecs;
    media.telephoneEvents = events;
    return Sip::Sdp::buildTemplate(media, QStringLiteral("127.0.0.1"), 1, 1);
}

} // namespace

void TestSdpNegotiation::templateListsCodecsInPreferenceOrder()
{
    const QByteArray offer = localOffer();
    QVERIFY2(offer.contains("m=audio 40000 RTP/AVP 111 0 8 101\r\n"), offer.constData());
    QVERIFY(offer.contains("a=rtpmap:111 opus/48000/2\r\n"));
    QVERIFY(offer.contains("a=fmtp:111 useinbandfec=1\r\n"));
    QVERIFY(offer.contains("a=rtpmap:101 telephone-event/8000\r\n"));
    QVERIFY(offer.contains("a=ptime:20\r\n"));
    QVERIFY(offer.contains("c=IN IP4 127.0.0.1\r\n"));

    const Sip::Sdp::ParseResult parsed = Sip::Sdp::parse(offer);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Sip::SdpMedia &audio = parsed.session.media.constFirst();
    QCOMPARE(audio.formats.size(), 4);
    QCOMPARE(audio.formats.at(0).encoding, QStringLiteral("opus"));
    QCOMPARE(audio.formats.at(0).channels, 2);
    QCOMPARE(audio.formats.at(0).parameters, QStringLiteral("useinbandfec=1"));
    QCOMPARE(audio.formats.at(1).encoding, QStringLiteral("PCMU"));
    QCOMPARE(audio.formats.at(2).encoding, QStringLiteral("PCMA"));
    QCOMPARE(audio.ptimeMs, 20);
    QCOMPARE(audio.direction, MediaDirection::SendRecv);
}

void TestSdpNegotiation::templateHonoursCodecChoiceAndAddressFamily()
{
    Sip::LocalMedia media;
    media.rtpPort = 5004;
    media.codecs = {QStringLiteral("PCMA")};
    media.telephoneEvents = false;
    media.ptimeMs = 40;
    const QByteArray text = Sip::Sdp::buildTemplate(media, QStringLiteral("2001:db8::5"), 7, 9);
    QVERIFY2(text.contains("m=audio 5004 RTP/AVP 8\r\n"), text.constData());
    QVERIFY(text.contains("c=IN IP6 2001:db8::5\r\n"));
    QVERIFY(text.contains("o=offhook 7 9 IN IP6 2001:db8::5\r\n"));
    QVERIFY(text.contains("a=ptime:40\r\n"));
    QVERIFY(!text.contains("telephone-event"));
    QVERIFY(Sip::Sdp::parse(text).ok());
}

void TestSdpNegotiation::codecIsFirstOfTheAnswer_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<int>("payloadType");
    QTest::newRow("answer picks PCMU") << QStringList()
                                       << sdp("m=audio 5000 RTP/AVP 0 8 101\r\n"
                                              "a=rtpmap:101 telephone-event/8000\r\n")
                                       << QStringLiteral("PCMU") << 0;
    QTest::newRow("answer lists PCMA first")
        << QStringList() << sdp("m=audio 5000 RTP/AVP 8 0\r\n") << QStringLiteral("PCMA") << 8;
    QTest::newRow("opus first") << QStringList()
                                << sdp("m=audio 5000 RTP/AVP 111 0\r\n"
                                       "a=rtpmap:111 opus/48000/2\r\n")
                                << QStringLiteral("opus") << 111;
    QTest::newRow("codec we did not offer is skipped")
        << QStringList{QStringLiteral("PCMU")} << sdp("m=audio 5000 RTP/AVP 8 0\r\n") << QStringLiteral("PCMU") << 0;
    QTest::newRow("unknown codecs are skipped")
        << QStringList() << sdp("m=audio 5000 RTP/AVP 18 9 8\r\na=rtpmap:18 G729/8000\r\n") << QStringLiteral("PCMA")
        << 8;
    QTest::newRow("opus at the wrong rate is not opus")
        << QStringList() << sdp("m=audio 5000 RTP/AVP 96 0\r\na=rtpmap:96 opus/16000\r\n") << QStringLiteral("PCMU")
        << 0;
    QTest::newRow("encoding names are case-insensitive")
        << QStringList() << sdp("m=audio 5000 RTP/AVP 97\r\na=rtpmap:97 OPUS/48000/2\r\n") << QStringLiteral("opus")
        << 97;
}

void TestSdpNegotiation::codecIsFirstOfTheAnswer()
{
    QFETCH(QStringList, offered);
    QFETCH(QByteArray, answer);
    QFETCH(QString, codec);
    QFETCH(int, payloadType);
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(offered), answer, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.codec, codec);
    QCOMPARE(outcome.media.payloadType, payloadType);
    QVERIFY(outcome.media.isValid());
}

void TestSdpNegotiation::payloadTypesComeFromTheOtherSide()
{
    // We offered opus as 111; the answer numbers it 96 and telephone-event 100: we send with those.
    const QByteArray answer = sdp("m=audio 6000 RTP/AVP 96 100\r\na=rtpmap:96 opus/48000/2\r\n"
                                  "a=rtpmap:100 telephone-event/8000\r\n");
    Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), answer, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.payloadType, 96);
    QCOMPARE(outcome.media.telephoneEventPayloadType, 100);
    QCOMPARE(outcome.media.clockRateHz, 48000);
    QCOMPARE(outcome.media.channels, 2);
    QCOMPARE(outcome.media.describe(), QStringLiteral("opus/48000/2 to 192.0.2.7:6000"));

    // As answerer: the offer's preference is PCMA, ours (the answer Sofia built) opus first, numbered
    // with the offer's 98. The answer decides the codec; the offer's numbers are used to send.
    const QByteArray offer = sdp("m=audio 7000 RTP/AVP 8 98 0\r\na=rtpmap:98 opus/48000/2\r\n");
    Sip::LocalMedia media;
    media.rtpPort = 40000;
    QByteArray ourAnswer = Sip::Sdp::buildTemplate(media, QStringLiteral("127.0.0.1"), 1, 1);
    ourAnswer.replace("RTP/AVP 111 0 8 101", "RTP/AVP 98 101").replace("rtpmap:111", "rtpmap:98");
    outcome = Sip::Sdp::negotiate(ourAnswer, offer, false);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.codec, QStringLiteral("opus"));
    QCOMPARE(outcome.media.payloadType, 98);
    QCOMPARE(outcome.media.telephoneEventPayloadType, -1); // the offer had none
    QCOMPARE(outcome.media.localRtpPort, quint16(40000));
    QCOMPARE(outcome.media.localAddress, QStringLiteral("127.0.0.1"));
}

void TestSdpNegotiation::ptime_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("ptimeMs");
    QTest::newRow("none given") << sdp("m=audio 5000 RTP/AVP 0\r\n") << 20;
    QTest::newRow("PCMU 30 ms") << sdp("m=audio 5000 RTP/AVP 0\r\na=ptime:30\r\n") << 30;
    QTest::newRow("opus 40 ms") << sdp("m=audio 5000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\na=ptime:40\r\n") << 40;
    QTest::newRow("opus cannot do 30 ms") << sdp("m=audio 5000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n"
                                                 "a=ptime:30\r\n")
                                          << 20;
    QTest::newRow("PCMU 25 ms is not a frame multiple") << sdp("m=audio 5000 RTP/AVP 0\r\na=ptime:25\r\n") << 20;
}

void TestSdpNegotiation::ptime()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, ptimeMs);
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), answer, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.ptimeMs, ptimeMs);
}

void TestSdpNegotiation::addressAndPortFollowTheOtherSide()
{
    // Media-level c= wins over the session's; a=rtcp gives the RTCP port.
    const QByteArray answer = sdp("m=audio 5008 RTP/AVP 0\r\nc=IN IP4 198.51.100.9\r\na=rtcp:5011\r\n");
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), answer, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.remoteAddress, QStringLiteral("198.51.100.9"));
    QCOMPARE(outcome.media.remotePort, quint16(5008));
    QCOMPARE(outcome.media.remoteRtcpPort, quint16(5011));
    QCOMPARE(outcome.media.localRtpPort, quint16(40000));
}

void TestSdpNegotiation::reInviteChangesAddressAndPort()
{
    const QByteArray first = sdp("m=audio 5000 RTP/AVP 0\r\n");
    const QByteArray moved = sdp("m=audio 6200 RTP/AVP 0\r\n", "203.0.113.4");
    const Sip::Sdp::Outcome before = Sip::Sdp::negotiate(localOffer(), first, true);
    const Sip::Sdp::Outcome after = Sip::Sdp::negotiate(localOffer(), moved, false);
    QVERIFY(before.ok() && after.ok());
    QCOMPARE(after.media.remoteAddress, QStringLiteral("203.0.113.4"));
    QCOMPARE(after.media.remotePort, quint16(6200));
    QVERIFY(!(before.media == after.media));
}

void TestSdpNegotiation::direction_data()
{
    QTest::addColumn<QByteArray>("localAttribute");
    QTest::addColumn<QByteArray>("remote");
    QTest::addColumn<MediaDirection>("direction");
    QTest::newRow("both sendrecv") << QByteArray() << sdp("m=audio 5000 RTP/AVP 0\r\n") << MediaDirection::SendRecv;
    QTest::newRow("peer holds us (sendonly)")
        << QByteArray() << sdp("m=audio 5000 RTP/AVP 0\r\na=sendonly\r\n") << MediaDirection::RecvOnly;
    QTest::newRow("peer holds, session level")
        << QByteArray() << sdp("m=audio 5000 RTP/AVP 0\r\n", "192.0.2.7", "a=sendonly\r\n") << MediaDirection::RecvOnly;
    QTest::newRow("peer inactive") << QByteArray() << sdp("m=audio 5000 RTP/AVP 0\r\na=inactive\r\n")
                                   << MediaDirection::Inactive;
    QTest::newRow("old hold c=0.0.0.0") << QByteArray() << sdp("m=audio 5000 RTP/AVP 0\r\n", "0.0.0.0")
                                        << MediaDirection::RecvOnly;
    QTest::newRow("we hold (sendonly), peer recvonly")
        << QByteArray("a=sendonly\r\n") << sdp("m=audio 5000 RTP/AVP 0\r\na=recvonly\r\n") << MediaDirection::SendOnly;
    QTest::newRow("we hold (inactive)") << QByteArray("a=inactive\r\n")
                                        << sdp("m=audio 5000 RTP/AVP 0\r\na=inactive\r\n") << MediaDirection::Inactive;
}

void TestSdpNegotiation::direction()
{
    QFETCH(QByteArray, localAttribute);
    QFETCH(QByteArray, remote);
    QFETCH(MediaDirection, direction);
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer() + localAttribute, remote, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.media.direction, direction);
}

void TestSdpNegotiation::telephoneEventOnlyWhenBothList()
{
    const QByteArray answer = sdp("m=audio 5000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n");
    Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), answer, true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.media.telephoneEventPayloadType, 101);
    QCOMPARE(outcome.media.telephoneEventClockRateHz, 8000);

    outcome = Sip::Sdp::negotiate(localOffer({}, false), answer, true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.media.telephoneEventPayloadType, -1);

    outcome = Sip::Sdp::negotiate(localOffer(), sdp("m=audio 5000 RTP/AVP 0\r\n"), true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.media.telephoneEventPayloadType, -1);

    // Only a 48 kHz event clock on their side: we list 8000 Hz only, so nothing in common.
    outcome = Sip::Sdp::negotiate(localOffer(),
                                  sdp("m=audio 5000 RTP/AVP 111 102\r\na=rtpmap:111 opus/48000/2\r\n"
                                      "a=rtpmap:102 telephone-event/48000\r\n"),
                                  true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.media.telephoneEventPayloadType, -1);
}

void TestSdpNegotiation::noCommonCodecIs488()
{
    const QByteArray answer = sdp("m=audio 5000 RTP/AVP 18 3\r\na=rtpmap:18 G729/8000\r\n");
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), answer, true);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.status, 488);
    QVERIFY2(outcome.error.contains(QLatin1String("No codec in common")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("G729/8000, GSM/8000")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("opus/48000/2, PCMU/8000, PCMA/8000")), qPrintable(outcome.error));
}

void TestSdpNegotiation::refusedStreamIs488()
{
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), sdp("m=audio 0 RTP/AVP 0\r\n"), true);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.status, 488);
    QVERIFY(outcome.error.contains(QLatin1String("refused the audio stream")));

    const Sip::Sdp::Outcome video = Sip::Sdp::negotiate(localOffer(), sdp("m=video 5000 RTP/AVP 96\r\n"), true);
    QVERIFY(!video.ok());
    QCOMPARE(video.status, 488);
}

void TestSdpNegotiation::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray("\r\n") << QStringLiteral("empty");
    QTest::newRow("no v=0") << QByteArray("o=x 1 1 IN IP4 1.2.3.4\r\n") << QStringLiteral("line 1: an SDP body must");
    QTest::newRow("garbage line") << sdp("this is not sdp\r\n") << QStringLiteral("line 6:");
    QTest::newRow("short o=") << QByteArray("v=0\r\no=x 1 IN IP4 1.2.3.4\r\n") << QStringLiteral("o= needs 6 fields");
    QTest::newRow("o= missing") << QByteArray("v=0\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio 5 RTP/AVP 0\r\n")
                                << QStringLiteral("o= line is missing");
    QTest::newRow("bad port") << sdp("m=audio 70000 RTP/AVP 0\r\n") << QStringLiteral("is not a port number");
    QTest::newRow("m= too short") << sdp("m=audio 5000 RTP/AVP\r\n") << QStringLiteral("at least one format");
    QTest::newRow("bad payload type") << sdp("m=audio 5000 RTP/AVP 0 abc\r\n")
                                      << QStringLiteral("\"abc\" is not an RTP payload type");
    QTest::newRow("bad rtpmap") << sdp("m=audio 5000 RTP/AVP 96\r\na=rtpmap:96 opus\r\n")
                                << QStringLiteral("a=rtpmap needs");
    QTest::newRow("bad ptime") << sdp("m=audio 5000 RTP/AVP 0\r\na=ptime:soon\r\n") << QStringLiteral("a=ptime");
    QTest::newRow("name in c=") << sdp("m=audio 5000 RTP/AVP 0\r\n", "pbx.example")
                                << QStringLiteral("not a numeric IP address");
    QTest::newRow("IP4 with v6 address") << sdp("m=audio 5000 RTP/AVP 0\r\n", "2001:db8::1")
                                         << QStringLiteral("does not match IP4");
    QTest::newRow("no c= at all") << QByteArray("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n"
                                                "m=audio 5000 RTP/AVP 0\r\n")
                                  << QStringLiteral("no c= connection address");
}

void TestSdpNegotiation::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const Sip::Sdp::ParseResult parsed = Sip::Sdp::parse(body);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(expected), qPrintable(parsed.error));

    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(localOffer(), body, true);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.status, 400);
    QVERIFY2(outcome.error.startsWith(QLatin1String("The other side's SDP is malformed")), qPrintable(outcome.error));
}

void TestSdpNegotiation::checkOffer_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QStringList>("codecs");
    QTest::addColumn<int>("status");
    QTest::newRow("fine") << sdp("m=audio 5000 RTP/AVP 0\r\n") << QStringList() << 0;
    QTest::newRow("opus only, we take PCMU only") << sdp("m=audio 5000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n")
                                                  << QStringList{QStringLiteral("PCMU")} << 488;
    QTest::newRow("G729 only") << sdp("m=audio 5000 RTP/AVP 18\r\n") << QStringList() << 488;
    QTest::newRow("video only") << sdp("m=video 5000 RTP/AVP 96\r\n") << QStringList() << 488;
    QTest::newRow("malformed") << sdp("m=audio x RTP/AVP 0\r\n") << QStringList() << 400;
}

void TestSdpNegotiation::checkOffer()
{
    QFETCH(QByteArray, offer);
    QFETCH(QStringList, codecs);
    QFETCH(int, status);
    const Sip::Sdp::Outcome outcome = Sip::Sdp::checkOffer(offer, codecs);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.ok(), status == 0);
}

void TestSdpNegotiation::answerUsesTheOffersPayloadTypesAndOrder()
{
    const QByteArray offer = sdp("m=audio 5000 RTP/AVP 8 96 0 97 18\r\na=rtpmap:96 opus/48000/2\r\n"
                                 "a=rtpmap:97 telephone-event/8000\r\na=ptime:20\r\n");
    Sip::LocalMedia media;
    media.rtpPort = 41000;
    media.codecs = {QStringLiteral("opus"), QStringLiteral("PCMU")};
    QString error;
    const QByteArray answer = Sip::Sdp::buildAnswer(offer, media, QStringLiteral("127.0.0.1"), 5, 1, &error);
    QVERIFY2(!answer.isEmpty(), qPrintable(error));
    QVERIFY2(answer.contains("m=audio 41000 RTP/AVP 96 0 97\r\n"), answer.constData());
    QVERIFY(answer.contains("a=rtpmap:96 opus/48000/2\r\n"));
    QVERIFY(answer.contains("a=rtpmap:97 telephone-event/8000\r\n"));
    QVERIFY(!answer.contains("a=sendrecv") && !answer.contains("a=recvonly"));

    // Both sides agree on what the media layer runs: opus under the offerer's 96, events under 97.
    const Sip::Sdp::Outcome local = Sip::Sdp::negotiate(answer, offer, false);
    QVERIFY2(local.ok(), qPrintable(local.error));
    QCOMPARE(local.media.codec, QStringLiteral("opus"));
    QCOMPARE(local.media.payloadType, 96);
    QCOMPARE(local.media.telephoneEventPayloadType, 97);
    QCOMPARE(local.media.remotePort, quint16(5000));
    QCOMPARE(local.media.direction, MediaDirection::SendRecv);
    const Sip::Sdp::Outcome remote = Sip::Sdp::negotiate(offer, answer, true);
    QVERIFY2(remote.ok(), qPrintable(remote.error));
    QCOMPARE(remote.media.codec, QStringLiteral("opus"));
    QCOMPARE(remote.media.remotePort, quint16(41000));
}

void TestSdpNegotiation::answerMirrorsDirection_data()
{
    QTest::addColumn<QByteArray>("offerDirection");
    QTest::addColumn<MediaDirection>("local");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("sendrecv") << QByteArray() << MediaDirection::SendRecv << QByteArray();
    QTest::newRow("peer holds") << QByteArray("a=sendonly\r\n") << MediaDirection::SendRecv << QByteArray("a=recvonly");
    QTest::newRow("peer inactive") << QByteArray("a=inactive\r\n") << MediaDirection::SendRecv
                                   << QByteArray("a=inactive");
    QTest::newRow("peer recvonly") << QByteArray("a=recvonly\r\n") << MediaDirection::SendRecv
                                   << QByteArray("a=sendonly");
    QTest::newRow("we hold") << QByteArray() << MediaDirection::SendOnly << QByteArray("a=sendonly");
    QTest::newRow("both hold") << QByteArray("a=sendonly\r\n") << MediaDirection::SendOnly << QByteArray("a=inactive");
}

void TestSdpNegotiation::answerMirrorsDirection()
{
    QFETCH(QByteArray, offerDirection);
    QFETCH(MediaDirection, local);
    QFETCH(QByteArray, expected);
    Sip::LocalMedia media;
    media.rtpPort = 41000;
    media.direction = local;
    const QByteArray answer = Sip::Sdp::buildAnswer(sdp("m=audio 5000 RTP/AVP 0\r\n" + offerDirection), media,
                                                    QStringLiteral("10.0.0.1"), 1, 1);
    QVERIFY(!answer.isEmpty());
    if (expected.isEmpty()) {
        QVERIFY2(!answer.contains("only") && !answer.contains("inactive"), answer.constData());
    } else {
        QVERIFY2(answer.contains(QByteArray(expected + "\r\n")), answer.constData());
    }
}

void TestSdpNegotiation::answerRefusesWhatCheckOfferRefuses()
{
    Sip::LocalMedia media;
    media.rtpPort = 41000;
    QString error;
    int status = 0;
    QVERIFY(Sip::Sdp::buildAnswer(sdp("m=audio 5000 RTP/AVP 18\r\n"), media, QStringLiteral("127.0.0.1"), 1, 1, &error,
                                  &status)
                .isEmpty());
    QCOMPARE(status, 488);
    QVERIFY2(error.contains(QLatin1String("G729/8000")), qPrintable(error));
    QVERIFY(
        Sip::Sdp::buildAnswer("v=0\r\nbogus\r\n", media, QStringLiteral("127.0.0.1"), 1, 1, &error, &status).isEmpty());
    QCOMPARE(status, 400);
    QVERIFY2(error.contains(QLatin1String("malformed")), qPrintable(error));
}

void TestSdpNegotiation::holdOfferCarriesDirection()
{
    Sip::LocalMedia media;
    media.rtpPort = 40000;
    media.direction = MediaDirection::SendOnly;
    const QByteArray offer = Sip::Sdp::buildTemplate(media, QStringLiteral("127.0.0.1"), 1, 2);
    QVERIFY2(offer.contains("a=sendonly\r\n"), offer.constData());
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(offer, sdp("m=audio 5000 RTP/AVP 0\r\na=recvonly\r\n"), true);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.media.direction, MediaDirection::SendOnly);
}

QTEST_GUILESS_MAIN(TestSdpNegotiation)
#include "TestSdpNegotiation.moc"
