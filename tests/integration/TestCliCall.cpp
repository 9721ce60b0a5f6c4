// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli call and answer, end to end through the test Kamailio: against each other, against
// baresip in both directions (Opus and PCMU), with the audio checked by frequency in the recordings,
// and against sipp for the failures a healthy peer never produces.

#include "audio/devices/SoundFile.h"
#include "tests/audio/AudioTestSupport.h"
#include "tests/integration/CliProcess.h"
#include "tests/support/BaresipProcess.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <numbers>

namespace {

constexpr double kOurToneHz = 440.0;
constexpr double kPeerToneHz = 1000.0;

using Cli = Test::CliProcess;
using Test::toneIn;
using Test::writeTone;

} // namespace

class TestCliCall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoInstancesCallEachOther_data();
    void twoInstancesCallEachOther();
    void callsBaresip_data();
    void callsBaresip();
    void baresipCallsUs_data();
    void baresipCallsUs();
    void peerVanishesMidCall();
    void echoSendsTheCallerBack();
    void failures_data();
    void failures();
    void usageErrors_data();
    void usageErrors();

private:
    std::unique_ptr<Cli> startCli(const QStringList &arguments, const QString &extension);
    QStringList line(const QString &extension) const;
    void checkFinalLine(const Cli &cli, const QString &reason, const QString &codec) const;

    QString m_cli;
    QTemporaryDir m_dir;
    Test::KamailioServer m_kamailio;
};

void TestCliCall::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("ours.wav")), kOurToneHz, 48000, 1, 8.0));
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("peer.wav")), kPeerToneHz, 48000, 1, 8.0));
    // baresip's aufile wants the encoder's format: Opus 48 kHz stereo, G.711 8 kHz mono.
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("peer-opus.wav")), kPeerToneHz, 48000, 2, 10.0));
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("peer-pcmu.wav")), kPeerToneHz, 8000, 1, 10.0));
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCliCall::cleanupTestCase()
{
    m_kamailio.stop();
}

QStringList TestCliCall::line(const QString &extension) const
{
    return {QStringLiteral("--server"), m_kamailio.address(), QStringLiteral("--extension"), extension};
}

std::unique_ptr<Cli> TestCliCall::startCli(const QStringList &arguments, const QString &extension)
{
    return Cli::start(m_cli, arguments + line(extension), m_kamailio.password(extension));
}

void TestCliCall::checkFinalLine(const Cli &cli, const QString &reason, const QString &codec) const
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^CALL ENDED (\S+) codec=(\S+) sent=(\d+) received=(\d+) lost=(-?\d+)$)"));
    const QRegularExpressionMatch match = pattern.match(cli.lastLine());
    QVERIFY2(match.hasMatch(), qPrintable(cli.output.right(3000)));
    QCOMPARE(match.captured(1), reason);
    QCOMPARE(match.captured(2), codec);
    // About 3 s of 20 ms packets each way.
    QVERIFY2(match.captured(3).toInt() > 50, qPrintable(cli.lastLine()));
    QVERIFY2(match.captured(4).toInt() > 50, qPrintable(cli.lastLine()));
}

void TestCliCall::twoInstancesCallEachOther_data()
{
    QTest::addColumn<QString>("codec");
    QTest::newRow("opus") << QStringLiteral("opus");
    QTest::newRow("pcmu") << QStringLiteral("pcmu");
}

