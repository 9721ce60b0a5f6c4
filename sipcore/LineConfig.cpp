// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/LineConfig.h"

#include "sipcore/SipAddress.h"

#include <QSysInfo>
#include <QUuid>

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
        if (c == QLatin1Char('"') || c == QLatin1Char(':') || c == QLatin1Char('\\') ||
            c.category() == QChar::Other_Control) {
            problems << QStringLiteral(
                "The Auth User must not contain quotes, colons, backslashes or control characters.");
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
    if (keepaliveSeconds < 0 || keepaliveSeconds > 3600)
        problems << QStringLiteral("The keep-alive interval must be between 0 (off) and 3600 seconds.");
    return problems;
}

QString LineConfig::instanceUuid() const
{
    const QUuid configured = QUuid::fromString(instanceId);
    if (!configured.isNull())
        return configured.toString(QUuid::WithoutBraces);
    // Stable for this machine and line, different for every other: the namespace is Offhook's own.
    static const QUuid kNamespace = QUuid::fromString(QStringLiteral("{5b0c3f0e-7f4a-4c52-9d3e-0ff0c0c0a11e}"));
    QByteArray machine = QSysInfo::machineUniqueId();
    if (machine.isEmpty())
        machine = QSysInfo::machineHostName().toUtf8();
    const QByteArray name = machine + '|' + id.toUtf8() + '|' + extension.toUtf8() + '@' + server.toUtf8();
    return QUuid::createUuidV5(kNamespace, name).toString(QUuid::WithoutBraces);
}

} // namespace Sip
