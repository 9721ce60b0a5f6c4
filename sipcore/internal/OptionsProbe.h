// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"
#include "sipcore/PreflightReport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>

class QAbstractSocket;
class QTimer;

namespace Sip::Internal {

/// Sends one SIP OPTIONS to one address over one transport with plain Qt sockets (UDP with
/// retransmission, TCP, TLS) and reports whether anything answered. Used by the preflight check, which
/// must work without a registered line and without touching the engine thread. Lives in the thread
/// that created it (needs its event loop).
class OptionsProbe : public QObject
{
    Q_OBJECT
public:
    /// probe holds transport, host, address and port; fromUser is the user part for From. Over TLS the
    /// server's certificate is checked against trusted (TlsTrustStore) and the verdict put in the probe;
    /// an untrusted certificate does not stop the OPTIONS, so reachability and trust are both reported.
    OptionsProbe(const PreflightProbe &probe, const QString &fromUser, const QString &domain, int timeoutMs,
                 const QList<QSslCertificate> &trusted = {}, QObject *parent = nullptr);
    ~OptionsProbe() override;

    void start();
    /// Stops at once without reporting.
    void abort();

    /// The OPTIONS request as sent. Pure.
    static QByteArray buildRequest(const PreflightProbe &probe, const QString &fromUser, const QString &domain,
                                   const QString &localAddress, quint16 localPort, const QByteArray &callId,
                                   const QByteArray &branch, const QByteArray &tag);

Q_SIGNALS:
    void messageLogged(const Sip::LogEntry &entry);
    void finished(const Sip::PreflightProbe &probe);

private:
    void send();
    void onReadable();
    void onSocketError();
    void finish(PreflightProbe::Outcome outcome, const QString &error = {});
    void log(LogEntry::Kind kind, const QByteArray &raw);

    PreflightProbe m_probe;
    QString m_fromUser;
    QString m_domain;
    int m_timeoutMs;
    QList<QSslCertificate> m_trusted;
    QAbstractSocket *m_socket = nullptr;
    QTimer *m_deadline;
    QTimer *m_retransmit;
    int m_retransmitMs = 500;
    QByteArray m_request;
    QByteArray m_callId;
    QByteArray m_buffer;
    QElapsedTimer m_clock;
    bool m_unreachableSeen = false;
    bool m_done = false;
};

} // namespace Sip::Internal