void TestCliCall::twoInstancesCallEachOther()
{
    QFETCH(QString, codec);
    const QString calleeRecording = m_dir.filePath(QStringLiteral("callee-%1.wav").arg(codec));
    const QString callerRecording = m_dir.filePath(QStringLiteral("caller-%1.wav").arg(codec));
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--play"), m_dir.filePath(QStringLiteral("peer.wav")),
                  QStringLiteral("--record"), calleeRecording, QStringLiteral("--wait"), QStringLiteral("30")},
                 QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    std::unique_ptr<Cli> caller =
        startCli({QStringLiteral("call"), QStringLiteral("sip:1002@127.0.0.1"), QStringLiteral("--play"),
                  m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--record"), callerRecording,
                  QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--codec"), codec,
                  QStringLiteral("--dtmf"), QStringLiteral("7#1")},
                 QStringLiteral("1001"));
    QCOMPARE(caller->finish(), 0);
    QCOMPARE(callee->finish(), 0);
    checkFinalLine(*caller, QStringLiteral("local-hangup"), codec);
    checkFinalLine(*callee, QStringLiteral("remote-hangup"), codec);

    // The INVITE was challenged once and answered with credentials; ringing, answer, BYE.
    QVERIFY2(caller->output.contains(QLatin1String("recv 407 Proxy Authentication Required")),
             qPrintable(caller->output));
    QCOMPARE(caller->output.count(QRegularExpression(QStringLiteral("\\n\\S+ send INVITE "))), 2);
    // The callee rang before answering. (Checked where it is sent: the test PBX relays with two workers, so
    // the caller may get the 180 after the 200 OK, when its stack has no more use for it.)
    QVERIFY2(callee->output.contains(QLatin1String("send 180 Ringing")), qPrintable(callee->output.right(3000)));
    QVERIFY(caller->output.contains(QLatin1String("send BYE ")));
    QVERIFY(callee->output.contains(QLatin1String("recv BYE ")));
    // RFC 4733 digits arrive in order.
    QVERIFY2(callee->output.contains(QLatin1String("\nDTMF 7\nDTMF #\nDTMF 1\n")), qPrintable(callee->output));

    // Each side recorded the other's tone, not its own.
    QVERIFY2(toneIn(callerRecording, kPeerToneHz) > 0.1, qPrintable(callerRecording));
    QVERIFY(toneIn(callerRecording, kOurToneHz) < 0.05);
    QVERIFY2(toneIn(calleeRecording, kOurToneHz) > 0.1, qPrintable(calleeRecording));
    QVERIFY(toneIn(calleeRecording, kPeerToneHz) < 0.05);
}

void TestCliCall::callsBaresip_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("baresipCodec");
    QTest::newRow("opus") << QStringLiteral("opus") << QStringLiteral("opus/48000/2");
    QTest::newRow("pcmu") << QStringLiteral("pcmu") << QStringLiteral("PCMU/8000");
}

void TestCliCall::callsBaresip()
{
    QFETCH(QString, codec);
    QFETCH(QString, baresipCodec);
    OFFHOOK_REQUIRE_TOOL(Test::BaresipProcess::findProgram());
    m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:1003")});
    Test::BaresipProcess baresip;
    Test::BaresipProcess::Options options;
    options.server = m_kamailio.address();
    options.extension = QStringLiteral("1003");
    options.password = m_kamailio.password(options.extension);
    options.sourceWav = m_dir.filePath(QStringLiteral("peer-%1.wav").arg(codec));
    options.audioCodecs = baresipCodec;
    QVERIFY2(baresip.start(options), qPrintable(baresip.output()));

    const QString recording = m_dir.filePath(QStringLiteral("from-baresip-%1.wav").arg(codec));
    std::unique_ptr<Cli> caller =
        startCli({QStringLiteral("call"), QStringLiteral("sip:1003@127.0.0.1"), QStringLiteral("--play"),
                  m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--record"), recording,
                  QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--codec"), codec},
                 QStringLiteral("1001"));
    QCOMPARE(caller->finish(), 0);
    checkFinalLine(*caller, QStringLiteral("local-hangup"), codec);
    QVERIFY2(baresip.waitForOutput(QStringLiteral("terminated"), 5000), qPrintable(baresip.output()));

    QVERIFY2(toneIn(recording, kPeerToneHz) > 0.1, qPrintable(caller->output.right(2000)));
    QVERIFY(toneIn(recording, kOurToneHz) < 0.05);
    const QString received = baresip.decodedRecording();
    QVERIFY2(!received.isEmpty(), qPrintable(baresip.output()));
    QVERIFY2(toneIn(received, kOurToneHz) > 0.1, qPrintable(received));
    QVERIFY(toneIn(received, kPeerToneHz) < 0.05);
}

void TestCliCall::baresipCallsUs_data()
{
    callsBaresip_data();
}

void TestCliCall::baresipCallsUs()
{
    QFETCH(QString, codec);
    QFETCH(QString, baresipCodec);
    OFFHOOK_REQUIRE_TOOL(Test::BaresipProcess::findProgram());
    const QString recording = m_dir.filePath(QStringLiteral("called-by-baresip-%1.wav").arg(codec));
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--play"), m_dir.filePath(QStringLiteral("ours.wav")),
                  QStringLiteral("--record"), recording, QStringLiteral("--duration"), QStringLiteral("3"),
                  QStringLiteral("--wait"), QStringLiteral("30")},
                 QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));

    Test::BaresipProcess baresip;
    Test::BaresipProcess::Options options;
    options.server = m_kamailio.address();
    options.extension = QStringLiteral("1004");
    options.password = m_kamailio.password(options.extension);
    options.sourceWav = m_dir.filePath(QStringLiteral("peer-%1.wav").arg(codec));
    options.audioCodecs = baresipCodec;
    options.dial = QStringLiteral("sip:1002@%1").arg(m_kamailio.address());
    QVERIFY2(baresip.start(options), qPrintable(baresip.output()));

    QCOMPARE(callee->finish(), 0);
    checkFinalLine(*callee, QStringLiteral("local-hangup"), codec);
    QVERIFY(callee->output.contains(QLatin1String("Incoming call from sip:1004@")));
    QVERIFY2(baresip.waitForOutput(QStringLiteral("terminated"), 5000), qPrintable(baresip.output()));
    QVERIFY2(toneIn(recording, kPeerToneHz) > 0.1, qPrintable(callee->output.right(2000)));
    QVERIFY(toneIn(recording, kOurToneHz) < 0.05);
    const QString received = baresip.decodedRecording();
    QVERIFY2(!received.isEmpty(), qPrintable(baresip.output()));
    QVERIFY2(toneIn(received, kOurToneHz) > 0.1, qPrintable(received));
}

