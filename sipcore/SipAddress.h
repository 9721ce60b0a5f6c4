// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QString>

namespace Sip {

/// A host with an optional port, as typed by a user: "pbx.example", "pbx.example:5080", "10.0.0.1",
/// "[2001:db8::1]:5060", "2001:db8::1". Pure value helpers; any thread.
struct HostPort
{
    QString host;     ///< Without brackets
    quint16 port = 0; ///< 0 = not given
    bool valid = false;
    QString error; ///< Why it is not valid, in plain words

    static HostPort parse(const QString &text);
    bool isIpLiteral() const;
    bool isIpv6() const;
    /// host for a SIP URI: IPv6 in brackets, with ":port" when port != 0.
    QString uriHostPort() const;
};

namespace Address {
/// True if text is a valid SIP user part (RFC 3261 "user": unreserved, escaped, user-unreserved).
bool isValidUserPart(const QString &text, QString *error = nullptr);
/// Percent-escape a user part for use inside a URI.
QString escapeUserPart(const QString &user);
/// "sip:EXT@SERVER" (server without port; the address of record).
QString addressOfRecord(const LineConfig &line);
/// "EXT@SERVER" as shown to people.
QString displayAddress(const LineConfig &line);
/// Request-URI of REGISTER: "sip:SERVER[:PORT]".
QString registrarUri(const LineConfig &line);
/// Next-hop URI for an already-resolved address: "sip:IP:PORT;transport=udp".
QString nextHopUri(const QString &ip, quint16 port, Transport transport);
/// Default port for a transport: 5060, or 5061 for TLS.
quint16 defaultPort(Transport transport);
} // namespace Address

} // namespace Sip
