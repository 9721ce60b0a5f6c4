// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// App::CallMedia's sound devices in real calls through the test Kamailio, with offhook-cli as the other
// phone (1002) so media flows both ways on loopback: a line routed to its own output, a line output that is
// not connected, the preferences' devices switched mid-call, and a device unplugged mid-call. NullBackend's
// named devices stand in for sound cards, which this machine does not have.

#include "app/calls/CallMedia.h"
#include "audio/devices/NullBackend.h"
#include "sipcore/CallService.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/KamailioServer.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using Sip::CallEvent;
using Sip::CallState;

namespace {
const QString kHeadset = QStringLiteral("USB Headset");
const QString kSpeaker = QStringLiteral("Desk Speaker");
const QString kNull = QStringLiteral("Null");
const QString kLine = QStringLiteral("a");
constexpr int kTimeoutMs = 20000;
} // namespace

class TestCallMediaDevices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void lineOutputRoutesItsCallsAndSwitchFollowsPreferences();
    void unpluggedDeviceIsReportedAndTheCallGoesOn();
    void incomingCallOnALineWhoseOutputIsGone();
    void unpluggedLineOutputFallsBackToPreferences();

private:
    /// offhook-cli as 1002: "answer" waits for our call, "call" calls us.
    bool startPeer(const QStringList &arguments, const QString &waitFor = {});
    QString placeCall();
    bool reached(const QString &callId, CallState state) const;
    bool flowsOn(const QString &callId, std::uint64_t packets) const;

    Test::KamailioServer m_kamailio;
    QString m_cli;
    std::unique_ptr<QProcess> m_peer;
    QString m_peerOutput;
    std::unique_ptr<Test::EngineHarness> m_harness;
    std::unique_ptr<Sip::CallService> m_calls;
    std::unique_ptr<App::CallMedia> m_media;
    Audio::NullBackend *m_lastDevice = nullptr; // the device made for the latest call
    QString m_lineOutput;                       // what the line dialog stored for line "a"
    QList<CallEvent> m_events;
};

void TestCallMediaDevices::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCallMediaDevices::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestCallMediaDevices::init()
{
    m_events.clear();
    m_lineOutput.clear();
    m_lastDevice = nullptr;
    m_peerOutput.clear();
    m_harness = std::make_unique<Test::EngineHarness>();
    m_calls = std::make_unique<Sip::CallService>(m_harness->engine());
    App::CallMediaOptions options;
    options.rtpBindAddress = QStringLiteral("127.0.0.1");
    options.rtpTimeoutMs = 0;
    options.codecs = {QStringLiteral("PCMU")};
    options.inputDeviceName = kHeadset;
    options.outputDeviceName = kHeadset;
    m_media = std::make_unique<App::CallMedia>(
        *m_calls,
        [this] {
            auto device = std::make_unique<Audio::NullBackend>(QStringList{kHeadset, kSpeaker});
            m_lastDevice = device.get();
            return device;
        },
        options);
    m_media->setLineOutputLookup([this](const QString &lineId) { return lineId == kLine ? m_lineOutput : QString(); });
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this](const CallEvent &event) {
        m_events.append(event);
        if (event.state == CallState::Incoming)
            m_media->answer(event.callId);
    });
    m_harness->engine().addLine(Test::EngineHarness::line(kLine, QStringLiteral("1001"), m_kamailio.address(),
                                                          m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->state(kLine), Sip::RegistrationState::Registered, 10000);
}

void TestCallMediaDevices::cleanup()
{
    for (const Sip::CallEvent &call : m_calls->activeCalls())
        m_calls->hangUp(call.callId);
    QTRY_VERIFY_WITH_TIMEOUT(m_calls->activeCalls().isEmpty(), 5000);
    if (m_peer) {
        if (!m_peer->waitForFinished(10000))
            m_peer->kill();
        m_peer->waitForFinished();
        if (QTest::currentTestFailed())
            qInfo("offhook-cli: %s", qPrintable(m_peerOutput + QString::fromUtf8(m_peer->readAll())));
        m_peer.reset();
    }
    m_media.reset();
    m_calls.reset();
    m_harness.reset();
}

bool TestCallMediaDevices::startPeer(const QStringList &arguments, const QString &waitFor)
{
    m_peer = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), m_kamailio.password(QStringLiteral("1002")));
    m_peer->setProcessEnvironment(environment);
    m_peer->setProcessChannelMode(QProcess::MergedChannels);
    m_peer->start(m_cli, arguments + QStringList{QStringLiteral("--server"), m_kamailio.address(),
                                                 QStringLiteral("--extension"), QStringLiteral("1002")});
    if (!m_peer->waitForStarted())
        return false;
    if (waitFor.isEmpty())
        return true;
    QDeadlineTimer deadline(kTimeoutMs);
    while (!m_peerOutput.contains(waitFor)) {
        if (m_peer->state() == QProcess::NotRunning || deadline.hasExpired()) {
            qWarning("%s", qPrintable(m_peerOutput));
            return false;
        }
        m_peer->waitForReadyRead(100);
        m_peerOutput += QString::fromUtf8(m_peer->readAll());
    }
    return true;
}

bool TestCallMediaDevices::reached(const QString &callId, CallState state) const
{
    return std::any_of(m_events.begin(), m_events.end(),
                       [&](const CallEvent &e) { return e.callId == callId && e.state == state; });
}