void TestCliCall::peerVanishesMidCall()
{
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--play"), m_dir.filePath(QStringLiteral("peer.wav")),
                  QStringLiteral("--wait"), QStringLiteral("30")},
                 QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    const QString callerRecording = m_dir.filePath(QStringLiteral("caller-vanishing.wav"));
    std::unique_ptr<Cli> caller = startCli({QStringLiteral("call"), QStringLiteral("1002"), QStringLiteral("--play"),
                                            m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--record"),
                                            callerRecording, QStringLiteral("--duration"), QStringLiteral("60")},
                                           QStringLiteral("1001"));
    QVERIFY2(caller->waitFor(QStringLiteral("Call connected"), 20000), qPrintable(caller->output));
    // The media ran both ways before the peer vanishes: the caller hears the callee's tone.
    QTRY_VERIFY2_WITH_TIMEOUT(Test::toneArriving(callerRecording, kPeerToneHz), qPrintable(caller->read().right(2000)),
                              15000);
    callee->process->kill(); // gone without a BYE, as with a crash or a lost network
    callee->finish(5000);
    // The media notices (10 s without RTP) and the call ends with a message, long before --duration.
    QCOMPARE(caller->finish(40000), 0);
    QVERIFY2(caller->lastLine().startsWith(QLatin1String("CALL ENDED rtp-timeout codec=opus ")),
             qPrintable(caller->output.right(3000)));
    QVERIFY(caller->output.contains(QLatin1String("No RTP from the other side")));
    QVERIFY(caller->output.contains(QLatin1String("send BYE ")));
}

void TestCliCall::echoSendsTheCallerBack()
{
    // answer --echo plays what it receives into a loopback device and sends it back: the caller hears its
    // own tone, and the echo side has no file of its own to send. The caller's echo canceller is off: to it
    // the returning tone is an echo of its microphone, which it would rightly remove.
    const QString callerRecording = m_dir.filePath(QStringLiteral("caller-echo.wav"));
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--echo"), QStringLiteral("--wait"), QStringLiteral("30")},
                 QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    std::unique_ptr<Cli> caller =
        startCli({QStringLiteral("call"), QStringLiteral("sip:1002@127.0.0.1"), QStringLiteral("--play"),
                  m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--record"), callerRecording,
                  QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--codec"), QStringLiteral("opus"),
                  QStringLiteral("--no-echo-control")},
                 QStringLiteral("1001"));
    QCOMPARE(caller->finish(), 0);
    QCOMPARE(callee->finish(), 0);
    checkFinalLine(*caller, QStringLiteral("local-hangup"), QStringLiteral("opus"));
    QVERIFY2(toneIn(callerRecording, kOurToneHz) > 0.1, qPrintable(callerRecording));
    QVERIFY(toneIn(callerRecording, kPeerToneHz) < 0.05);
}

