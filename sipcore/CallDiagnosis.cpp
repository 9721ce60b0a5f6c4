// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/CallDiagnosis.h"

namespace Sip::CallDiagnosis {

QString clause(int statusCode, const QString &reasonPhrase, const Context &context)
{
    const QString withDetail = context.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(context.detail);
    switch (statusCode) {
    case 486:
    case 600:
        return QStringLiteral("the other side is busy");
    case 603:
        return QStringLiteral("the other side declined the call");
    case 404:
    case 604:
        return QStringLiteral("the server knows no such number or extension; check what was dialled");
    case 480:
        return QStringLiteral("the other side is not available right now (not registered or not taking calls)");
    case 488:
    case 606:
        return context.detail.isEmpty()
                   ? QStringLiteral("the other side accepts none of the offered codecs (opus, PCMU, PCMA)")
                   : QStringLiteral("no common codec: %1").arg(context.detail);
    case 408:
        return context.stackGenerated
                   ? QStringLiteral("the server did not answer the INVITE in time; check the network and the "
                                    "server address") +
                         withDetail
                   : QStringLiteral("nobody answered in time");
    case 487:
        return context.incoming ? QStringLiteral("the caller hung up before the call was answered")
                                : QStringLiteral("the call was cancelled before it was answered");
    case 401:
    case 407:
        return context.credentialsSent
                   ? QStringLiteral("the server refused the line's credentials for this call; check the password")
                   : QStringLiteral("the server asks for credentials and the line has no password");
    case 403:
        return QStringLiteral("the server does not allow this line to make this call");
    case 484:
        return QStringLiteral("the number is incomplete");
    case 410:
        return QStringLiteral("the number is no longer in service");
    case 400:
        return context.detail.isEmpty() ? QStringLiteral("the request or its session description was malformed")
                                        : QStringLiteral("malformed session description: %1").arg(context.detail);
    case 415:
    case 420:
        return QStringLiteral("the other side cannot handle Offhook's request (%1 %2)")
            .arg(statusCode)
            .arg(reasonPhrase);
    case 503:
        if (context.stackGenerated)
            return QStringLiteral("the server could not be reached") + withDetail;
        return QStringLiteral("the server or the other side is temporarily out of service");
    default:
        break;
    }
    if (statusCode >= 500 && statusCode < 600)
        return QStringLiteral("the server or the other side had a problem (%1 %2)").arg(statusCode).arg(reasonPhrase);
    if (statusCode >= 300 && statusCode < 400)
        return QStringLiteral("the call was redirected (%1 %2), which Offhook does not follow")
            .arg(statusCode)
            .arg(reasonPhrase);
    if (statusCode >= 400)
        return QStringLiteral("the call failed (%1 %2)").arg(statusCode).arg(reasonPhrase);
    return reasonPhrase.isEmpty() ? QStringLiteral("the call ended") : reasonPhrase;
}

QString explain(int statusCode, const QString &reasonPhrase, const Context &context)
{
    QString text = clause(statusCode, reasonPhrase, context);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

FailureKind classify(int statusCode, const Context &context)
{
    if (statusCode < 300)
        return FailureKind::None;
    // Refused credentials or none to give: either way the line's password needs looking at.
    if (statusCode == 401 || statusCode == 407)
        return FailureKind::Authentication;
    if (statusCode == 408)
        return context.stackGenerated ? FailureKind::Network : FailureKind::Timeout;
    if (statusCode == 503 && context.stackGenerated)
        return FailureKind::Network;
    if (statusCode >= 400 && statusCode < 700)
        return FailureKind::Rejected;
    return FailureKind::Other;
}

} // namespace Sip::CallDiagnosis
