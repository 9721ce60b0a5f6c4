// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QObject>
#include <QPointer>

class QDnsLookup;
class QTimer;

namespace Sip::Internal {

/// Where a SIP server really is, after DNS.
struct ResolvedTarget
{
    bool ok = false;
    QString address; ///< IP literal (no brackets)
    quint16 port = 0;
    QString description; ///< How it was found, e.g. "SRV _sip._udp.example.com -> sip1.example.com:5080"
    QString error;       ///< Plain words when !ok
};

/// Resolves a SIP server name the way the system does (so /etc/hosts counts): RFC 3263 lite — an
/// explicit port means A/AAAA only; otherwise SRV first (bounded in time), then A/AAAA with the
/// default port. Sofia's own resolver is never used. Lives in the façade's thread (needs its event loop).
class HostResolver : public QObject
{
    Q_OBJECT
public:
    explicit HostResolver(QObject *parent = nullptr);

    /// Starts a lookup; cancels any running one. finished() is always emitted later, never inside this call.
    void resolve(const QString &host, quint16 port, Transport transport);
    void cancel();

    /// The local address the system would use to reach this address (for binding and Contact).
    static QString localAddressFor(const QString &remoteAddress, quint16 port);

Q_SIGNALS:
    void finished(const Sip::Internal::ResolvedTarget &target);

private:
    void lookupAddress(const QString &host, quint16 port, const QString &how);
    void finish(const ResolvedTarget &target);

    quint64 m_generation = 0;
    QPointer<QDnsLookup> m_srv;
    int m_hostLookupId = -1;
    QTimer *m_srvTimeout = nullptr;
};

} // namespace Sip::Internal

Q_DECLARE_METATYPE(Sip::Internal::ResolvedTarget)
