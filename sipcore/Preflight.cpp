// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/Preflight.h"

#include "sipcore/SipAddress.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/OptionsProbe.h"
#include "sipcore/internal/TlsTrustStore.h"

#include <QDnsLookup>
#include <QHostAddress>
#include <QHostInfo>
#include <QTimer>
#include <algorithm>

namespace Sip {

namespace {
bool isLocalName(const QString &host)
{
    const QString lower = host.toLower();
    return lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")) ||
           !lower.contains(QLatin1Char('.'));
}

QString srvName(Transport transport, const QString &host)
{
    switch (transport) {
    case Transport::Tcp:
        return QStringLiteral("_sip._tcp.") + host;
    case Transport::Tls:
        return QStringLiteral("_sips._tcp.") + host;
    default:
        return QStringLiteral("_sip._udp.") + host;
    }
}
} // namespace

struct Preflight::Target
{
    PreflightProbe probe;
    bool srvPending = false;
};

Preflight::Preflight(SipLog *log, QObject *parent) : QObject(parent), m_log(log)
{
    qRegisterMetaType<Sip::PreflightReport>();
}

Preflight::~Preflight() = default;

void Preflight::start(const LineConfig &line)
{
    start(line, Options());
}

void Preflight::cancel()
{
    ++m_generation;
    m_running = false;
    m_pendingDns = 0;
    m_pendingProbes = 0;
    // Probes and lookups are children. Later, not now: cancel() may run inside one of their signals.
    const QList<QObject *> children = this->children();
    for (QObject *child : children) {
        child->disconnect(this);
        if (auto *probe = qobject_cast<Internal::OptionsProbe *>(child))
            probe->abort();
        else if (auto *lookup = qobject_cast<QDnsLookup *>(child))
            lookup->abort();
        child->deleteLater();
    }
}

void Preflight::start(const LineConfig &line, const Options &options)
{
    cancel();
    m_running = true;
    m_options = options;
    m_line = line;
    m_report = PreflightReport();
    m_report.lineTransport = line.transport == Transport::Invalid ? Transport::Udp : line.transport;
    m_targets.clear();
    m_addresses.clear();
    m_addressErrors.clear();
    m_trust = std::make_unique<Internal::TlsTrustStore>();
    if (m_options.transports.contains(Transport::Tls)) {
        QString trustError;
        if (!m_trust->prepare(m_options.caCertificatesFile, &trustError))
            m_report.dnsFindings << tr("TLS: %1").arg(trustError);
    }

    const QString serverText =
        line.outboundProxy.trimmed().isEmpty() ? line.server.trimmed() : line.outboundProxy.trimmed();
    m_report.server = serverText;
    const HostPort hostPort = HostPort::parse(serverText);
    m_domain = HostPort::parse(line.server).host;
    const quint64 generation = m_generation;
    if (!hostPort.valid) {
        m_report.dnsError = hostPort.error.isEmpty() ? tr("it is not a host name or address") : hostPort.error;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    done();
            },
            Qt::QueuedConnection);
        return;
    }
    m_host = hostPort.host;
    // An explicit port (in the server field or the line's port) is where the server is said to listen:
    // every transport is asked there, so a wrong transport choice shows as "answers on UDP, not TLS".
    const quint16 explicitPort = line.outboundProxy.trimmed().isEmpty() && line.port ? line.port : hostPort.port;
    logStep(tr("Preflight check of %1").arg(serverText));

    const bool literal = hostPort.isIpLiteral();
    for (const Transport transport : m_options.transports) {
        Target target;
        target.probe.transport = transport;
        target.probe.host = m_host;
        if (explicitPort) {
            target.probe.port = explicitPort;
            target.probe.how = tr("port given");
        } else {
            target.probe.port = Address::defaultPort(transport);
            target.probe.how = tr("default port");
            target.srvPending = !literal && !isLocalName(m_host);
        }
        m_targets.append(target);
    }
    if (literal) {
        m_addresses.insert(m_host, {QHostAddress(m_host).toString()});
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    maybeProbe();
            },
            Qt::QueuedConnection);
        return;
    }
    Q_EMIT progress(tr("Looking up %1…").arg(m_host));
    lookupAddress(m_host);
    for (int index = 0; index < m_targets.size(); ++index) {
        if (m_targets[index].srvPending)
            lookupSrv(index);
    }
}

