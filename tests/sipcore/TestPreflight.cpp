// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/Preflight.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/SipResponseHead.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/TestCertificates.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Sip::PreflightProbe;
using Sip::Internal::SipResponseHead;

/// The preflight check against a real Kamailio and against ports where nothing listens.
class TestPreflight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void responseHead_data();
    void responseHead();
    void kamailioAnswersOnUdpAndTcp();
    void deadPortIsReportedAsNothingListening();
    void wrongTransportSuggestsTheOneThatAnswers();
    void invalidServerIsReportedWithoutProbing();
    void restartCancelsTheRunningCheck();
    void tlsCertificateTrustedThroughTheCaFile();
    void tlsCertificateNotTrustedWithoutIt();
    void oddServersGetAnAnswerInWords_data();
    void oddServersGetAnAnswerInWords();

private:
    Sip::PreflightReport run(Sip::Preflight &preflight, const Sip::LineConfig &line,
                             const Sip::Preflight::Options &options);
    Sip::LineConfig line(const QString &server, Sip::Transport transport = Sip::Transport::Udp) const
    {
        Sip::LineConfig config;
        config.id = QStringLiteral("p1");
        config.extension = QStringLiteral("1001");
        config.server = server;
        config.transport = transport;
        return config;
    }

    /// The TLS answers of m_tlsKamailio, checked with or without the test CA as extra CA file.
    Sip::PreflightReport runTls(const QString &caFile);

    Test::KamailioServer m_kamailio;
    Test::TestCertificates m_certificates;
    Test::KamailioServer m_tlsKamailio; ///< Certificate for 127.0.0.1 signed by the test CA
};

void TestPreflight::initTestCase()
{
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));

    QVERIFY2(m_certificates.makeAuthority(), qPrintable(m_certificates.error()));
    QVERIFY2(m_certificates.makeServerCertificate(QStringLiteral("loopback"), QStringLiteral("IP:127.0.0.1")),
             qPrintable(m_certificates.error()));
    options.tlsCertificateFile = m_certificates.file(QStringLiteral("loopback.pem"));
    options.tlsKeyFile = m_certificates.file(QStringLiteral("loopback.key"));
    QVERIFY2(m_tlsKamailio.start(options), qPrintable(m_tlsKamailio.stderrText()));
    QVERIFY(m_tlsKamailio.tlsPort() != 0);
}

void TestPreflight::cleanupTestCase()
{
    m_kamailio.stop();
    m_tlsKamailio.stop();
}

Sip::PreflightReport TestPreflight::runTls(const QString &caFile)
{
    Sip::Preflight preflight;
    Sip::Preflight::Options options;
    options.transports = {Sip::Transport::Tls};
    options.caCertificatesFile = caFile;
    return run(preflight, line(QStringLiteral("127.0.0.1:%1").arg(m_tlsKamailio.tlsPort()), Sip::Transport::Tls),
               options);
}

Sip::PreflightReport TestPreflight::run(Sip::Preflight &preflight, const Sip::LineConfig &config,
                                        const Sip::Preflight::Options &options)
{
    QSignalSpy finished(&preflight, &Sip::Preflight::finished);
    preflight.start(config, options);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000); }();
    return finished.isEmpty() ? Sip::PreflightReport()
                              : finished.constFirst().constFirst().value<Sip::PreflightReport>();
}

void TestPreflight::responseHead_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("result");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("callId");
    QTest::addColumn<int>("messageBytes");
    const QByteArray ok = "SIP/2.0 200 Keepalive\r\nCall-ID: abc@x\r\nCSeq: 1 OPTIONS\r\nServer: kamailio\r\n"
                          "Content-Length: 0\r\n\r\n";
    QTest::newRow("datagram") << ok << false << int(SipResponseHead::Result::Complete) << 200 << QByteArray("abc@x")
                              << int(ok.size());
    QTest::newRow("stream, two messages")
        << ok + ok << true << int(SipResponseHead::Result::Complete) << 200 << QByteArray("abc@x") << int(ok.size());
    QTest::newRow("stream, head cut") << ok.left(30) << true << int(SipResponseHead::Result::NeedMore) << 0
                                      << QByteArray() << 0;
    const QByteArray withBody = "SIP/2.0 404 Not Here\r\ni: c1\r\nl: 5\r\n\r\nhello";
    QTest::newRow("compact, body") << withBody << true << int(SipResponseHead::Result::Complete) << 404
                                   << QByteArray("c1") << int(withBody.size());
    QTest::newRow("body cut") << withBody.chopped(2) << true << int(SipResponseHead::Result::NeedMore) << 0
                              << QByteArray() << 0;
    QTest::newRow("keep-alive first") << "\r\n\r\n" + ok << true << int(SipResponseHead::Result::Complete) << 200
                                      << QByteArray("abc@x") << int(ok.size() + 4);
    QTest::newRow("request") << QByteArray("OPTIONS sip:x SIP/2.0\r\n\r\n") << false
                             << int(SipResponseHead::Result::NotAResponse) << 0 << QByteArray() << 0;
    QTest::newRow("bad code") << QByteArray("SIP/2.0 2000 OK\r\n\r\n") << false
                              << int(SipResponseHead::Result::NotAResponse) << 0 << QByteArray() << 0;
    QTest::newRow("negative length") << QByteArray("SIP/2.0 200 OK\r\nContent-Length: -4\r\n\r\n") << true
                                     << int(SipResponseHead::Result::NotAResponse) << 0 << QByteArray() << 0;
    QTest::newRow("empty datagram") << QByteArray() << false << int(SipResponseHead::Result::NotAResponse) << 0
                                    << QByteArray() << 0;
    QTest::newRow("binary") << QByteArray("\x00\xff\x13SIP", 6) << true << int(SipResponseHead::Result::NotAResponse)
                            << 0 << QByteArray() << 0;
}

