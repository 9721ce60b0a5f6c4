// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli call and answer with what the other side does during the call, through the test Kamailio:
// DTMF by SIP INFO from sipp, RFC 4733 DTMF to and from baresip, and a transfer (REFER from a sipp
// transferor) that the CLI follows to baresip, streaming on the new call.
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

class TestCliCallEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answerPrintsInfoDigits();
    void dtmfToBaresip();
    void dtmfFromBaresip();
    void callFollowsTransfer();

private:
    std::unique_ptr<Cli> startCli(const QStringList &arguments, const QString &extension);
    bool startBaresip(Test::BaresipProcess &baresip, const QString &extension, const QString &dial = {},
                      quint16 controlPort = 0);
    bool startSippAs(const QString &extension, const QString &scenario, Test::SippProcess &sipp,
                     const QMap<QString, QString> &keys);

    QString m_cli;
    QTemporaryDir m_dir;
    Test::KamailioServer m_kamailio;
};

void TestCliCallEvents::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("ours.wav")), kOurToneHz, 48000, 1, 8.0));
    // baresip's aufile wants the encoder's format: G.711 8 kHz mono.
    QVERIFY(writeTone(m_dir.filePath(QStringLiteral("peer-pcmu.wav")), kPeerToneHz, 8000, 1, 10.0));
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCliCallEvents::cleanupTestCase()
{
    m_kamailio.stop();
}

std::unique_ptr<Cli> TestCliCallEvents::startCli(const QStringList &arguments, const QString &extension)
{
    const QStringList line{QStringLiteral("--server"), m_kamailio.address(), QStringLiteral("--extension"), extension};
    return Cli::start(m_cli, arguments + line, m_kamailio.password(extension));
}

bool TestCliCallEvents::startBaresip(Test::BaresipProcess &baresip, const QString &extension, const QString &dial,
                                     quint16 controlPort)
{
    m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:") + extension});
    Test::BaresipProcess::Options options;
    options.server = m_kamailio.address();
    options.extension = extension;
    options.password = m_kamailio.password(extension);
    options.sourceWav = m_dir.filePath(QStringLiteral("peer-pcmu.wav"));
    options.audioCodecs = QStringLiteral("PCMU/8000");
    options.dial = dial;
    options.controlPort = controlPort;
    if (!baresip.start(options)) {
        qWarning("%s", qPrintable(baresip.output()));
        return false;
    }
    return true;
}

bool TestCliCallEvents::startSippAs(const QString &extension, const QString &scenario, Test::SippProcess &sipp,
                                    const QMap<QString, QString> &keys)
{
    m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:") + extension});
    const quint16 port = Test::FreePort::pick();
    Test::SippProcess registrar;
    Test::SippProcess::Options options;
    options.port = port;
    options.service = extension;
    options.authUser = extension;
    options.authPassword = m_kamailio.password(extension);
    options.timeoutSeconds = 20;
    if (!registrar.startClient(QStringLiteral("uac_register_auth.xml"), m_kamailio.address(), options) ||
        !registrar.waitFinished(30000) || registrar.exitCode() != 0) {
        qWarning("%s", qPrintable(registrar.errorText()));
        return false;
    }
    Test::SippProcess::Options serverOptions;
    serverOptions.port = port;
    serverOptions.timeoutSeconds = 40;
    serverOptions.keys = keys;
    if (!sipp.startServer(scenario, serverOptions)) {
        qWarning("%s", qPrintable(sipp.errorText()));
        return false;
    }
    return true;
}

void TestCliCallEvents::answerPrintsInfoDigits()
{
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")}, QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    Test::SippProcess caller;
    Test::SippProcess::Options options;
    options.service = QStringLiteral("1005");
    options.authUser = QStringLiteral("1005");
    options.authPassword = m_kamailio.password(QStringLiteral("1005"));
    options.keys.insert(QStringLiteral("target"), QStringLiteral("1002"));
    options.timeoutSeconds = 30;
    QVERIFY2(caller.startClient(QStringLiteral("uac_invite_info_dtmf.xml"), m_kamailio.address(), options),
             qPrintable(caller.errorText()));
    // sipp sends no RTP, so the exit status says "no media"; the digits and the refusals are what count.
    callee->finish(40000);
    QVERIFY(caller.waitFinished(20000));
    QVERIFY2(caller.exitCode() == 0, qPrintable(caller.errorText()));
    QVERIFY2(callee->output.contains(QLatin1String("\nDTMF 5\n")), qPrintable(callee->output.right(3000)));
    QVERIFY(callee->output.contains(QLatin1String("\nDTMF 7\n")));
    QVERIFY(callee->output.contains(QLatin1String("SIP INFO refused (400): Signal=Z is not a DTMF digit")));
    QVERIFY(callee->output.contains(QLatin1String("SIP INFO refused (415)")));
    QVERIFY2(callee->lastLine().startsWith(QLatin1String("CALL ENDED remote-hangup ")), qPrintable(callee->lastLine()));
}

