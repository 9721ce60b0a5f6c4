// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/LineContext.h"

#include "sipcore/SipAddress.h"

namespace Sip::Internal {

QByteArray LineContext::targetUri(const QString &userOrUri) const
{
    const QString trimmed = userOrUri.trimmed();
    if (trimmed.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive) ||
        trimmed.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        return trimmed.toUtf8();
    if (trimmed.contains(QLatin1Char('@')))
        return "sip:" + trimmed.toUtf8();
    const QByteArray domain = domainUri.startsWith("sip:") ? domainUri.mid(4) : domainUri;
    return "sip:" + Address::escapeUserPart(trimmed).toUtf8() + '@' + domain;
}

} // namespace Sip::Internal
