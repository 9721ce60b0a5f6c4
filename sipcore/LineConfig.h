// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Sip {

/// SIP transport a line uses towards its server.
enum class Transport
{
    Invalid = 0,
    Udp,
    Tcp,
    Tls
};

QString transportName(Transport transport);       ///< "udp", "tcp", "tls"
Transport transportFromName(const QString &name); ///< Invalid when unknown

/// Everything needed to register one line (extension@server). A plain value; any thread.
struct LineConfig
{
    QString id;          ///< Stable id chosen by the owner (settings key); never empty in a valid line
    QString displayName; ///< Optional, goes into From/Contact display part
    QString extension;   ///< User part of the address, left of the @
    QString server;      ///< SIP server (domain), right of the @; may carry ":port" or be an IPv6 literal
    QString authUser;    ///< Digest user name; empty means "same as extension"
    QString password;    ///< Digest password; kept in memory only
    Transport transport = Transport::Udp;
    quint16 port = 0;         ///< 0 = from server, or SRV, or 5060/5061
    int expiresSeconds = 300; ///< Requested registration lifetime
    /// Keep-alive interval while registered: keeps a NAT router's UDP mapping (30-120 s on common routers)
    /// open so the server can still reach this phone, and finds out when it cannot. 0 = off.
    int keepaliveSeconds = kDefaultKeepaliveSeconds;
    static constexpr int kDefaultKeepaliveSeconds = 25;
    QString outboundProxy; ///< Optional host[:port] every request is sent through
    bool enabled = true;
    /// This line's +sip.instance (RFC 5626): a UUID that stays the same across restarts, so a restart after a
    /// crash replaces the stale binding instead of adding one. Empty = derived from this installation
    /// (machine id) and the line (instanceUuid()).
    QString instanceId;
    /// Sound output this line's calls play on (as broadcast systems give each line its own fader); empty =
    /// the preferences' speaker. Used by the application's media, not by the engine.
    QString audioOutputDevice;

    QString effectiveAuthUser() const { return authUser.isEmpty() ? extension : authUser; }
    /// instanceId, or the UUID derived from the machine, the line's id and its address of record:
    /// "f81d4fae-7dec-11d0-a765-00a0c91e6bf6".
    QString instanceUuid() const;
    /// Human-readable problems, empty when the line can be registered.
    QStringList validate() const;
    bool operator==(const LineConfig &other) const = default;
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::LineConfig)
