// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/OptionsProbe.h"

#include "sipcore/SipAddress.h"
#include "sipcore/internal/SipResponseHead.h"
#include "sipcore/internal/TlsProbe.h"

#include <QHostAddress>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslSocket>
#endif

namespace Sip::Internal {

namespace {
QByteArray randomToken(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    return data.toHex();
}

QString bracketed(const QString &address)
{
    return address.contains(u':') ? u'[' + address + u']' : address;
}
} // namespace

OptionsProbe::OptionsProbe(const PreflightProbe &probe, const QString &fromUser, const QString &domain, int timeoutMs,
                           const QList<QSslCertificate> &trusted, QObject *parent)
    : QObject(parent), m_probe(probe), m_fromUser(fromUser), m_domain(domain), m_timeoutMs(timeoutMs),
      m_trusted(trusted), m_deadline(new QTimer(this)), m_retransmit(new QTimer(this)),
      m_callId(randomToken(10) + "@offhook-preflight")
{
    m_deadline->setSingleShot(true);
    m_retransmit->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this,
            [this] { finish(PreflightProbe::Outcome::TimedOut, tr("%1 s").arg(m_timeoutMs / 1000.0, 0, 'g', 2)); });
    connect(m_retransmit, &QTimer::timeout, this, [this] {
        // RFC 3261 timer A: double the interval, at most T2 (4 s).
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
            if (m_socket->write(m_request) < 0 && m_unreachableSeen) {
                finish(PreflightProbe::Outcome::Refused, tr("port unreachable"));
                return;
            }
            log(LogEntry::Kind::Sent, m_request);
        }
        m_retransmitMs = qMin(m_retransmitMs * 2, 4000);
        m_retransmit->start(m_retransmitMs);
    });
}

OptionsProbe::~OptionsProbe()
{
    if (m_socket)
        m_socket->abort();
}

QByteArray OptionsProbe::buildRequest(const PreflightProbe &probe, const QString &fromUser, const QString &domain,
                                      const QString &localAddress, quint16 localPort, const QByteArray &callId,
                                      const QByteArray &branch, const QByteArray &tag)
{
    const QByteArray transport = transportDisplayName(probe.transport).toLatin1();
    const QByteArray target = bracketed(probe.host).toUtf8() + ':' + QByteArray::number(probe.port);
    const QByteArray local = bracketed(localAddress).toUtf8() + ':' + QByteArray::number(localPort);
    const QByteArray scheme = probe.transport == Transport::Tls ? "sips:" : "sip:";
    const QByteArray user =
        Address::escapeUserPart(fromUser.isEmpty() ? QStringLiteral("preflight") : fromUser).toUtf8();
    const QByteArray domainBytes = domain.toUtf8();
    QByteArray request;
    request += "OPTIONS " + scheme + target + " SIP/2.0\r\n";
    request += "Via: SIP/2.0/" + transport + ' ' + local + ";branch=z9hG4bK" + branch + ";rport\r\n";
    request += "Max-Forwards: 70\r\n";
    request += "From: <" + scheme + user + '@' + domainBytes + ">;tag=" + tag + "\r\n";
    request += "To: <" + scheme + domainBytes + ">\r\n";
    request += "Call-ID: " + callId + "\r\n";
    request += "CSeq: 1 OPTIONS\r\n";
    request += "Contact: <" + scheme + user + '@' + local + ";transport=" + transport.toLower() + ">\r\n";
    request += "Accept: application/sdp\r\n";
    request += "User-Agent: Offhook/" OFFHOOK_VERSION "\r\n";
    request += "Content-Length: 0\r\n\r\n";
    return request;
}

