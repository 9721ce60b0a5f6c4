// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/LineValidation.h"

#include "sipcore/SipAddress.h"

#include <QCoreApplication>

namespace Gui::LineValidation {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Gui::LineValidation", text);
}
} // namespace

QString serverProblem(const QString &server)
{
    const QString trimmed = server.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the SIP server, for example pbx.example.com or 192.0.2.10:5060.");
    if (trimmed.contains(u'@'))
        return tr("The server is the part right of the @ only; put the extension in its own field.");
    if (trimmed.startsWith(u"sip:", Qt::CaseInsensitive) || trimmed.contains(u"://"))
        return tr("Enter the server without \"sip:\" or a scheme, for example pbx.example.com.");
    if (trimmed.contains(u' '))
        return tr("The server cannot contain spaces.");
    const Sip::HostPort hostPort = Sip::HostPort::parse(trimmed);
    if (!hostPort.valid)
        return hostPort.error.isEmpty() ? tr("This is not a host name or address.") : hostPort.error;
    return {};
}

QString extensionProblem(const QString &extension)
{
    if (extension.isEmpty())
        return tr("Enter the extension (the user part left of the @), for example 1001.");
    if (extension.contains(u'@'))
        return tr("The extension is the part left of the @ only; put the server in its own field.");
    if (extension != extension.trimmed())
        return tr("The extension starts or ends with a space.");
    QString error;
    if (!Sip::Address::isValidUserPart(extension, &error))
        return error.isEmpty() ? tr("The extension contains characters a SIP address cannot hold.") : error;
    return {};
}

QString authUserProblem(const QString &authUser)
{
    if (authUser.isEmpty())
        return {};
    if (authUser != authUser.trimmed())
        return tr("The Auth User starts or ends with a space.");
    for (const QChar c : authUser) {
        if (c.unicode() < 0x20 || c == u'"' || c == u'\\')
            return tr("The Auth User cannot contain quotes, backslashes or control characters.");
    }
    return {};
}

QString proxyProblem(const QString &outboundProxy)
{
    const QString trimmed = outboundProxy.trimmed();
    if (trimmed.isEmpty())
        return {};
    QString hostPort = trimmed;
    if (hostPort.startsWith(u"sip:", Qt::CaseInsensitive))
        hostPort = hostPort.mid(4);
    hostPort = hostPort.section(u';', 0, 0);
    const Sip::HostPort parsed = Sip::HostPort::parse(hostPort);
    if (!parsed.valid)
        return tr("Outbound proxy: %1").arg(parsed.error.isEmpty() ? tr("not a host name or address.") : parsed.error);
    return {};
}

QString expiryProblem(int expiresSeconds)
{
    if (expiresSeconds < 30)
        return tr("Registrations shorter than 30 seconds are refused by most servers.");
    if (expiresSeconds > 86400)
        return tr("Use at most one day (86400 seconds).");
    return {};
}

} // namespace Gui::LineValidation
