// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/HostResolver.h"

#include "sipcore/SipAddress.h"

#include <QDnsLookup>
#include <QHostAddress>
#include <QHostInfo>
#include <QTimer>
#include <QUdpSocket>
#include <algorithm>

namespace Sip::Internal {
namespace {

constexpr int kSrvTimeoutMs = 3000;

bool isLocalName(const QString &host)
{
    const QString lower = host.toLower();
    return lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")) ||
           lower.endsWith(QLatin1String(".local")) || !lower.contains(QLatin1Char('.'));
}

QString srvPrefix(Transport transport)
{
    switch (transport) {
    case Transport::Tcp:
        return QStringLiteral("_sip._tcp.");
    case Transport::Tls:
        return QStringLiteral("_sips._tcp.");
    default:
        return QStringLiteral("_sip._udp.");
    }
}

} // namespace

HostResolver::HostResolver(QObject *parent) : QObject(parent), m_srvTimeout(new QTimer(this))
{
    qRegisterMetaType<Sip::Internal::ResolvedTarget>();
    m_srvTimeout->setSingleShot(true);
}

void HostResolver::cancel()
{
    ++m_generation;
    m_srvTimeout->stop();
    if (m_srv) {
        m_srv->abort();
        m_srv->deleteLater();
        m_srv = nullptr;
    }
    if (m_hostLookupId >= 0) {
        QHostInfo::abortHostLookup(m_hostLookupId);
        m_hostLookupId = -1;
    }
}

void HostResolver::resolve(const QString &host, quint16 port, Transport transport)
{
    cancel();
    const quint64 generation = m_generation;
    QHostAddress literal;
    if (literal.setAddress(host)) {
        ResolvedTarget target;
        target.ok = true;
        target.address = literal.toString();
        target.port = port ? port : Address::defaultPort(transport);
        target.description = QStringLiteral("%1 is an IP address").arg(host);
        QMetaObject::invokeMethod(
            this,
            [this, target, generation] {
                if (generation == m_generation)
                    finish(target);
            },
            Qt::QueuedConnection);
        return;
    }
    if (port != 0 || isLocalName(host)) {
        lookupAddress(host, port ? port : Address::defaultPort(transport), QString());
        return;
    }
    const QString srvName = srvPrefix(transport) + host;
    m_srv = new QDnsLookup(QDnsLookup::SRV, srvName, this);
    QDnsLookup *lookup = m_srv;
    auto fallback = [this, host, transport, srvName, generation](const QString &why) {
        if (generation != m_generation)
            return;
        lookupAddress(host, Address::defaultPort(transport), QStringLiteral("no SRV record %1 (%2)").arg(srvName, why));
    };
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, srvName, fallback, generation] {
        if (generation != m_generation)
            return;
        m_srvTimeout->stop();
        lookup->deleteLater();
        m_srv = nullptr;
        QList<QDnsServiceRecord> records = lookup->serviceRecords();
        if (lookup->error() != QDnsLookup::NoError || records.isEmpty()) {
            fallback(lookup->errorString());
            return;
        }
        std::sort(records.begin(), records.end(), [](const QDnsServiceRecord &a, const QDnsServiceRecord &b) {
            return a.priority() != b.priority() ? a.priority() < b.priority() : a.weight() > b.weight();
        });
        const QDnsServiceRecord best = records.constFirst();
        QString target = best.target();
        if (target.endsWith(QLatin1Char('.')))
            target.chop(1);
        lookupAddress(target, best.port(), QStringLiteral("SRV %1 -> %2:%3").arg(srvName, target).arg(best.port()));
    });
    disconnect(m_srvTimeout, nullptr, this, nullptr);
    connect(m_srvTimeout, &QTimer::timeout, this, [this, fallback] {
        if (m_srv) {
            m_srv->abort();
            m_srv->deleteLater();
            m_srv = nullptr;
        }
        fallback(QStringLiteral("no answer within %1 s").arg(kSrvTimeoutMs / 1000));
    });
    m_srvTimeout->start(kSrvTimeoutMs);
    lookup->lookup();
}

void HostResolver::lookupAddress(const QString &host, quint16 port, const QString &how)
{
    const quint64 generation = m_generation;
    m_hostLookupId = QHostInfo::lookupHost(host, this, [this, host, port, how, generation](const QHostInfo &info) {
        if (generation != m_generation)
            return;
        m_hostLookupId = -1;
        ResolvedTarget target;
        const QList<QHostAddress> addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            target.error =
                QStringLiteral("the name \"%1\" could not be looked up: %2")
                    .arg(host, info.errorString().isEmpty() ? QStringLiteral("no address") : info.errorString());
            finish(target);
            return;
        }
        // Prefer IPv4: most PBXs and carriers still register on it.
        QHostAddress chosen = addresses.constFirst();
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                chosen = address;
                break;
            }
        }
        target.ok = true;
        target.address = chosen.toString();
        target.port = port;
        target.description = (how.isEmpty() ? QString() : how + QStringLiteral("; ")) +
                             QStringLiteral("%1 -> %2").arg(host, target.address);
        finish(target);
    });
}

void HostResolver::finish(const ResolvedTarget &target)
{
    Q_EMIT finished(target);
}

QString HostResolver::localAddressFor(const QString &remoteAddress, quint16 port)
{
    const QHostAddress remote(remoteAddress);
    if (remote.isLoopback())
        return remote.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    QUdpSocket probe;
    probe.connectToHost(remote, port ? port : 5060);
    if (!probe.waitForConnected(200))
        return {};
    return probe.localAddress().toString();
}

} // namespace Sip::Internal
