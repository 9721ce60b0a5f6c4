// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/MediaSession.h"
#include "audio/devices/FileBackend.h"
#include "audio/devices/NullBackend.h"
#include "audio/rtp/RtpPacket.h"
#include "audio/rtp/UdpSocket.h"

#include "tests/audio/AudioTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Audio::CodecType;
using Audio::MediaDirection;
using Audio::MediaSession;
using Audio::MediaSessionConfig;
using Audio::SocketAddress;
using Audio::UdpSocket;

/// Two-agent loopback calls: MediaSessions on 127.0.0.1 with FileBackend/NullBackend devices.
class TestMediaSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tonesCrossInBothDirections_data();
    void tonesCrossInBothDirections();
    void telephoneEventsArrive();
    void unexpectedSourceIsDroppedAndCounted();
    void symmetricRtpLatchesOntoSource();
    void latchingToAnotherHostOnlyInItsWindow();
    void latchingToAnotherHostWithinItsWindow();
    void silentPeerTimesOut();
    void holdStopsSendingAndResumeRestarts();
    void remoteAndDeviceChangeMidCall();
    void rejectsInvalidConfig();

private:
    QString fixture(const QString &name, double frequency);
    QTemporaryDir m_dir;
};

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 20000;

MediaSessionConfig callConfig(CodecType codec, int payloadType, std::uint16_t remotePort)
{
    MediaSessionConfig config;
    config.remoteAddress = QStringLiteral("127.0.0.1");
    config.remoteRtpPort = remotePort;
    config.codec = codec;
    config.payloadType = payloadType;
    config.telephoneEventPayloadType = 101;
    config.telephoneEventClockRateHz = 8000;
    config.rtcpIntervalMs = 400;
    config.rtpTimeoutMs = 0;
    return config;
}

std::unique_ptr<MediaSession> fileSession(Audio::FileBackend **backend = nullptr)
{
    auto device = std::make_unique<Audio::FileBackend>();
    if (backend)
        *backend = device.get();
    auto session = std::make_unique<MediaSession>(std::move(device));
    if (!session->bindLocal(QStringLiteral("127.0.0.1")))
        return nullptr;
    return session;
}

std::unique_ptr<MediaSession> nullSession()
{
    auto session = std::make_unique<MediaSession>(std::make_unique<Audio::NullBackend>());
    if (!session->bindLocal(QStringLiteral("127.0.0.1")))
        return nullptr;
    return session;
}

/// The last second of a recording, minus a margin for the stop.
std::vector<float> tail(const std::vector<float> &recording)
{
    const std::size_t length = kRate;
    const std::size_t from = recording.size() > length + kRate / 10 ? recording.size() - length - kRate / 10 : 0;
    return AudioTest::slice(recording, from, length);
}

/// Sends one valid RTP packet with the given payload type from socket to port on 127.0.0.1.
void sendRtp(UdpSocket &socket, std::uint16_t port, std::uint8_t payloadType, std::uint16_t sequence)
{
    std::vector<std::uint8_t> payload(160, 0xFF);
    Audio::RtpPacket packet;
    packet.payloadType = payloadType;
    packet.sequenceNumber = sequence;
    packet.timestamp = sequence * 160u;
    packet.ssrc = 0x5EED;
    packet.payload = payload;
    std::vector<std::uint8_t> datagram(packet.serializedSize());
    packet.serialize(datagram);
    socket.sendTo(datagram, SocketAddress::fromString(QStringLiteral("127.0.0.1"), port));
}

int drain(UdpSocket &socket)
{
    std::vector<std::uint8_t> buffer(2048);
    SocketAddress from;
    int count = 0;
    while (socket.receiveFrom(buffer, from) >= 0)
        ++count;
    return count;
}
} // namespace

void TestMediaSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestMediaSession::fixture(const QString &name, double frequency)
{
    const QString path = m_dir.filePath(name);
    if (!QFile::exists(path))
        AudioTest::writeWav(path, AudioTest::sine(frequency, kRate, 2.0, 0.5f), kRate);
    return path;
}

