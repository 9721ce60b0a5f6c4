// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/MediaSession.h"
#include "audio/devices/AudioStreamCallback.h"
#include "audio/devices/FileBackend.h"
#include "audio/devices/NullBackend.h"
#include "audio/devices/PacedClock.h"

#include "tests/audio/AudioTestSupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using Audio::CodecType;
using Audio::MediaSession;
using Audio::MediaSessionConfig;

/// Sound devices during a loopback call between two MediaSessions: switching them mid-call, a device
/// unplugged mid-call, a requested device missing at the start. NullBackend's named devices stand in for
/// sound cards (none exists here); FileBackend shows what was really heard.
class TestMediaSessionDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void switchKeepsMediaFlowing();
    void switchedMicrophoneIsWhatThePeerHears();
    void unpluggedDeviceFallsBackAndCallGoesOn();
    void missingDeviceAtStartFallsBack();
    void deviceThatWillNotOpenOnSwitchFallsBack();
    void lastDeviceGoneKeepsRtpFlowing();
    void speakerWithoutMicrophoneStillSends();

private:
    QString fixture(const QString &name, double frequency);
    QTemporaryDir m_dir;
};

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 20000;
const QString kHeadset = QStringLiteral("USB Headset");
const QString kSpeaker = QStringLiteral("Desk Speaker");

MediaSessionConfig callConfig(std::uint16_t remotePort)
{
    MediaSessionConfig config;
    config.remoteAddress = QStringLiteral("127.0.0.1");
    config.remoteRtpPort = remotePort;
    config.codec = CodecType::Pcmu;
    config.payloadType = 0;
    config.rtcpIntervalMs = 400;
    config.rtpTimeoutMs = 0;
    config.echoControl = false;
    return config;
}

std::unique_ptr<MediaSession> session(std::unique_ptr<Audio::AudioDevice> device)
{
    auto result = std::make_unique<MediaSession>(std::move(device));
    if (!result->bindLocal(QStringLiteral("127.0.0.1")))
        return nullptr;
    return result;
}

/// A sound card that vanishes for good: like PortAudioBackend when the stream stops and no default device
/// can be opened in its place (the loss is reported with no replacement and the device is closed).
class VanishingDevice : public Audio::NullBackend
{
public:
    explicit VanishingDevice(const QStringList &names) : NullBackend(names) {}
    void vanish() { m_vanish.store(true); }
    void service() override
    {
        if (!m_vanish.exchange(false))
            return;
        const QString lost = activeOutputDevice();
        close();
        reportEvent({Audio::AudioDeviceEvent::Kind::OutputLost, lost, QString()});
    }

private:
    std::atomic<bool> m_vanish{false};
};

/// A speaker without a microphone: what PortAudioBackend runs when only the output opens (no microphone, or
/// it died and no default could replace it). Renders on a paced clock, never captures.
class SpeakerOnlyDevice : public Audio::AudioDevice
{
public:
    ~SpeakerOnlyDevice() override { close(); }
    QList<Audio::AudioDeviceInfo> inputDevices() const override { return {}; }
    QList<Audio::AudioDeviceInfo> outputDevices() const override { return {}; }
    QString defaultInputDevice() const override { return {}; }
    QString defaultOutputDevice() const override { return QStringLiteral("Speaker"); }
    bool open(const Audio::AudioStreamConfig &config, Audio::AudioStreamCallback *callback) override
    {
        close();
        m_callback = callback;
        m_sampleRateHz = config.sampleRateHz;
        m_buffer.assign(std::size_t(config.framesPerBuffer), 0.0f);
        m_clock.start(std::chrono::microseconds(config.framesPerBuffer * 1000000LL / config.sampleRateHz),
                      [this] { m_callback->render(m_buffer.data(), int(m_buffer.size())); });
        return true;
    }
    void close() override { m_clock.stop(); }
    bool isOpen() const override { return m_clock.isRunning(); }
    int sampleRateHz() const override { return m_sampleRateHz; }
    QString activeInputDevice() const override { return {}; }
    QString activeOutputDevice() const override { return isOpen() ? QStringLiteral("Speaker") : QString(); }
    QString errorString() const override { return {}; }

private:
    Audio::PacedClock m_clock;
    Audio::AudioStreamCallback *m_callback = nullptr;
    std::vector<float> m_buffer;
    int m_sampleRateHz = 0;
};

/// Both sides' packet counters grow by at least `packets` from their values now.
bool flowsOn(const MediaSession &a, const MediaSession &b, std::uint64_t packets)
{
    const std::uint64_t sent = a.statistics().packetsSent;
    const std::uint64_t received = a.statistics().packetsReceived;
    const std::uint64_t peerReceived = b.statistics().packetsReceived;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kTimeoutMs) {
        const Audio::CallStatistics now = a.statistics();
        if (now.packetsSent >= sent + packets && now.packetsReceived >= received + packets &&
            b.statistics().packetsReceived >= peerReceived + packets)
            return true;
        QTest::qWait(20);
    }
    return false;
}
} // namespace