void OptionsProbe::start()
{
    m_clock.start();
    m_deadline->start(m_timeoutMs);
    const QHostAddress address(m_probe.address);
    switch (m_probe.transport) {
    case Transport::Udp: {
        auto *socket = new QUdpSocket(this);
        m_socket = socket;
        connect(socket, &QUdpSocket::readyRead, this, &OptionsProbe::onReadable);
        connect(socket, &QUdpSocket::errorOccurred, this, &OptionsProbe::onSocketError);
        // A connected UDP socket sees ICMP "port unreachable" as ConnectionRefusedError.
        connect(socket, &QUdpSocket::connected, this, &OptionsProbe::send);
        socket->connectToHost(address, m_probe.port);
        break;
    }
    case Transport::Tcp: {
        auto *socket = new QTcpSocket(this);
        m_socket = socket;
        connect(socket, &QTcpSocket::connected, this, &OptionsProbe::send);
        connect(socket, &QTcpSocket::readyRead, this, &OptionsProbe::onReadable);
        connect(socket, &QTcpSocket::errorOccurred, this, &OptionsProbe::onSocketError);
        socket->connectToHost(address, m_probe.port);
        break;
    }
    case Transport::Tls: {
#if QT_CONFIG(ssl)
        if (!QSslSocket::supportsSsl()) {
            QMetaObject::invokeMethod(
                this, [this] { finish(PreflightProbe::Outcome::Failed, tr("TLS is not available on this system")); },
                Qt::QueuedConnection);
            return;
        }
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        // The engine's trust: system authorities plus the extra CA file (TlsTrustStore), and the name the
        // user gave, so this check and the registration accept and refuse the same certificates.
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(m_trusted);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            if (m_probe.certificate != PreflightProbe::Certificate::NotTrusted) {
                m_probe.certificate = PreflightProbe::Certificate::Trusted;
                m_probe.certificateText = TlsProbe::describeCertificate(socket->peerCertificate());
            }
            send();
        });
        connect(socket, &QSslSocket::readyRead, this, &OptionsProbe::onReadable);
        connect(socket, &QSslSocket::errorOccurred, this, &OptionsProbe::onSocketError);
        connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
            // Reachability is what is checked first; a refused certificate is reported, not fatal here.
            m_probe.certificate = PreflightProbe::Certificate::NotTrusted;
            m_probe.certificateText = TlsProbe::explain(errors, m_probe.host);
            socket->ignoreSslErrors();
        });
        socket->connectToHostEncrypted(m_probe.address, m_probe.port, m_probe.host);
#else
        QMetaObject::invokeMethod(
            this, [this] { finish(PreflightProbe::Outcome::Failed, tr("TLS is not available in this build")); },
            Qt::QueuedConnection);
#endif
        break;
    }
    case Transport::Invalid:
        QMetaObject::invokeMethod(
            this, [this] { finish(PreflightProbe::Outcome::Failed, tr("no transport")); }, Qt::QueuedConnection);
        break;
    }
}

