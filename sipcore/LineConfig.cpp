// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/LineConfig.h"

#include "sipcore/SipAddress.h"

namespace Sip {

QString transportName(Transport transport)
{
    switch (transport) {
    case Transport::Udp:
        return QStringLiteral("udp");
    case Transport::Tcp:
        return QStringLiteral("tcp");
    case Transport::Tls:
        return QStringLiteral("tls");
    case Transport::Invalid:
        break;
    }
    return {};
}

Transport transportFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("udp"))
        return Transport::Udp;
    if (lower == QLatin1String("tcp"))
        return Transport::Tcp;
    if (lower == QLatin1String("tls"))
        return Transport::Tls;
    return Transport::Invalid;
}

QStringList LineConfig::validate() const
{
    QStringList problems;
    QString error;
    if (id.trimmed().isEmpty())
        problems << QStringLiteral("The line has no id.");
    if (extension.isEmpty())
        problems << QStringLiteral("The extension (the part left of the @) is empty.");
    else if (!Address::isValidUserPart(extension, &error))
        problems << QStringLiteral("The extension is not a valid SIP user name: %1").arg(error);
    // The digest user goes into a quoted string and through Sofia's colon-separated credential string.
    for (QChar c : authUser) {
        if (c == QLatin1Char('"') || c == QLatin1Char(':') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control) {
            problems << QStringLiteral("The Auth User must not contain quotes, colons, backslashes or control characters.");
            break;
        }
    }
    const HostPort hostPort = HostPort::parse(server);
    if (!hostPort.valid)
        problems << QStringLiteral("The SIP server (the part right of the @) is not usable: %1").arg(hostPort.error);
    if (!outboundProxy.isEmpty()) {
        const HostPort proxy = HostPort::parse(outboundProxy);
        if (!proxy.valid)
            problems << QStringLiteral("The outbound proxy is not usable: %1").arg(proxy.error);
    }
    if (transport == Transport::Invalid)
        problems << QStringLiteral("Choose a transport: UDP, TCP or TLS.");
    if (expiresSeconds < 1 || expiresSeconds > 86400)
        problems << QStringLiteral("The registration expiry must be between 1 and 86400 seconds.");
    return problems;
}

} // namespace Sip