void TestCliCallEvents::dtmfToBaresip()
{
    OFFHOOK_REQUIRE_TOOL(Test::BaresipProcess::findProgram());
    Test::BaresipProcess baresip;
    QVERIFY(startBaresip(baresip, QStringLiteral("1003")));
    std::unique_ptr<Cli> caller =
        startCli({QStringLiteral("call"), QStringLiteral("sip:1003@127.0.0.1"), QStringLiteral("--play"),
                  m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--duration"), QStringLiteral("4"),
                  QStringLiteral("--codec"), QStringLiteral("pcmu"), QStringLiteral("--dtmf"), QStringLiteral("123#")},
                 QStringLiteral("1001"));
    QCOMPARE(caller->finish(), 0);
    // baresip negotiated telephone-event, so the digits went as RFC 4733 events, not SIP INFO.
    QVERIFY2(caller->output.contains(QLatin1String(", telephone-event 101")), qPrintable(caller->output.right(3000)));
    QVERIFY(!caller->output.contains(QLatin1String("by SIP INFO")));
    QVERIFY2(baresip.waitForOutput(QStringLiteral("terminated"), 5000), qPrintable(baresip.output()));
    // baresip logs each RFC 4733 event it receives: "received event: '1' (end=0)", then end=1.
    static const QRegularExpression received(QStringLiteral("received event: '(.)' \\(end=0\\)"));
    QString digits;
    for (const QRegularExpressionMatch &match : received.globalMatch(baresip.output()))
        digits += match.captured(1);
    QVERIFY2(digits == QLatin1String("123#"), qPrintable(baresip.output().right(2500)));
}

void TestCliCallEvents::dtmfFromBaresip()
{
    OFFHOOK_REQUIRE_TOOL(Test::BaresipProcess::findProgram());
    const QString recording = m_dir.filePath(QStringLiteral("dtmf-from-baresip.wav"));
    std::unique_ptr<Cli> callee =
        startCli({QStringLiteral("answer"), QStringLiteral("--play"), m_dir.filePath(QStringLiteral("ours.wav")),
                  QStringLiteral("--record"), recording, QStringLiteral("--duration"), QStringLiteral("5"),
                  QStringLiteral("--wait"), QStringLiteral("30")},
                 QStringLiteral("1002"));
    QVERIFY2(callee->waitFor(QStringLiteral("WAITING for a call"), 20000), qPrintable(callee->output));
    const quint16 controlPort = Test::FreePort::pick();
    Test::BaresipProcess baresip;
    QVERIFY(startBaresip(baresip, QStringLiteral("1004"), QStringLiteral("sip:1002@%1").arg(m_kamailio.address()),
                         controlPort));
    QVERIFY2(callee->waitFor(QStringLiteral("telephone-event"), 20000), qPrintable(callee->output));
    QVERIFY2(baresip.waitForOutput(QStringLiteral("Call established"), 10000), qPrintable(baresip.output()));
    // baresip's audio stream reaches us, so the events it sends on that stream will too.
    QTRY_VERIFY2_WITH_TIMEOUT(Test::toneArriving(recording, kPeerToneHz), qPrintable(callee->read().right(2000)),
                              10000);
    QVERIFY2(baresip.sendCommand(QStringLiteral("sndcode"), QStringLiteral("45*")), qPrintable(baresip.output()));
    QCOMPARE(callee->finish(), 0);
    QVERIFY2(callee->output.contains(QLatin1String("\nDTMF 4\nDTMF 5\nDTMF *\n")),
             qPrintable(callee->output.right(3000) + baresip.output().right(3000)));
}

void TestCliCallEvents::callFollowsTransfer()
{
    OFFHOOK_REQUIRE_TOOL(Test::BaresipProcess::findProgram());
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    Test::BaresipProcess target;
    QVERIFY(startBaresip(target, QStringLiteral("1003")));
    Test::SippProcess transferor;
    QVERIFY(startSippAs(QStringLiteral("1005"), QStringLiteral("uas_call_transfers_us.xml"), transferor,
                        {{QStringLiteral("referto"), QStringLiteral("<sip:1003@%1>").arg(m_kamailio.address())}}));
    std::unique_ptr<Cli> caller = startCli({QStringLiteral("call"), QStringLiteral("1005"), QStringLiteral("--play"),
                                            m_dir.filePath(QStringLiteral("ours.wav")), QStringLiteral("--duration"),
                                            QStringLiteral("4"), QStringLiteral("--codec"), QStringLiteral("pcmu")},
                                           QStringLiteral("1001"));
    // Media flowed both ways on the new call (sipp sent none on the first): exit 0.
    QCOMPARE(caller->finish(), 0);
    QVERIFY2(caller->output.contains(QLatin1String("\nTRANSFERRED to sip:1003@")), qPrintable(caller->output));
    static const QRegularExpression finalLine(
        QStringLiteral(R"(^CALL ENDED local-hangup codec=pcmu sent=(\d+) received=(\d+) lost=-?\d+$)"));
    const QRegularExpressionMatch match = finalLine.match(caller->lastLine());
    QVERIFY2(match.hasMatch(), qPrintable(caller->output.right(3000)));
    QVERIFY(match.captured(2).toInt() > 50);
    QVERIFY(transferor.waitFinished(20000));
    if (transferor.exitCode() != 0)
        qWarning("%s", qPrintable(caller->output));
    QVERIFY2(transferor.exitCode() == 0, qPrintable(transferor.errorText()));
    QVERIFY2(target.waitForOutput(QStringLiteral("terminated"), 5000), qPrintable(target.output()));
    const QString received = target.decodedRecording();
    QVERIFY2(!received.isEmpty(), qPrintable(target.output()));
    QVERIFY2(toneIn(received, kOurToneHz) > 0.1, qPrintable(received));
}

QTEST_GUILESS_MAIN(TestCliCallEvents)
#include "TestCliCallEvents.moc"
