// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Registration over TLS against Kamailio's TLS listener, with certificates made by the test: a trusted
// certificate registers; an untrusted one, one for another name, or a port that does not speak TLS each
// fail fast with their own explanation, and no REGISTER leaves.

#include "tests/integration/EngineHarness.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/TestCertificates.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Sip;
using Test::EngineHarness;

class TestTlsRegistration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registersOverTls();
    void untrustedCertificateIsExplained();
    void certificateForAnotherNameIsExplained();
    void portWithoutTlsIsExplained();
    void cliRegistersOverTls();

private:
    void expectTlsFailure(const QString &server, const QString &caFile, const QString &diagnosisPart,
                          int timeoutMs = 32000);
    QString file(const QString &name) const { return m_certificates.file(name); }

    Test::TestCertificates m_certificates;
    Test::KamailioServer m_kamailio;  ///< Certificate for 127.0.0.1, signed by our CA
    Test::KamailioServer m_otherName; ///< Certificate for pbx.example only
};

void TestTlsRegistration::initTestCase()
{
    QVERIFY2(m_certificates.makeAuthority(), qPrintable(m_certificates.error()));
    QVERIFY2(m_certificates.makeServerCertificate(QStringLiteral("loopback"), QStringLiteral("IP:127.0.0.1")),
             qPrintable(m_certificates.error()));
    QVERIFY2(m_certificates.makeServerCertificate(QStringLiteral("pbx.example"), QStringLiteral("DNS:pbx.example")),
             qPrintable(m_certificates.error()));

    Test::KamailioServer::Options options;
    options.presence = false;
    options.tlsCertificateFile = file(QStringLiteral("loopback.pem"));
    options.tlsKeyFile = file(QStringLiteral("loopback.key"));
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
    QVERIFY(m_kamailio.tlsPort() != 0);
    options.tlsCertificateFile = file(QStringLiteral("pbx.example.pem"));
    options.tlsKeyFile = file(QStringLiteral("pbx.example.key"));
    QVERIFY2(m_otherName.start(options), qPrintable(m_otherName.stderrText()));
}

void TestTlsRegistration::cleanupTestCase()
{
    m_kamailio.stop();
    m_otherName.stop();
}

void TestTlsRegistration::registersOverTls()
{
    EngineOptions options;
    options.caCertificatesFile = file(QStringLiteral("ca.pem"));
    EngineHarness harness(options);
    LineConfig line = EngineHarness::line(QStringLiteral("t"), QStringLiteral("1001"),
                                          QStringLiteral("127.0.0.1:%1").arg(m_kamailio.tlsPort()),
                                          m_kamailio.password(QStringLiteral("1001")));
    line.transport = Transport::Tls;
    harness.engine().addLine(line);
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("t")), RegistrationState::Registered, 15000);

    const QList<LogEntry> registers = harness.sentRequests(QStringLiteral("t"), QStringLiteral("REGISTER"));
    QCOMPARE(registers.size(), 2);
    QCOMPARE(registers.at(0).transport, QStringLiteral("tls"));
    QCOMPARE(registers.at(0).peer, QStringLiteral("127.0.0.1:%1").arg(m_kamailio.tlsPort()));
    QVERIFY2(registers.at(0).header("Via").startsWith("SIP/2.0/TLS"), registers.at(0).header("Via").constData());
    QVERIFY(registers.at(0).header("Authorization").isEmpty());
    QVERIFY(!registers.at(1).header("Authorization").isEmpty());
    bool verified = false;
    for (const LogEntry &entry : harness.log().snapshot())
        verified = verified || entry.text.startsWith(QLatin1String("TLS certificate of 127.0.0.1 verified"));
    QVERIFY(verified);
    QVERIFY(!m_kamailio.bindings(QStringLiteral("sip:1001@127.0.0.1")).isEmpty());
}

void TestTlsRegistration::expectTlsFailure(const QString &server, const QString &caFile, const QString &diagnosisPart,
                                           int timeoutMs)
{
    EngineOptions options;
    options.transactionTimeoutMs = timeoutMs;
    options.caCertificatesFile = caFile;
    EngineHarness harness(options);
    LineConfig line = EngineHarness::line(QStringLiteral("f"), QStringLiteral("1002"), server,
                                          m_kamailio.password(QStringLiteral("1002")));
    line.transport = Transport::Tls;
    harness.engine().addLine(line);
    QTRY_COMPARE_WITH_TIMEOUT(harness.state(QStringLiteral("f")), RegistrationState::NetworkFailed, 15000);
    const RegistrationEvent failed = harness.events(QStringLiteral("f")).constLast();
    QCOMPARE(failed.failure, FailureKind::Network);
    QVERIFY2(failed.diagnosis.contains(diagnosisPart), qPrintable(failed.diagnosis));
    QVERIFY(failed.reasonPhrase.startsWith(QLatin1String("TLS")));
    QVERIFY2(failed.retryInSeconds > 0, "a TLS failure is retried with back-off, visibly");
    QVERIFY2(harness.sentRequests(QStringLiteral("f"), QStringLiteral("REGISTER")).isEmpty(),
             "nothing may be sent to a server whose certificate was refused");
}

void TestTlsRegistration::untrustedCertificateIsExplained()
{
    expectTlsFailure(QStringLiteral("127.0.0.1:%1").arg(m_kamailio.tlsPort()), QString(),
                     QStringLiteral("not signed by an authority this computer trusts"));
}

void TestTlsRegistration::certificateForAnotherNameIsExplained()
{
    expectTlsFailure(QStringLiteral("127.0.0.1:%1").arg(m_otherName.tlsPort()), file(QStringLiteral("ca.pem")),
                     QStringLiteral("is for pbx.example, not for 127.0.0.1"));
}

void TestTlsRegistration::portWithoutTlsIsExplained()
{
    // Kamailio's plain TCP port: the connection is accepted, the handshake is not.
    expectTlsFailure(m_kamailio.address(), file(QStringLiteral("ca.pem")),
                     QStringLiteral("accepted the connection but never completed the TLS handshake"), 4000);
}

void TestTlsRegistration::cliRegistersOverTls()
{
    const QString cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), m_kamailio.password(QStringLiteral("1003")));
    process.setProcessEnvironment(environment);
    process.start(cli, {QStringLiteral("register"), QStringLiteral("--server"),
                        QStringLiteral("127.0.0.1:%1").arg(m_kamailio.tlsPort()), QStringLiteral("--extension"),
                        QStringLiteral("1003"), QStringLiteral("--transport"), QStringLiteral("tls"),
                        QStringLiteral("--ca-file"), file(QStringLiteral("ca.pem"))});
    const bool finished = process.waitForFinished(30000);
    if (!finished)
        process.kill();
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(finished, qPrintable(output.right(2000)));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(output.trimmed().endsWith(QStringLiteral("REGISTERED sip:1003@127.0.0.1 expires=300")) ||
                 output.contains(QStringLiteral("\nREGISTERED sip:1003@127.0.0.1")),
             qPrintable(output.right(400)));
    QVERIFY(output.contains(QStringLiteral("[tls to 127.0.0.1:%1]").arg(m_kamailio.tlsPort())));
}

QTEST_GUILESS_MAIN(TestTlsRegistration)
#include "TestTlsRegistration.moc"