void TestMediaSession::tonesCrossInBothDirections_data()
{
    QTest::addColumn<CodecType>("codec");
    QTest::addColumn<int>("payloadType");
    QTest::addColumn<bool>("echoControl");
    QTest::newRow("opus, echo control on") << CodecType::Opus << 111 << true;
    QTest::newRow("PCMU, echo control off") << CodecType::Pcmu << 0 << false;
}

void TestMediaSession::tonesCrossInBothDirections()
{
    QFETCH(CodecType, codec);
    QFETCH(int, payloadType);
    QFETCH(bool, echoControl);
    auto a = fileSession();
    auto b = fileSession();
    QVERIFY(a && b);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).left(4);
    const QString aOut = m_dir.filePath(tag + QStringLiteral("-a-out.wav"));
    const QString bOut = m_dir.filePath(tag + QStringLiteral("-b-out.wav"));

    MediaSessionConfig aConfig = callConfig(codec, payloadType, b->localRtpPort());
    aConfig.echoControl = echoControl;
    aConfig.inputDeviceName = fixture(QStringLiteral("440.wav"), 440.0);
    aConfig.outputDeviceName = aOut;
    MediaSessionConfig bConfig = callConfig(codec, payloadType, a->localRtpPort());
    bConfig.echoControl = echoControl;
    bConfig.inputDeviceName = fixture(QStringLiteral("1000.wav"), 1000.0);
    bConfig.outputDeviceName = bOut;
    QVERIFY2(a->start(aConfig), qPrintable(a->errorString()));
    QVERIFY2(b->start(bConfig), qPrintable(b->errorString()));

    // 1.5 s of media each way, and RTCP round trips measured on both sides.
    QTRY_VERIFY_WITH_TIMEOUT(a->statistics().packetsReceived >= 75 && b->statistics().packetsReceived >= 75,
                             kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(a->statistics().roundTripTimeMs >= 0.0 && b->statistics().roundTripTimeMs >= 0.0,
                             kTimeoutMs);
    a->stop();
    b->stop();

    const Audio::CallStatistics stats = b->statistics();
    QCOMPARE(stats.codec, codec);
    QCOMPARE(stats.payloadType, payloadType);
    QCOMPARE(stats.malformedPackets, std::uint64_t{0});
    QCOMPARE(stats.unexpectedSourcePackets, std::uint64_t{0});
    QVERIFY(stats.packetsSent > 0 && stats.remoteReportReceived);
    QVERIFY(stats.roundTripTimeMs < 1000.0);
    QCOMPARE(stats.echoControlEnabled, echoControl);

    const std::vector<float> heardByB = tail(AudioTest::readWav(bOut));
    const std::vector<float> heardByA = tail(AudioTest::readWav(aOut));
    const double b440 = AudioTest::toneAmplitude(heardByB, kRate, 440.0);
    const double b1000 = AudioTest::toneAmplitude(heardByB, kRate, 1000.0);
    const double a440 = AudioTest::toneAmplitude(heardByA, kRate, 440.0);
    const double a1000 = AudioTest::toneAmplitude(heardByA, kRate, 1000.0);
    const QByteArray levels = QStringLiteral("B hears 440:%1 1000:%2, A hears 440:%3 1000:%4")
                                  .arg(b440)
                                  .arg(b1000)
                                  .arg(a440)
                                  .arg(a1000)
                                  .toLatin1();
    QVERIFY2(b440 > 0.1 && b440 > 5 * b1000, levels.constData());
    QVERIFY2(a1000 > 0.1 && a1000 > 5 * a440, levels.constData());
}

