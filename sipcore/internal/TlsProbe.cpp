// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/TlsProbe.h"

#include <QDateTime>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace Sip::Internal {
namespace {

QString names(const QSslCertificate &certificate)
{
    QStringList result = certificate.subjectInfo(QSslCertificate::CommonName);
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (!result.contains(it.value()))
            result << it.value();
    }
    return result.isEmpty() ? QStringLiteral("(no name)") : result.join(QStringLiteral(", "));
}

QString issuer(const QSslCertificate &certificate)
{
    const QStringList parts =
        certificate.issuerInfo(QSslCertificate::CommonName) + certificate.issuerInfo(QSslCertificate::Organization);
    return parts.isEmpty() ? QStringLiteral("an unnamed issuer") : parts.join(QStringLiteral(", "));
}

QString day(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

bool isTrustProblem(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return true;
    default:
        return false;
    }
}

} // namespace

TlsProbe::TlsProbe(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    qRegisterMetaType<Sip::Internal::TlsProbeResult>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        TlsProbeResult result;
        result.reachable = m_connected;
        result.reasonPhrase = QStringLiteral("TLS Timeout");
        result.summary = QStringLiteral("TLS check of %1 timed out").arg(m_peer);
        result.diagnosis = m_connected
                               ? QStringLiteral("The server at %1 accepted the connection but never completed the TLS "
                                                "handshake. Check that this port speaks TLS (5061 is usual) and "
                                                "that no firewall or proxy interferes.")
                                     .arg(m_peer)
                               : QStringLiteral("No answer from %1 for a TLS connection. Check the server address "
                                                "and port (5061 is usual for TLS), the network and any firewall.")
                                     .arg(m_peer);
        finish(result);
    });
}

TlsProbe::~TlsProbe()
{
    cancel();
}

void TlsProbe::start(const QString &serverName, const QString &address, quint16 port,
                     const QList<QSslCertificate> &trusted, int timeoutMs)
{
    cancel();
    m_serverName = serverName;
    m_peer = (address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address) + QLatin1Char(':') +
             QString::number(port);
    m_sslErrors.clear();
    m_connected = false;
    if (!QSslSocket::supportsSsl()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                TlsProbeResult result;
                result.reasonPhrase = QStringLiteral("TLS Unavailable");
                result.summary = QStringLiteral("TLS is not available on this system");
                result.diagnosis = QStringLiteral("This system has no TLS library Offhook can use, so it cannot "
                                                  "check the server's certificate. Use UDP or TCP, or install "
                                                  "OpenSSL.");
                finish(result);
            },
            Qt::QueuedConnection);
        return;
    }
    m_socket = new QSslSocket(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(trusted);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket->setSslConfiguration(configuration);
    connect(m_socket, &QSslSocket::connected, this, [this] { m_connected = true; });
    connect(m_socket, &QSslSocket::encrypted, this, &TlsProbe::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &TlsProbe::onFailed);
    m_timer->start(timeoutMs);
    // Connect to the address Offhook resolved, verify and send SNI for the name the user gave.
    m_socket->connectToHostEncrypted(address, port, serverName);
}

void TlsProbe::cancel()
{
    m_timer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void TlsProbe::finish(TlsProbeResult result)
{
    cancel();
    Q_EMIT finished(result);
}

void TlsProbe::onEncrypted()
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    const QSslCipher cipher = m_socket->sessionCipher();
    TlsProbeResult result;
    result.ok = true;
    result.reachable = true;
    result.summary = QStringLiteral("TLS certificate of %1 verified: %2, issued by %3, valid until %4 (%5, %6)")
                         .arg(m_serverName, names(certificate), issuer(certificate), day(certificate.expiryDate()),
                              cipher.protocolString(), cipher.name());
    m_socket->disconnectFromHost();
    finish(result);
}

