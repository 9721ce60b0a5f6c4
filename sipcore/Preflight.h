// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/PreflightReport.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <memory>

namespace Sip {

class SipLog;
namespace Internal {
class TlsTrustStore;
}

/// Checks a server before (or instead of) registering: looks the name up (SRV for each transport,
/// A/AAAA), sends one SIP OPTIONS over UDP, TCP and TLS, and reports in plain words what answered on
/// which transport. Needs no registered line and does not use the engine thread: it runs on plain Qt
/// sockets in the thread that owns it (the GUI or CLI thread, with an event loop). The OPTIONS sent and
/// received go to the SIP log when one is given.
class Preflight : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int probeTimeoutMs = 4000; ///< Per transport, after DNS
        int dnsTimeoutMs = 3000;   ///< Per SRV lookup
        QList<Transport> transports = {Transport::Udp, Transport::Tcp, Transport::Tls};
        QString logLineId; ///< lineId of the log entries (empty: not tied to a line)
        /// Extra PEM file of trusted authorities, as EngineOptions::caCertificatesFile: the TLS probe
        /// trusts exactly what the engine trusts (the system's authorities plus this file).
        QString caCertificatesFile;
    };

    explicit Preflight(SipLog *log = nullptr, QObject *parent = nullptr);
    ~Preflight() override;

    /// Checks the line's outbound proxy when it has one, else its server. Cancels a running check.
    /// finished() is always emitted later, never inside this call.
    void start(const LineConfig &line, const Options &options);
    void start(const LineConfig &line);
    void cancel();
    bool isRunning() const { return m_running; }
    PreflightReport lastReport() const { return m_report; }

Q_SIGNALS:
    /// A step in words, as it happens ("Looking up pbx.example…").
    void progress(const QString &text);
    void finished(const Sip::PreflightReport &report);

private:
    struct Target;
    void lookupSrv(int index);
    void lookupAddress(const QString &host);
    void maybeProbe();
    void startProbes();
    void probeFinished(const PreflightProbe &probe);
    void logStep(const QString &text);
    void done();

    SipLog *m_log;
    Options m_options;
    LineConfig m_line;
    PreflightReport m_report;
    QString m_host;
    QString m_domain;
    QList<Target> m_targets;
    QHash<QString, QStringList> m_addresses; ///< host -> addresses (IPv4 first); empty list = failed
    QHash<QString, QString> m_addressErrors;
    std::unique_ptr<Internal::TlsTrustStore> m_trust; ///< Authorities for the TLS probe (system + CA file)
    int m_pendingDns = 0;
    int m_pendingProbes = 0;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Sip
