// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallAlerts.h"

#include "audio/Ringer.h"
#include "audio/devices/FileBackend.h"
#include "sipcore/CallService.h"
#include "sipcore/SipEngine.h"
#include "tests/audio/AudioTestSupport.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/ExternalTool.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"
#include "ui/main/MainWindow.h"
#include "ui/main/TrayStatus.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Sip::CallState;

/// A real incoming call (sipp through Kamailio) rings on the ringing device — a WAV file here — and stops
/// ringing when the caller gives up; a ringing device that cannot open is said, and the call still shows.
class TestCallAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void ringsUntilTheCallerCancels();
    void unusableRingingDeviceIsSaid();
    void ringbackWhileTheOtherSideRings();

private:
    bool callAndCancel();

    Test::KamailioServer m_kamailio;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::EngineHarness> m_harness;
    std::unique_ptr<Sip::CallService> m_calls;
    std::unique_ptr<Gui::MainWindow> m_window;
    QString m_ringingDevice;
    std::unique_ptr<App::CallAlerts> m_alert;
    QList<Sip::CallEvent> m_events;
    QList<bool> m_ringingWhileIncoming;
};

void TestCallAlerts::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCallAlerts::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestCallAlerts::init()
{
    m_events.clear();
    m_ringingWhileIncoming.clear();
    m_harness = std::make_unique<Test::EngineHarness>();
    m_calls = std::make_unique<Sip::CallService>(m_harness->engine());
    m_window = std::make_unique<Gui::MainWindow>(&m_harness->engine());
    m_alert = std::make_unique<App::CallAlerts>(
        *m_calls, *m_window, [] { return std::make_unique<Audio::FileBackend>(); }, [this] { return m_ringingDevice; });
    // Connected after the alert: by then it has handled the same event.
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this](const Sip::CallEvent &event) {
        m_events.append(event);
        if (event.state == CallState::Incoming)
            m_ringingWhileIncoming.append(m_alert->isRinging());
    });
    m_harness->engine().addLine(Test::EngineHarness::line(QStringLiteral("a"), QStringLiteral("1001"),
                                                          m_kamailio.address(),
                                                          m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->state(QStringLiteral("a")), Sip::RegistrationState::Registered, 10000);
}

void TestCallAlerts::cleanup()
{
    m_alert.reset();
    m_window.reset();
    m_calls.reset();
    m_harness.reset();
}

bool TestCallAlerts::callAndCancel()
{
    // Rings for half a second, then CANCEL.
    Test::SippProcess caller;
    Test::SippProcess::Options options;
    options.service = QStringLiteral("1005");
    options.authUser = options.service;
    options.authPassword = m_kamailio.password(options.service);
    options.keys.insert(QStringLiteral("target"), QStringLiteral("1001"));
    options.timeoutSeconds = 40;
    if (!caller.startClient(QStringLiteral("uac_invite_cancel.xml"), m_kamailio.address(), options)) {
        qWarning("%s", qPrintable(caller.errorText()));
        return false;
    }
    // The event loop keeps running meanwhile: the engine's events reach the alerts while the call rings.
    if (!QTest::qWaitFor([&] { return !caller.isRunning(); }, 30000))
        qWarning("sipp is still running after 30 s");
    return caller.waitFinished(1000) && caller.exitCode() == 0;
}

void TestCallAlerts::ringsUntilTheCallerCancels()
{
    m_ringingDevice = m_dir.filePath(QStringLiteral("ring.wav"));
    QSignalSpy notifications(m_window->trayStatus(), &Gui::TrayStatus::notificationRequested);
    QSignalSpy notices(m_alert.get(), &App::CallAlerts::notice);
    QVERIFY(callAndCancel());
    QVERIFY(!m_alert->isPlayingRingback()); // an incoming call has no ringback
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constFirst().state, CallState::Incoming);
    QCOMPARE(m_ringingWhileIncoming, QList<bool>{true});
    QVERIFY(!m_alert->isRinging());
    QVERIFY(m_alert->ringingCalls().isEmpty());
    QCOMPARE(notices.count(), 0);
    QCOMPARE(notifications.count(), 1);
    QCOMPARE(notifications.constFirst().at(0).toString(), QStringLiteral("Offhook — incoming call"));
    QVERIFY2(notifications.constFirst().at(1).toString().contains(QLatin1String("1005")),
             qPrintable(notifications.constFirst().at(1).toString()));

    // What rang: the ring tone, for about as long as the call rang (0.5 s), then nothing more.
    int rate = 0;
    const std::vector<float> ring = AudioTest::readWav(m_ringingDevice, &rate);
    QVERIFY(rate > 0);
    QVERIFY2(ring.size() > static_cast<std::size_t>(rate / 5), qPrintable(QString::number(ring.size())));
    QVERIFY(ring.size() < static_cast<std::size_t>(rate * 3));
    QVERIFY(AudioTest::toneAmplitude(AudioTest::slice(ring, rate / 50, rate / 6), rate, 400.0) > 0.05);
}

