// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class QSslSocket;
class QTimer;

namespace Sip::Internal {

/// What a TLS check of a SIP server found.
struct TlsProbeResult
{
    bool ok = false;
    bool reachable = false; ///< Something accepted the TCP connection
    QString summary;        ///< One log line: the certificate and session, or what failed
    QString reasonPhrase;   ///< Short, for "FAILED 503 <reason>"
    QString diagnosis;      ///< Plain words a user can act on (empty when ok)
};

/// Checks a server's TLS certificate before Sofia-SIP is pointed at it: Sofia verifies the chain but not
/// the name (it only knows the IP address Offhook resolved), sends no SNI, and reports a refused
/// certificate as a silent 32 s timeout. This check connects with Qt, sends SNI, verifies chain, dates and
/// the server name, and explains any failure. Lives in the façade's thread (needs its event loop).
class TlsProbe : public QObject
{
    Q_OBJECT
public:
    explicit TlsProbe(QObject *parent = nullptr);
    ~TlsProbe() override;

    /// Connects to address:port and verifies the certificate for serverName. finished() always follows,
    /// never inside this call. A running check is cancelled first.
    void start(const QString &serverName, const QString &address, quint16 port, const QList<QSslCertificate> &trusted,
               int timeoutMs);
    void cancel();

    /// Plain-language reading of certificate errors for serverName (the first that matters most).
    static QString explain(const QList<QSslError> &errors, const QString &serverName);
    /// "NAMES, issued by ISSUER, valid until YYYY-MM-DD".
    static QString describeCertificate(const QSslCertificate &certificate);

Q_SIGNALS:
    void finished(const Sip::Internal::TlsProbeResult &result);

private:
    void finish(TlsProbeResult result);
    void onEncrypted();
    void onFailed();

    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QString m_serverName;
    QString m_peer;
    QList<QSslError> m_sslErrors;
    bool m_connected = false;
};

} // namespace Sip::Internal

Q_DECLARE_METATYPE(Sip::Internal::TlsProbeResult)