void TestCliCall::failures_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("diagnosis");
    QTest::addColumn<QString>("peerReceives");
    QTest::newRow("busy") << QStringLiteral("uas_call_busy.xml") << QStringLiteral("failed-486") << 4
                          << QStringLiteral("The other side is busy.") << QStringLiteral("ACK");
    QTest::newRow("488 from the peer") << QStringLiteral("uas_call_not_acceptable.xml") << QStringLiteral("failed-488")
                                       << 4 << QStringLiteral("only G729") << QStringLiteral("ACK");
    QTest::newRow("no answer") << QStringLiteral("uas_call_ring_forever.xml") << QStringLiteral("no-answer") << 5
                               << QStringLiteral("cancelled before it was answered") << QStringLiteral("CANCEL");
    QTest::newRow("answer without a common codec")
        << QStringLiteral("uas_call_answer_g729.xml") << QStringLiteral("failed-488") << 4
        << QStringLiteral("No codec in common: the other side takes G729/8000") << QStringLiteral("BYE");
    QTest::newRow("malformed SDP answer")
        << QStringLiteral("uas_call_answer_malformed_sdp.xml") << QStringLiteral("failed-400") << 4
        << QStringLiteral("The other side's SDP is malformed (line 4: c= address") << QStringLiteral("BYE");
}

void TestCliCall::failures()
{
    QFETCH(QString, scenario);
    QFETCH(QString, reason);
    QFETCH(int, exitCode);
    QFETCH(QString, diagnosis);
    QFETCH(QString, peerReceives);
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    // sipp registers as 1005 on the port where it then plays the callee; a binding left by an earlier row
    // would make the PBX fork the call to a dead port.
    m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:1005")});
    const quint16 port = Test::FreePort::pick();
    QVERIFY(port != 0);
    {
        Test::SippProcess registrar;
        Test::SippProcess::Options options;
        options.port = port;
        options.service = QStringLiteral("1005");
        options.authUser = QStringLiteral("1005");
        options.authPassword = m_kamailio.password(QStringLiteral("1005"));
        options.timeoutSeconds = 20;
        QVERIFY2(registrar.startClient(QStringLiteral("uac_register_auth.xml"), m_kamailio.address(), options),
                 qPrintable(registrar.errorText()));
        QVERIFY(registrar.waitFinished(30000));
        QCOMPARE(registrar.exitCode(), 0);
    }
    Test::SippProcess callee;
    Test::SippProcess::Options options;
    options.port = port;
    options.timeoutSeconds = 40;
    QVERIFY2(callee.startServer(scenario, options), qPrintable(callee.errorText()));

    std::unique_ptr<Cli> caller = startCli({QStringLiteral("call"), QStringLiteral("1005"), QStringLiteral("--wait"),
                                            QStringLiteral("2"), QStringLiteral("--duration"), QStringLiteral("2")},
                                           QStringLiteral("1001"));
    QCOMPARE(caller->finish(), exitCode);
    QVERIFY2(caller->lastLine().startsWith(QStringLiteral("CALL ENDED %1 ").arg(reason)), qPrintable(caller->output));
    QVERIFY2(caller->output.contains(diagnosis), qPrintable(caller->output.right(3000)));
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QVERIFY(callee.countReceived(peerReceives) >= 1);
}

void TestCliCall::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no target") << QStringList{QStringLiteral("call")} << QStringLiteral("call needs a target");
    QTest::newRow("bad codec") << QStringList{QStringLiteral("call"), QStringLiteral("1002"), QStringLiteral("--codec"),
                                              QStringLiteral("g729")}
                               << QStringLiteral("--codec must be opus, pcmu or pcma");
    QTest::newRow("bad digits") << QStringList{QStringLiteral("call"), QStringLiteral("1002"), QStringLiteral("--dtmf"),
                                               QStringLiteral("12x")}
                                << QStringLiteral("--dtmf takes the digits");
    QTest::newRow("missing play file") << QStringList{QStringLiteral("answer"), QStringLiteral("--play"),
                                                      QStringLiteral("/nonexistent/in.wav")}
                                       << QStringLiteral("cannot read /nonexistent/in.wav");
    QTest::newRow("echo with play") << QStringList{QStringLiteral("answer"), QStringLiteral("--echo"),
                                                   QStringLiteral("--play"), QStringLiteral("in.wav")}
                                    << QStringLiteral("--echo sends back what arrives");
}

void TestCliCall::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    std::unique_ptr<Cli> cli = startCli(arguments, QStringLiteral("1001"));
    QCOMPARE(cli->finish(10000), 2);
    QVERIFY2(cli->output.contains(message), qPrintable(cli->output));
}

QTEST_GUILESS_MAIN(TestCliCall)
#include "TestCliCall.moc"