void TestMediaSessionDevices::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestMediaSessionDevices::fixture(const QString &name, double frequency)
{
    const QString path = m_dir.filePath(name);
    if (!QFile::exists(path))
        AudioTest::writeWav(path, AudioTest::sine(frequency, kRate, 2.0, 0.5f), kRate);
    return path;
}

void TestMediaSessionDevices::switchKeepsMediaFlowing()
{
    auto a = session(std::make_unique<Audio::NullBackend>(QStringList{kHeadset, kSpeaker}));
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    AudioTest::QueuedSpy fellBack(a.get(), &MediaSession::audioDeviceFellBack);
    AudioTest::QueuedSpy lost(a.get(), &MediaSession::audioDeviceLost);
    AudioTest::QueuedSpy errors(a.get(), &MediaSession::mediaError);
    MediaSessionConfig config = callConfig(b->localRtpPort());
    config.inputDeviceName = kHeadset;
    config.outputDeviceName = kHeadset;
    QVERIFY(a->start(config));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, kHeadset, kTimeoutMs);
    QCOMPARE(a->statistics().inputDevice, kHeadset);
    QVERIFY(flowsOn(*a, *b, 10));

    a->switchDevices(kSpeaker, kSpeaker);
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, kSpeaker, kTimeoutMs);
    QCOMPARE(a->statistics().inputDevice, kSpeaker);
    QVERIFY2(flowsOn(*a, *b, 25), "media stopped after the switch");

    // Back to the defaults (empty names).
    a->switchDevices(QString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, Audio::NullBackend::defaultDeviceName(), kTimeoutMs);
    QVERIFY(flowsOn(*a, *b, 10));
    QVERIFY(a->isRunning());
    QCOMPARE(fellBack.count(), 0);
    QCOMPARE(lost.count(), 0);
    QCOMPARE(errors.count(), 0);
}

void TestMediaSessionDevices::switchedMicrophoneIsWhatThePeerHears()
{
    auto a = session(std::make_unique<Audio::FileBackend>());
    auto b = session(std::make_unique<Audio::FileBackend>());
    QVERIFY(a && b);
    const QString heard = m_dir.filePath(QStringLiteral("b-heard.wav"));
    MediaSessionConfig aConfig = callConfig(b->localRtpPort());
    aConfig.inputDeviceName = fixture(QStringLiteral("440.wav"), 440.0);
    MediaSessionConfig bConfig = callConfig(a->localRtpPort());
    bConfig.outputDeviceName = heard;
    QVERIFY(a->start(aConfig));
    QVERIFY(b->start(bConfig));
    QVERIFY(flowsOn(*a, *b, 25));

    const QString newMicrophone = fixture(QStringLiteral("1000.wav"), 1000.0);
    a->switchDevices(newMicrophone, QString());
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().inputDevice, newMicrophone, kTimeoutMs);
    QVERIFY(flowsOn(*a, *b, 75)); // 1.5 s from the new microphone
    a->stop();
    b->stop();

    // The last second B played is the new microphone's tone, not the old one's.
    const std::vector<float> recording = AudioTest::readWav(heard);
    QVERIFY(recording.size() > std::size_t(kRate * 2));
    const std::vector<float> tail = AudioTest::slice(recording, recording.size() - kRate - kRate / 10, kRate);
    const double at1000 = AudioTest::toneAmplitude(tail, kRate, 1000.0);
    const double at440 = AudioTest::toneAmplitude(tail, kRate, 440.0);
    QVERIFY2(at1000 > 0.1 && at1000 > 5 * at440, qPrintable(QStringLiteral("1000:%1 440:%2").arg(at1000).arg(at440)));
}

void TestMediaSessionDevices::unpluggedDeviceFallsBackAndCallGoesOn()
{
    auto device = std::make_unique<Audio::NullBackend>(QStringList{kHeadset});
    Audio::NullBackend *headset = device.get();
    auto a = session(std::move(device));
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    AudioTest::QueuedSpy lost(a.get(), &MediaSession::audioDeviceLost);
    AudioTest::QueuedSpy errors(a.get(), &MediaSession::mediaError);
    MediaSessionConfig config = callConfig(b->localRtpPort());
    config.inputDeviceName = kHeadset;
    config.outputDeviceName = kHeadset;
    QVERIFY(a->start(config));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, kHeadset, kTimeoutMs);
    QVERIFY(flowsOn(*a, *b, 10));

    headset->unplug(kHeadset);
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 2, kTimeoutMs); // microphone and speaker of the headset
    for (const QList<QVariant> &arguments : std::as_const(lost)) {
        QCOMPARE(arguments.at(0).toString(), kHeadset);
        QCOMPARE(arguments.at(1).toString(), Audio::NullBackend::defaultDeviceName());
    }
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, Audio::NullBackend::defaultDeviceName(), kTimeoutMs);
    QCOMPARE(a->statistics().inputDevice, Audio::NullBackend::defaultDeviceName());
    QVERIFY2(flowsOn(*a, *b, 25), "media stopped after the unplug");
    QVERIFY(a->isRunning());
    QCOMPARE(errors.count(), 0);
}