void TestPreflight::responseHead()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, stream);
    QFETCH(int, result);
    QFETCH(int, status);
    QFETCH(QByteArray, callId);
    QFETCH(int, messageBytes);
    const SipResponseHead head = SipResponseHead::parse(bytes, stream);
    QCOMPARE(int(head.result), result);
    if (head.result == SipResponseHead::Result::Complete) {
        QCOMPARE(head.statusCode, status);
        QCOMPARE(head.callId, callId);
        QCOMPARE(int(head.messageBytes), messageBytes);
    }
}

void TestPreflight::kamailioAnswersOnUdpAndTcp()
{
    Sip::SipLog log;
    log.setFlushInterval(10);
    Sip::Preflight preflight(&log);
    QSignalSpy progress(&preflight, &Sip::Preflight::progress);
    Sip::Preflight::Options options;
    options.transports = {Sip::Transport::Udp, Sip::Transport::Tcp};
    options.logLineId = QStringLiteral("p1");
    const Sip::PreflightReport report = run(preflight, line(m_kamailio.address()), options);
    QCOMPARE(report.probes.size(), 2);
    for (const PreflightProbe &probe : report.probes) {
        QVERIFY2(probe.answered(), qPrintable(probe.describe()));
        QCOMPARE(probe.statusCode, 200);
        QCOMPARE(probe.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(probe.port, m_kamailio.port());
        QVERIFY(probe.roundTripMs >= 0);
        QVERIFY(probe.describe().contains(QStringLiteral("answered 200")));
    }
    QCOMPARE(report.probes[0].transport, Sip::Transport::Udp);
    QCOMPARE(report.probes[1].transport, Sip::Transport::Tcp);
    QVERIFY(report.anyAnswered());
    QVERIFY2(report.headline().contains(QStringLiteral("answers over UDP")), qPrintable(report.headline()));
    QVERIFY(report.headline().contains(QStringLiteral("also answers over TCP")));
    QVERIFY(progress.count() >= 2);

    // The OPTIONS and their answers are in the log, as sent and received, under the given line id.
    int sent = 0;
    int received = 0;
    for (const Sip::LogEntry &entry : log.snapshot()) {
        if (entry.lineId != QStringLiteral("p1"))
            continue;
        sent += entry.kind == Sip::LogEntry::Kind::Sent && entry.text.startsWith(QStringLiteral("OPTIONS "));
        received += entry.kind == Sip::LogEntry::Kind::Received && entry.text.startsWith(QStringLiteral("200 "));
    }
    QVERIFY(sent >= 2);
    QCOMPARE(received, 2);
}

void TestPreflight::deadPortIsReportedAsNothingListening()
{
    const quint16 port = Test::FreePort::pick();
    QVERIFY(port);
    Sip::Preflight preflight;
    Sip::Preflight::Options options;
    options.transports = {Sip::Transport::Udp, Sip::Transport::Tcp};
    options.probeTimeoutMs = 3000;
    const Sip::PreflightReport report = run(preflight, line(QStringLiteral("127.0.0.1:%1").arg(port)), options);
    QCOMPARE(report.probes.size(), 2);
    QVERIFY(!report.anyAnswered());
    for (const PreflightProbe &probe : report.probes) {
        // Loopback answers a closed port at once: ICMP port unreachable (UDP) or RST (TCP).
        QCOMPARE(probe.outcome, PreflightProbe::Outcome::Refused);
        QVERIFY(probe.describe().contains(QStringLiteral("nothing is listening")));
    }
    QVERIFY2(report.headline().startsWith(QStringLiteral("Nothing is listening for SIP")),
             qPrintable(report.headline()));
}

void TestPreflight::wrongTransportSuggestsTheOneThatAnswers()
{
    // The line is set to TLS on the Kamailio port, where only UDP and TCP are served.
    Sip::LineConfig config = line(m_kamailio.address(), Sip::Transport::Tls);
    Sip::Preflight preflight;
    Sip::Preflight::Options options;
    options.probeTimeoutMs = 3000;
    const Sip::PreflightReport report = run(preflight, config, options);
    QCOMPARE(report.probes.size(), 3);
    const PreflightProbe *tls = report.probe(Sip::Transport::Tls);
    QVERIFY(tls);
    QCOMPARE(tls->port, m_kamailio.port()); // the port given is asked over every transport
    QVERIFY(!tls->answered());
    QVERIFY(report.probe(Sip::Transport::Udp)->answered());
    QVERIFY(report.probe(Sip::Transport::Tcp)->answered());
    const QString headline = report.headline();
    QVERIFY2(headline.contains(QStringLiteral("does not answer on TLS")), qPrintable(headline));
    QVERIFY(headline.contains(QStringLiteral("it does on UDP and TCP. Choose UDP")));
    QVERIFY(report.summary().contains(QStringLiteral("TLS 127.0.0.1:%1").arg(m_kamailio.port())));
}

void TestPreflight::invalidServerIsReportedWithoutProbing()
{
    Sip::Preflight preflight;
    const Sip::PreflightReport report = run(preflight, line(QStringLiteral("pbx exa mple:99999")), {});
    QVERIFY(!report.dnsError.isEmpty());
    QVERIFY(report.probes.isEmpty());
    QVERIFY(report.headline().contains(QStringLiteral("could not be found")));
}

void TestPreflight::restartCancelsTheRunningCheck()
{
    Sip::Preflight preflight;
    QSignalSpy finished(&preflight, &Sip::Preflight::finished);
    Sip::Preflight::Options options;
    options.transports = {Sip::Transport::Udp};
    preflight.start(line(m_kamailio.address()), options);
    preflight.start(line(m_kamailio.address()), options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!preflight.isRunning());
}

void TestPreflight::tlsCertificateTrustedThroughTheCaFile()
{
    const Sip::PreflightReport report = runTls(m_certificates.authorityFile());
    QCOMPARE(report.probes.size(), 1);
    const PreflightProbe &probe = report.probes.constFirst();
    QVERIFY2(probe.answered(), qPrintable(probe.describe()));
    QCOMPARE(probe.statusCode, 200);
    QCOMPARE(probe.port, m_tlsKamailio.tlsPort());
    QCOMPARE(probe.certificate, PreflightProbe::Certificate::Trusted);
    QVERIFY2(probe.certificateText.contains(QStringLiteral("issued by Offhook Test CA")),
             qPrintable(probe.certificateText));
    QVERIFY2(probe.describe().contains(QStringLiteral("TLS answers, certificate OK")), qPrintable(probe.describe()));
    QVERIFY2(report.headline().contains(QStringLiteral("answers over TLS, the transport this line uses")),
             qPrintable(report.headline()));
}

void TestPreflight::tlsCertificateNotTrustedWithoutIt()
{
    // Without the CA file only the system's authorities are trusted, as for the engine: the server still
    // answers, and the report says the line cannot register and why.
    const Sip::PreflightReport report = runTls(QString());
    QCOMPARE(report.probes.size(), 1);
    const PreflightProbe &probe = report.probes.constFirst();
    QVERIFY2(probe.answered(), qPrintable(probe.describe()));
    QCOMPARE(probe.certificate, PreflightProbe::Certificate::NotTrusted);
    QVERIFY2(probe.certificateText.contains(QStringLiteral("not signed by an authority this computer trusts")),
             qPrintable(probe.certificateText));
    QVERIFY2(probe.describe().contains(QStringLiteral("certificate not trusted: ")), qPrintable(probe.describe()));
    QVERIFY2(report.headline().contains(QStringLiteral("cannot register: certificate not trusted")),
             qPrintable(report.headline()));

    // A CA file that holds no certificate is reported; the system's authorities still apply.
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.pem"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const Sip::PreflightReport withBadFile = runTls(empty);
    QVERIFY(!withBadFile.dnsFindings.isEmpty());
    QCOMPARE(withBadFile.probes.constFirst().certificate, PreflightProbe::Certificate::NotTrusted);
}

void TestPreflight::oddServersGetAnAnswerInWords_data()
{
    // Only inputs that stay on loopback or never reach DNS.
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("probed");
    const quint16 dead = Test::FreePort::pick();
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("   ") << false;
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:99999") << false;
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1") << false;
    QTest::newRow("spaces") << QStringLiteral("pbx exa mple") << false;
    QTest::newRow("control characters") << QStringLiteral("pbx\x01\n.example") << false;
    QTest::newRow("ipv6 loopback, dead port") << QStringLiteral("[::1]:%1").arg(dead) << true;
    QTest::newRow("ipv4 loopback, dead port") << QStringLiteral("127.0.0.1:%1").arg(dead) << true;
}

void TestPreflight::oddServersGetAnAnswerInWords()
{
    QFETCH(QString, server);
    QFETCH(bool, probed);
    Sip::Preflight preflight;
    Sip::Preflight::Options options;
    options.transports = {Sip::Transport::Udp, Sip::Transport::Tcp};
    options.probeTimeoutMs = 2000;
    const Sip::PreflightReport report = run(preflight, line(server), options);
    QVERIFY(!report.headline().isEmpty());
    QCOMPARE(!report.probes.isEmpty(), probed);
    QCOMPARE(report.dnsError.isEmpty(), probed);
    QVERIFY(!report.anyAnswered());
}

QTEST_GUILESS_MAIN(TestPreflight)
#include "TestPreflight.moc"