void Preflight::lookupSrv(int index)
{
    const quint64 generation = m_generation;
    const QString name = srvName(m_targets[index].probe.transport, m_host);
    auto *lookup = new QDnsLookup(QDnsLookup::SRV, name, this);
    auto *timeout = new QTimer(lookup);
    timeout->setSingleShot(true);
    ++m_pendingDns;
    auto settle = [this, index, name, lookup, generation](bool timedOut) {
        if (generation != m_generation)
            return;
        Target &target = m_targets[index];
        if (!target.srvPending)
            return;
        target.srvPending = false;
        QList<QDnsServiceRecord> records = timedOut ? QList<QDnsServiceRecord>() : lookup->serviceRecords();
        if (timedOut || lookup->error() != QDnsLookup::NoError || records.isEmpty()) {
            m_report.dnsFindings << tr("no SRV record %1 (%2); using port %3")
                                        .arg(name, timedOut ? tr("no answer") : lookup->errorString())
                                        .arg(target.probe.port);
        } else {
            std::sort(records.begin(), records.end(), [](const QDnsServiceRecord &a, const QDnsServiceRecord &b) {
                return a.priority() != b.priority() ? a.priority() < b.priority() : a.weight() > b.weight();
            });
            QString host = records.constFirst().target();
            if (host.endsWith(u'.'))
                host.chop(1);
            target.probe.host = host;
            target.probe.port = records.constFirst().port();
            target.probe.how = QStringLiteral("SRV %1 -> %2:%3").arg(name, host).arg(target.probe.port);
            m_report.dnsFindings << tr("SRV record %1 points to %2 port %3").arg(name, host).arg(target.probe.port);
            if (!m_addresses.contains(host))
                lookupAddress(host);
        }
        lookup->deleteLater();
        --m_pendingDns;
        maybeProbe();
    };
    connect(lookup, &QDnsLookup::finished, this, [settle] { settle(false); });
    connect(timeout, &QTimer::timeout, this, [settle, lookup] {
        settle(true);
        lookup->abort();
    });
    timeout->start(m_options.dnsTimeoutMs);
    lookup->lookup();
}

void Preflight::lookupAddress(const QString &host)
{
    const quint64 generation = m_generation;
    m_addresses.insert(host, {}); // pending: no second lookup of the same name
    ++m_pendingDns;
    QHostInfo::lookupHost(host, this, [this, host, generation](const QHostInfo &info) {
        if (generation != m_generation)
            return;
        QStringList v4;
        QStringList v6;
        for (const QHostAddress &address : info.addresses())
            (address.protocol() == QAbstractSocket::IPv6Protocol ? v6 : v4) << address.toString();
        if (info.error() != QHostInfo::NoError || (v4.isEmpty() && v6.isEmpty())) {
            const QString why = info.errorString().isEmpty() ? tr("no address") : info.errorString();
            m_addressErrors.insert(host, why);
            m_report.dnsFindings << tr("%1 has no address (%2)").arg(host, why);
        } else {
            QStringList parts;
            if (!v4.isEmpty())
                parts << tr("IPv4 (A) %1").arg(v4.join(QStringLiteral(", ")));
            if (!v6.isEmpty())
                parts << tr("IPv6 (AAAA) %1").arg(v6.join(QStringLiteral(", ")));
            m_report.dnsFindings << tr("%1 has %2").arg(host, parts.join(tr(" and ")));
        }
        // Most PBXs and carriers still register on IPv4: probe that first.
        m_addresses.insert(host, v4 + v6);
        --m_pendingDns;
        maybeProbe();
    });
}

void Preflight::maybeProbe()
{
    if (!m_running || m_pendingDns > 0 || m_pendingProbes > 0)
        return;
    const bool mainFailed = m_addressErrors.contains(m_host);
    bool anyResolved = false;
    for (Target &target : m_targets) {
        const QStringList addresses = m_addresses.value(target.probe.host);
        if (addresses.isEmpty()) {
            target.probe.outcome = PreflightProbe::Outcome::NotResolved;
            target.probe.error = m_addressErrors.value(target.probe.host, tr("no address"));
        } else {
            target.probe.address = addresses.constFirst();
            anyResolved = true;
        }
    }
    if (mainFailed && !anyResolved) {
        m_report.dnsError = m_addressErrors.value(m_host);
        for (const Target &target : std::as_const(m_targets))
            m_report.probes.append(target.probe);
        done();
        return;
    }
    startProbes();
}

void Preflight::startProbes()
{
    const quint64 generation = m_generation;
    Q_EMIT progress(tr("Sending OPTIONS…"));
    for (const Target &target : std::as_const(m_targets)) {
        if (target.probe.outcome != PreflightProbe::Outcome::Invalid) {
            m_report.probes.append(target.probe);
            continue;
        }
        auto *probe = new Internal::OptionsProbe(target.probe, m_line.extension, m_domain, m_options.probeTimeoutMs,
                                                 m_trust->certificates(), this);
        connect(probe, &Internal::OptionsProbe::messageLogged, this, [this, generation](LogEntry entry) {
            if (generation != m_generation || !m_log)
                return;
            entry.lineId = m_options.logLineId;
            m_log->append(entry);
        });
        connect(probe, &Internal::OptionsProbe::finished, this,
                [this, probe, generation](const PreflightProbe &result) {
                    if (generation != m_generation)
                        return;
                    probe->deleteLater();
                    probeFinished(result);
                });
        ++m_pendingProbes;
        probe->start();
    }
    if (m_pendingProbes == 0)
        done();
}

void Preflight::probeFinished(const PreflightProbe &probe)
{
    m_report.probes.append(probe);
    Q_EMIT progress(probe.describe());
    if (--m_pendingProbes == 0)
        done();
}

void Preflight::done()
{
    // Report the probes in the order asked for, whatever order they finished in.
    std::stable_sort(m_report.probes.begin(), m_report.probes.end(),
                     [this](const PreflightProbe &a, const PreflightProbe &b) {
                         return m_options.transports.indexOf(a.transport) < m_options.transports.indexOf(b.transport);
                     });
    m_running = false;
    logStep(m_report.summary());
    Q_EMIT finished(m_report);
}

void Preflight::logStep(const QString &text)
{
    if (m_log)
        m_log->appendStep(m_options.logLineId, text);
}

} // namespace Sip