QString TestCallMediaDevices::placeCall()
{
    if (!startPeer({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")},
                   QStringLiteral("WAITING for a call")))
        return {};
    const QString callId = m_media->call(kLine, QStringLiteral("sip:1002@127.0.0.1"));
    QDeadlineTimer deadline(kTimeoutMs);
    while (!callId.isEmpty() && !reached(callId, CallState::Connected) && !deadline.hasExpired())
        QTest::qWait(20);
    return reached(callId, CallState::Connected) ? callId : QString();
}

bool TestCallMediaDevices::flowsOn(const QString &callId, std::uint64_t packets) const
{
    const Audio::CallStatistics before = m_media->statistics(callId);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!deadline.hasExpired()) {
        const Audio::CallStatistics now = m_media->statistics(callId);
        if (now.packetsSent >= before.packetsSent + packets && now.packetsReceived >= before.packetsReceived + packets)
            return true;
        QTest::qWait(20);
    }
    return false;
}

void TestCallMediaDevices::lineOutputRoutesItsCallsAndSwitchFollowsPreferences()
{
    m_lineOutput = kSpeaker; // the line plays on its own output, the microphone is the preferences' one
    QSignalSpy notices(m_media.get(), &App::CallMedia::deviceNotice);
    const QString callId = placeCall();
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kSpeaker, kTimeoutMs);
    QCOMPARE(m_media->statistics(callId).inputDevice, kHeadset);
    QVERIFY(flowsOn(callId, 10));

    // New preferences mid-call: the line keeps its own output, the microphone follows.
    m_media->setDevices(kSpeaker, kNull);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).inputDevice, kSpeaker, kTimeoutMs);
    QCOMPARE(m_media->statistics(callId).outputDevice, kSpeaker);
    QVERIFY2(flowsOn(callId, 25), "media stopped after the switch");

    // Without a line output, the speaker follows the preferences too.
    m_lineOutput.clear();
    m_media->setDevices(kHeadset, kNull);
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kNull, kTimeoutMs);
    QCOMPARE(m_media->statistics(callId).inputDevice, kHeadset);
    QVERIFY2(flowsOn(callId, 25), "media stopped after the second switch");
    QVERIFY(!reached(callId, CallState::Ended));
    QCOMPARE(notices.count(), 0);
    QCOMPARE(m_media->options().outputDeviceName, kNull); // the next call starts there
}

void TestCallMediaDevices::unpluggedDeviceIsReportedAndTheCallGoesOn()
{
    QSignalSpy notices(m_media.get(), &App::CallMedia::deviceNotice);
    QSignalSpy failures(m_media.get(), &App::CallMedia::mediaFailed);
    const QString callId = placeCall();
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kHeadset, kTimeoutMs);
    QVERIFY(m_lastDevice);

    m_lastDevice->unplug(kHeadset);
    QTRY_COMPARE_WITH_TIMEOUT(notices.count(), 2, kTimeoutMs); // its microphone and its speaker
    for (const QList<QVariant> &notice : std::as_const(notices)) {
        QCOMPARE(notice.at(0).toString(), callId);
        QCOMPARE(notice.at(1).toString(),
                 QStringLiteral("Audio device 'USB Headset' was unplugged — now using 'Null'"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kNull, kTimeoutMs);
    QVERIFY2(flowsOn(callId, 25), "media stopped after the unplug");
    QVERIFY(!reached(callId, CallState::Ended));
    QCOMPARE(failures.count(), 0);
}

void TestCallMediaDevices::incomingCallOnALineWhoseOutputIsGone()
{
    m_lineOutput = QStringLiteral("Studio Fader 3"); // stored with the line, not plugged in now
    QSignalSpy notices(m_media.get(), &App::CallMedia::deviceNotice);
    QVERIFY(startPeer({QStringLiteral("call"), QStringLiteral("sip:1001@127.0.0.1"), QStringLiteral("--duration"),
                       QStringLiteral("8")}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty(), kTimeoutMs);
    const QString callId = m_events.constFirst().callId;
    QTRY_VERIFY_WITH_TIMEOUT(reached(callId, CallState::Connected), kTimeoutMs);
    QCOMPARE(notices.count(), 1);
    QCOMPARE(notices.first().at(0).toString(), callId);
    const QString message = notices.first().at(1).toString();
    QCOMPARE(message,
             QStringLiteral("The line's audio output 'Studio Fader 3' is not connected — using 'USB Headset'"));
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kHeadset, kTimeoutMs);
    QVERIFY(flowsOn(callId, 10));
}

void TestCallMediaDevices::unpluggedLineOutputFallsBackToPreferences()
{
    m_lineOutput = kSpeaker;
    QSignalSpy notices(m_media.get(), &App::CallMedia::deviceNotice);
    const QString callId = placeCall();
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kSpeaker, kTimeoutMs);
    QVERIFY(m_lastDevice);

    m_lastDevice->unplug(kSpeaker);
    QTRY_COMPARE_WITH_TIMEOUT(notices.count(), 1, kTimeoutMs);
    QCOMPARE(notices.first().at(1).toString(),
             QStringLiteral("Audio device 'Desk Speaker' was unplugged — now using 'USB Headset'"));
    // Not the backend's default ("Null") but the preferences' speaker.
    QTRY_COMPARE_WITH_TIMEOUT(m_media->statistics(callId).outputDevice, kHeadset, kTimeoutMs);
    QCOMPARE(m_media->statistics(callId).inputDevice, kHeadset);
    QVERIFY2(flowsOn(callId, 25), "media stopped after the unplug");
    QVERIFY(!reached(callId, CallState::Ended));
    QCOMPARE(notices.count(), 1);
}

QTEST_GUILESS_MAIN(TestCallMediaDevices)
#include "TestCallMediaDevices.moc"