void OptionsProbe::abort()
{
    m_done = true;
    m_deadline->stop();
    m_retransmit->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void OptionsProbe::send()
{
    if (m_done || !m_socket)
        return;
    m_request = buildRequest(m_probe, m_fromUser, m_domain, m_socket->localAddress().toString(), m_socket->localPort(),
                             m_callId, randomToken(8), randomToken(4));
    m_socket->write(m_request);
    log(LogEntry::Kind::Sent, m_request);
    if (m_probe.transport == Transport::Udp)
        m_retransmit->start(m_retransmitMs);
}

void OptionsProbe::onReadable()
{
    if (m_done || !m_socket)
        return;
    if (auto *udp = qobject_cast<QUdpSocket *>(m_socket)) {
        if (!udp->hasPendingDatagrams()) {
            // A connected UDP socket that turns readable without a datagram holds an error, on loopback
            // and LANs the ICMP "port unreachable" (Qt drops the error itself). Send once more to be
            // sure: a second one, or a failing send, means nothing listens there.
            if (m_unreachableSeen || m_socket->write(m_request) < 0) {
                finish(PreflightProbe::Outcome::Refused, tr("port unreachable"));
                return;
            }
            m_unreachableSeen = true;
            log(LogEntry::Kind::Sent, m_request);
            return;
        }
        while (udp->hasPendingDatagrams()) {
            const QNetworkDatagram datagram = udp->receiveDatagram();
            const SipResponseHead head = SipResponseHead::parse(datagram.data(), false);
            if (head.result != SipResponseHead::Result::Complete || head.callId != m_callId)
                continue;
            log(LogEntry::Kind::Received, datagram.data());
            m_probe.statusCode = head.statusCode;
            m_probe.reasonPhrase = head.reasonPhrase;
            m_probe.serverAgent = QString::fromUtf8(head.serverAgent);
            finish(PreflightProbe::Outcome::Answered);
            return;
        }
        return;
    }
    m_buffer += m_socket->readAll();
    while (!m_done) {
        const SipResponseHead head = SipResponseHead::parse(m_buffer, true);
        if (head.result == SipResponseHead::Result::NeedMore)
            return;
        if (head.result != SipResponseHead::Result::Complete) {
            log(LogEntry::Kind::Received, m_buffer.left(4096));
            finish(PreflightProbe::Outcome::Failed, tr("the answer is not SIP"));
            return;
        }
        const QByteArray message = m_buffer.left(head.messageBytes);
        m_buffer.remove(0, head.messageBytes);
        if (head.callId != m_callId)
            continue;
        log(LogEntry::Kind::Received, message);
        m_probe.statusCode = head.statusCode;
        m_probe.reasonPhrase = head.reasonPhrase;
        m_probe.serverAgent = QString::fromUtf8(head.serverAgent);
        finish(PreflightProbe::Outcome::Answered);
    }
}

void OptionsProbe::onSocketError()
{
    if (m_done || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::ConnectionRefusedError) {
        finish(PreflightProbe::Outcome::Refused,
               m_probe.transport == Transport::Udp ? tr("port unreachable") : tr("connection refused"));
    } else if (error == QAbstractSocket::RemoteHostClosedError && !m_request.isEmpty()) {
        finish(PreflightProbe::Outcome::Failed, tr("the server closed the connection without answering"));
    } else if (error == QAbstractSocket::SslHandshakeFailedError) {
        finish(PreflightProbe::Outcome::Failed, tr("the TLS handshake failed: %1").arg(m_socket->errorString()));
    } else if (error == QAbstractSocket::NetworkError || error == QAbstractSocket::HostNotFoundError) {
        finish(PreflightProbe::Outcome::Failed, m_socket->errorString());
    } else if (m_probe.transport != Transport::Udp) {
        finish(PreflightProbe::Outcome::Failed, m_socket->errorString());
    }
    // Other UDP errors (e.g. a stray datagram error) leave the retransmissions running.
}

void OptionsProbe::finish(PreflightProbe::Outcome outcome, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline->stop();
    m_retransmit->stop();
    m_probe.outcome = outcome;
    m_probe.error = error;
    if (outcome == PreflightProbe::Outcome::Answered)
        m_probe.roundTripMs = int(m_clock.elapsed());
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT finished(m_probe);
}

void OptionsProbe::log(LogEntry::Kind kind, const QByteArray &raw)
{
    LogEntry entry;
    entry.kind = kind;
    entry.transport = transportName(m_probe.transport);
    entry.peer = bracketed(m_probe.address) + u':' + QString::number(m_probe.port);
    entry.raw = raw;
    // Same first-line summary as the engine's log: "OPTIONS sip:…", "200 Keepalive".
    const qsizetype lineEnd = raw.indexOf('\r');
    QByteArray first = raw.left(lineEnd < 0 ? qMin<qsizetype>(raw.size(), 200) : lineEnd).trimmed();
    if (first.startsWith("SIP/2.0 "))
        first = first.mid(8);
    else if (first.endsWith(" SIP/2.0"))
        first.chop(8);
    entry.text = QString::fromUtf8(first);
    Q_EMIT messageLogged(entry);
}

} // namespace Sip::Internal