void TestCallAlerts::unusableRingingDeviceIsSaid()
{
    m_ringingDevice = QStringLiteral("/nonexistent/dir/ring.wav");
    QSignalSpy notices(m_alert.get(), &App::CallAlerts::notice);
    QVERIFY(callAndCancel());
    QTRY_VERIFY_WITH_TIMEOUT(!m_events.isEmpty() && m_events.constLast().state == CallState::Ended, 5000);
    QCOMPARE(m_events.constFirst().state, CallState::Incoming); // the call was still offered
    QCOMPARE(m_ringingWhileIncoming, QList<bool>{false});
    QCOMPARE(notices.count(), 1);
    const QString notice = notices.constFirst().constFirst().toString();
    QVERIFY2(notice.startsWith(QLatin1String("An incoming call cannot ring:")) && notice.contains(m_ringingDevice),
             qPrintable(notice));
}

void TestCallAlerts::ringbackWhileTheOtherSideRings()
{
    // Line a calls line b of the same engine through Kamailio: a hears ringback on a's call output until
    // it gives up. b's call comes in while a's call is in progress, so it is announced, not rung.
    m_harness->engine().addLine(Test::EngineHarness::line(QStringLiteral("b"), QStringLiteral("1002"),
                                                          m_kamailio.address(),
                                                          m_kamailio.password(QStringLiteral("1002"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->state(QStringLiteral("b")), Sip::RegistrationState::Registered, 10000);
    m_ringingDevice = m_dir.filePath(QStringLiteral("ring-b.wav"));
    const QString ringback = m_dir.filePath(QStringLiteral("ringback-a.wav"));
    QStringList lookedUp;
    m_alert->setCallOutputLookup([&](const QString &lineId) {
        lookedUp.append(lineId);
        return ringback;
    });
    Sip::LocalMedia media;
    media.rtpPort = 40000; // never used: the call is not answered
    const QString callId = m_calls->call(QStringLiteral("a"), QStringLiteral("1002"), media);
    QSignalSpy notifications(m_window->trayStatus(), &Gui::TrayStatus::notificationRequested);
    QTRY_VERIFY_WITH_TIMEOUT(m_alert->isPlayingRingback(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_alert->ringingCalls().size(), 1, 5000); // b's call
    QVERIFY(!m_alert->isRinging());
    QCOMPARE(notifications.count(), 1);
    QCOMPARE(notifications.constFirst().at(0).toString(), QStringLiteral("Offhook — call waiting"));
    QCOMPARE(lookedUp, QStringList{QStringLiteral("a")});
    QVERIFY(!QFile::exists(m_ringingDevice));
    QTRY_VERIFY_WITH_TIMEOUT(AudioTest::wavSecondsWritten(ringback, Audio::Ringer::kSampleRateHz) >= 0.6, 10000);
    m_calls->hangUp(callId);
    QTRY_VERIFY_WITH_TIMEOUT(!m_alert->isPlayingRingback() && !m_alert->isRinging(), 10000);

    int rate = 0;
    const std::vector<float> tone = AudioTest::readWav(ringback, &rate);
    QVERIFY(tone.size() > static_cast<std::size_t>(rate / 3));
    const std::vector<float> start = AudioTest::slice(tone, rate / 50, rate / 4);
    QVERIFY(AudioTest::toneAmplitude(start, rate, 440.0) > 0.03);
    QVERIFY(AudioTest::toneAmplitude(start, rate, 480.0) > 0.03);
    QVERIFY(AudioTest::toneAmplitude(start, rate, 400.0) < 0.02); // not the ring
}

QTEST_MAIN(TestCallAlerts)
#include "TestCallAlerts.moc"