void TestMediaSession::telephoneEventsArrive()
{
    auto a = nullSession();
    auto b = nullSession();
    QVERIFY(a && b);
    AudioTest::QueuedSpy digits(b.get(), &MediaSession::telephoneEventReceived);
    QVERIFY(a->start(callConfig(CodecType::Pcmu, 0, b->localRtpPort())));
    QVERIFY(b->start(callConfig(CodecType::Pcmu, 0, a->localRtpPort())));
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().packetsReceived >= 5, kTimeoutMs);
    QVERIFY(!a->sendDigits(QStringLiteral("1x")));
    QVERIFY(a->sendDigits(QStringLiteral("19#*"), 80));
    QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 4, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().telephoneEventsSent, std::uint64_t{4}, kTimeoutMs);
    QTest::qWait(200); // retransmitted end packets must not produce duplicates
    QCOMPARE(digits.count(), 4);
    QString received;
    for (const QList<QVariant> &arguments : digits)
        received += arguments.at(0).toChar();
    QCOMPARE(received, QStringLiteral("19#*"));
    QCOMPARE(b->statistics().telephoneEventsReceived, std::uint64_t{4});
}

void TestMediaSession::unexpectedSourceIsDroppedAndCounted()
{
    UdpSocket peer;
    UdpSocket stranger;
    QVERIFY(peer.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    QVERIFY(stranger.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    auto b = nullSession();
    QVERIFY(b);
    AudioTest::QueuedSpy unexpected(b.get(), &MediaSession::unexpectedSourceSeen);
    QVERIFY(b->start(callConfig(CodecType::Pcmu, 0, peer.localAddress().port())));
    for (std::uint16_t i = 0; i < 10; ++i)
        sendRtp(stranger, b->localRtpPort(), 0, i);
    QTRY_COMPARE_WITH_TIMEOUT(b->statistics().unexpectedSourcePackets, std::uint64_t{10}, kTimeoutMs);
    QCOMPARE(b->statistics().packetsReceived, std::uint64_t{0});
    QTRY_VERIFY_WITH_TIMEOUT(unexpected.count() >= 1, kTimeoutMs);
    QCOMPARE(unexpected.count(), 1); // rate-limited: one report per source
    QCOMPARE(unexpected.first().at(0).toString(), stranger.localAddress().toString());
    // The negotiated peer's packets are accepted.
    for (std::uint16_t i = 0; i < 10; ++i)
        sendRtp(peer, b->localRtpPort(), 0, static_cast<std::uint16_t>(100 + i));
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().packetsReceived >= 8, kTimeoutMs);
    QCOMPARE(b->statistics().unexpectedSourcePackets, std::uint64_t{10});
}

void TestMediaSession::symmetricRtpLatchesOntoSource()
{
    UdpSocket natted;
    UdpSocket stranger;
    QVERIFY(natted.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    QVERIFY(stranger.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    auto b = nullSession();
    QVERIFY(b);
    AudioTest::QueuedSpy latched(b.get(), &MediaSession::remoteLatched);
    MediaSessionConfig config = callConfig(CodecType::Pcmu, 0, 9); // SDP says port 9; media really comes from elsewhere
    config.symmetricRtp = true;
    QVERIFY(b->start(config));
    for (std::uint16_t i = 0; i < 5; ++i)
        sendRtp(natted, b->localRtpPort(), 0, i);
    QTRY_COMPARE_WITH_TIMEOUT(latched.count(), 1, kTimeoutMs);
    QCOMPARE(latched.first().at(0).toString(), natted.localAddress().toString());
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().packetsReceived >= 4, kTimeoutMs);
    // B now sends its media to the latched address.
    int toNatted = 0; // QTRY evaluates its condition once more after success: accumulate
    QTRY_VERIFY_WITH_TIMEOUT((toNatted += drain(natted)) > 0, kTimeoutMs);
    QCOMPARE(b->statistics().remoteAddress, natted.localAddress().toString());
    // Once latched, others are strangers.
    sendRtp(stranger, b->localRtpPort(), 0, 50);
    QTRY_COMPARE_WITH_TIMEOUT(b->statistics().unexpectedSourcePackets, std::uint64_t{1}, kTimeoutMs);
}

void TestMediaSession::latchingToAnotherHostOnlyInItsWindow()
{
    // The SDP names 127.0.0.1; media arrives from 127.0.0.2 (another host, as behind a NAT that also
    // changes the address). With the window closed, that stranger is not latched onto; a source on the
    // SDP's host still is (a NAT that only changed the port).
    UdpSocket otherHost;
    UdpSocket sameHost;
    QVERIFY(otherHost.bind(SocketAddress::fromString(QStringLiteral("127.0.0.2"), 0)));
    QVERIFY(sameHost.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    auto b = nullSession();
    QVERIFY(b);
    AudioTest::QueuedSpy latched(b.get(), &MediaSession::remoteLatched);
    MediaSessionConfig config = callConfig(CodecType::Pcmu, 0, 9);
    config.symmetricRtp = true;
    config.latchWindowMs = 0;
    QVERIFY(b->start(config));
    QTest::qWait(20); // past the (empty) window
    for (std::uint16_t i = 0; i < 3; ++i)
        sendRtp(otherHost, b->localRtpPort(), 0, i);
    QTRY_COMPARE_WITH_TIMEOUT(b->statistics().unexpectedSourcePackets, std::uint64_t{3}, kTimeoutMs);
    QCOMPARE(latched.count(), 0);
    for (std::uint16_t i = 10; i < 13; ++i)
        sendRtp(sameHost, b->localRtpPort(), 0, i);
    QTRY_COMPARE_WITH_TIMEOUT(latched.count(), 1, kTimeoutMs);
    QCOMPARE(latched.first().at(0).toString(), sameHost.localAddress().toString());
}

void TestMediaSession::latchingToAnotherHostWithinItsWindow()
{
    // A peer behind a NAT that changes the address too: its media comes from another host than its SDP
    // names, right after the answer, and is latched onto.
    UdpSocket natted;
    QVERIFY(natted.bind(SocketAddress::fromString(QStringLiteral("127.0.0.2"), 0)));
    auto b = nullSession();
    QVERIFY(b);
    AudioTest::QueuedSpy latched(b.get(), &MediaSession::remoteLatched);
    MediaSessionConfig config = callConfig(CodecType::Pcmu, 0, 9);
    config.symmetricRtp = true;
    QVERIFY(b->start(config));
    for (std::uint16_t i = 0; i < 3; ++i)
        sendRtp(natted, b->localRtpPort(), 0, i);
    QTRY_COMPARE_WITH_TIMEOUT(latched.count(), 1, kTimeoutMs);
    QCOMPARE(latched.first().at(0).toString(), natted.localAddress().toString());
    int toNatted = 0;
    QTRY_VERIFY_WITH_TIMEOUT((toNatted += drain(natted)) > 0, kTimeoutMs);
}

void TestMediaSession::silentPeerTimesOut()
{
    UdpSocket silent;
    QVERIFY(silent.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    auto b = nullSession();
    QVERIFY(b);
    AudioTest::QueuedSpy timedOut(b.get(), &MediaSession::rtpTimedOut);
    MediaSessionConfig config = callConfig(CodecType::Pcma, 8, silent.localAddress().port());
    config.rtpTimeoutMs = 300;
    QVERIFY(b->start(config));
    QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().rtpTimedOut, kTimeoutMs);
    QCOMPARE(b->statistics().millisecondsSinceLastRtp, std::int64_t{-1});
}

void TestMediaSession::holdStopsSendingAndResumeRestarts()
{
    auto a = nullSession();
    auto b = nullSession();
    QVERIFY(a && b);
    QVERIFY(a->start(callConfig(CodecType::Pcmu, 0, b->localRtpPort())));
    QVERIFY(b->start(callConfig(CodecType::Pcmu, 0, a->localRtpPort())));
    QTRY_VERIFY_WITH_TIMEOUT(a->statistics().packetsReceived >= 5, kTimeoutMs);

    b->setDirection(MediaDirection::Inactive);
    QTRY_COMPARE_WITH_TIMEOUT(b->statistics().direction, MediaDirection::Inactive, kTimeoutMs);
    const std::uint64_t sentOnHold = b->statistics().packetsSent;
    QTest::qWait(300);
    QCOMPARE(b->statistics().packetsSent, sentOnHold);

    b->setDirection(MediaDirection::SendRecv);
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().packetsSent > sentOnHold + 5, kTimeoutMs);

    b->setMuted(true);
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().muted, kTimeoutMs);
    const std::uint64_t sentMuted = b->statistics().packetsSent;
    QTRY_VERIFY_WITH_TIMEOUT(b->statistics().packetsSent > sentMuted + 5, kTimeoutMs); // muted still sends (silence)
}

void TestMediaSession::remoteAndDeviceChangeMidCall()
{
    Audio::FileBackend *aDevice = nullptr;
    auto a = fileSession(&aDevice);
    auto b = fileSession();
    QVERIFY(a && b);
    AudioTest::QueuedSpy deviceLost(a.get(), &MediaSession::audioDeviceLost);
    MediaSessionConfig aConfig = callConfig(CodecType::Pcma, 8, b->localRtpPort());
    aConfig.echoControl = false;
    MediaSessionConfig bConfig = callConfig(CodecType::Pcma, 8, a->localRtpPort());
    bConfig.inputDeviceName = fixture(QStringLiteral("1000.wav"), 1000.0);
    QVERIFY(a->start(aConfig));
    QVERIFY(b->start(bConfig));
    QTRY_VERIFY_WITH_TIMEOUT(a->statistics().packetsReceived >= 5, kTimeoutMs);

    // Switch A's speaker to a file mid-call: B's tone lands there.
    const QString newOutput = m_dir.filePath(QStringLiteral("switched.wav"));
    a->switchDevices(QString(), newOutput);
    const std::uint64_t before = a->statistics().packetsReceived;
    QTRY_VERIFY_WITH_TIMEOUT(a->statistics().packetsReceived >= before + 75, kTimeoutMs);

    // Unplugging it is reported.
    aDevice->simulateOutputLoss();
    QTRY_COMPARE_WITH_TIMEOUT(deviceLost.count(), 1, kTimeoutMs);
    QCOMPARE(deviceLost.first().at(0).toString(), newOutput);

    // Re-INVITE to a new address: A's media goes there instead.
    UdpSocket elsewhere;
    QVERIFY(elsewhere.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    a->setRemote(QStringLiteral("127.0.0.1"), elsewhere.localAddress().port());
    int toElsewhere = 0; // QTRY evaluates its condition once more after success: accumulate
    QTRY_VERIFY_WITH_TIMEOUT((toElsewhere += drain(elsewhere)) > 0, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().remoteAddress, elsewhere.localAddress().toString(), kTimeoutMs);
    a->stop();
    b->stop();
    // B is now a stranger to A: its packets were counted, not played.
    QVERIFY(a->statistics().unexpectedSourcePackets > 0);

    // B runs echo control while A sends G.711 silence: B's tone must not be suppressed.
    const std::vector<float> heard = tail(AudioTest::readWav(newOutput));
    QVERIFY2(AudioTest::toneAmplitude(heard, kRate, 1000.0) > 0.1,
             qPrintable(QString::number(AudioTest::toneAmplitude(heard, kRate, 1000.0))));
}

void TestMediaSession::rejectsInvalidConfig()
{
    auto session = nullSession();
    QVERIFY(session);
    MediaSessionConfig config = callConfig(CodecType::Opus, 111, 5000);
    config.remoteAddress = QStringLiteral("not an address");
    QVERIFY(!session->start(config));
    QVERIFY(!session->errorString().isEmpty());
    config = callConfig(CodecType::Invalid, 111, 5000);
    QVERIFY(!session->start(config));
    config = callConfig(CodecType::Opus, 200, 5000);
    QVERIFY(!session->start(config));
    config = callConfig(CodecType::Opus, 111, 5000);
    config.ptimeMs = 25;
    QVERIFY(!session->start(config));
    config = callConfig(CodecType::Opus, 111, 5000);
    config.remoteAddress = QStringLiteral("::1"); // IPv6 peer on the IPv4 socket bound above
    QVERIFY(!session->start(config));
    QVERIFY(!session->isRunning());
    QVERIFY(!session->sendDigits(QStringLiteral("1")));
}

QTEST_GUILESS_MAIN(TestMediaSession)
#include "TestMediaSession.moc"