void TlsProbe::onFailed()
{
    TlsProbeResult result;
    result.reachable = m_connected;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (!m_sslErrors.isEmpty()) {
        result.reasonPhrase = QStringLiteral("TLS Certificate Rejected");
        result.diagnosis = explain(m_sslErrors, m_serverName);
        QStringList texts;
        for (const QSslError &sslError : std::as_const(m_sslErrors))
            texts << sslError.errorString();
        result.summary = QStringLiteral("TLS certificate of %1 at %2 rejected: %3")
                             .arg(m_serverName, m_peer, texts.join(QStringLiteral("; ")));
    } else if (error == QAbstractSocket::ConnectionRefusedError) {
        result.reasonPhrase = QStringLiteral("Connection Refused");
        result.summary = QStringLiteral("TLS connection to %1 refused").arg(m_peer);
        result.diagnosis = QStringLiteral("Nothing accepts connections at %1. Check the server address and the "
                                          "port (5061 is usual for TLS), and that the server offers TLS.")
                               .arg(m_peer);
    } else if (m_connected) {
        result.reasonPhrase = QStringLiteral("TLS Handshake Failed");
        result.summary = QStringLiteral("TLS handshake with %1 failed: %2").arg(m_peer, m_socket->errorString());
        result.diagnosis = QStringLiteral("Something answered at %1 but the TLS handshake failed (%2). The port may "
                                          "not be a TLS port (use 5060 with UDP/TCP, 5061 with TLS), or the server "
                                          "and Offhook share no TLS version.")
                               .arg(m_peer, m_socket->errorString());
    } else {
        result.reasonPhrase = QStringLiteral("Network Error");
        result.summary = QStringLiteral("TLS connection to %1 failed: %2").arg(m_peer, m_socket->errorString());
        result.diagnosis = QStringLiteral("Could not connect to %1 (%2). Check the server address, port, network "
                                          "and firewall.")
                               .arg(m_peer, m_socket->errorString());
    }
    finish(result);
}

QString TlsProbe::describeCertificate(const QSslCertificate &certificate)
{
    return QStringLiteral("%1, issued by %2, valid until %3")
        .arg(names(certificate), issuer(certificate), day(certificate.expiryDate()));
}

QString TlsProbe::explain(const QList<QSslError> &errors, const QString &serverName)
{
    // Name first: a certificate for another host is the commonest mistake (an IP typed for a name).
    for (const QSslError &error : errors) {
        if (error.error() == QSslError::HostNameMismatch)
            return QStringLiteral("The server's TLS certificate is for %1, not for %2. Enter the SIP server exactly "
                                  "as the certificate names it (an IP address rarely works with TLS).")
                .arg(names(error.certificate()), serverName);
    }
    for (const QSslError &error : errors) {
        const QSslCertificate certificate = error.certificate();
        switch (error.error()) {
        case QSslError::CertificateExpired:
            return QStringLiteral("The server's TLS certificate expired on %1 — or this computer's clock is wrong "
                                  "(it says %2). Ask the provider to renew it, or set the clock.")
                .arg(day(certificate.expiryDate()), day(QDateTime::currentDateTimeUtc()));
        case QSslError::CertificateNotYetValid:
            return QStringLiteral("The server's TLS certificate is only valid from %1 — check this computer's clock "
                                  "(it says %2).")
                .arg(day(certificate.effectiveDate()), day(QDateTime::currentDateTimeUtc()));
        default:
            break;
        }
    }
    for (const QSslError &error : errors) {
        if (isTrustProblem(error.error()))
            return QStringLiteral("The server's TLS certificate (%1, issued by %2) is not signed by an authority "
                                  "this computer trusts. If your provider uses its own certificate authority, give "
                                  "Offhook its CA certificate (CA file); otherwise this may not be your provider's "
                                  "server.")
                .arg(names(error.certificate()), issuer(error.certificate()));
    }
    return errors.isEmpty()
               ? QString()
               : QStringLiteral("The server's TLS certificate was refused: %1.").arg(errors.first().errorString());
}

} // namespace Sip::Internal