void TestMediaSessionDevices::missingDeviceAtStartFallsBack()
{
    auto a = session(std::make_unique<Audio::NullBackend>(QStringList{kSpeaker}));
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    AudioTest::QueuedSpy fellBack(a.get(), &MediaSession::audioDeviceFellBack);
    AudioTest::QueuedSpy errors(a.get(), &MediaSession::mediaError);
    MediaSessionConfig config = callConfig(b->localRtpPort());
    config.inputDeviceName = kHeadset; // not plugged in
    config.outputDeviceName = kSpeaker;
    QVERIFY(a->start(config));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QTRY_COMPARE_WITH_TIMEOUT(fellBack.count(), 1, kTimeoutMs);
    QCOMPARE(fellBack.first().at(0).toString(), kHeadset);
    QCOMPARE(fellBack.first().at(1).toString(), Audio::NullBackend::defaultDeviceName());
    QVERIFY(flowsOn(*a, *b, 10));
    QCOMPARE(a->statistics().inputDevice, Audio::NullBackend::defaultDeviceName());
    QCOMPARE(a->statistics().outputDevice, kSpeaker);
    QCOMPARE(errors.count(), 0);
}

void TestMediaSessionDevices::deviceThatWillNotOpenOnSwitchFallsBack()
{
    auto a = session(std::make_unique<Audio::FileBackend>());
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    AudioTest::QueuedSpy fellBack(a.get(), &MediaSession::audioDeviceFellBack);
    AudioTest::QueuedSpy errors(a.get(), &MediaSession::mediaError);
    QVERIFY(a->start(callConfig(b->localRtpPort())));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QVERIFY(flowsOn(*a, *b, 10));

    const QString unwritable = m_dir.filePath(QStringLiteral("no-such-directory/out.wav"));
    a->switchDevices(QString(), unwritable);
    QTRY_COMPARE_WITH_TIMEOUT(fellBack.count(), 1, kTimeoutMs);
    QCOMPARE(fellBack.first().at(0).toString(), unwritable);
    QVERIFY2(flowsOn(*a, *b, 25), "the call must go on after a failed switch");
    QCOMPARE(errors.count(), 0);
}

void TestMediaSessionDevices::lastDeviceGoneKeepsRtpFlowing()
{
    auto device = std::make_unique<VanishingDevice>(QStringList{kHeadset});
    VanishingDevice *card = device.get();
    auto a = session(std::move(device));
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    AudioTest::QueuedSpy lost(a.get(), &MediaSession::audioDeviceLost);
    MediaSessionConfig config = callConfig(b->localRtpPort());
    config.outputDeviceName = kHeadset;
    QVERIFY(a->start(config));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QVERIFY(flowsOn(*a, *b, 10));

    card->vanish();
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, kTimeoutMs);
    QCOMPARE(lost.first().at(0).toString(), kHeadset);
    QVERIFY(lost.first().at(1).toString().isEmpty());
    // Without the null device taking over, nothing would be captured and no RTP would leave.
    QVERIFY2(flowsOn(*a, *b, 25), "RTP stopped when the last device went away");
}

void TestMediaSessionDevices::speakerWithoutMicrophoneStillSends()
{
    auto a = session(std::make_unique<SpeakerOnlyDevice>());
    auto b = session(std::make_unique<Audio::NullBackend>());
    QVERIFY(a && b);
    QVERIFY(a->start(callConfig(b->localRtpPort())));
    QVERIFY(b->start(callConfig(a->localRtpPort())));
    QTRY_COMPARE_WITH_TIMEOUT(a->statistics().outputDevice, QStringLiteral("Speaker"), kTimeoutMs);
    // Without stand-in silence A would send nothing and B would end the call on its RTP timeout.
    QVERIFY2(flowsOn(*a, *b, 25), qPrintable(QStringLiteral("A sent %1").arg(a->statistics().packetsSent)));
}

QTEST_GUILESS_MAIN(TestMediaSessionDevices)
#include "TestMediaSessionDevices.moc"
