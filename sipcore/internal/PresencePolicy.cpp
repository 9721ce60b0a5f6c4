// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/PresencePolicy.h"

#include <QtGlobal>

namespace Sip::Internal::PresencePolicy {
namespace {

Decision stop(FailureKind failure, const QString &diagnosis)
{
    return Decision{Next::Stop, 0, failure, diagnosis};
}

Decision retry(int delaySeconds, FailureKind failure, const QString &diagnosis)
{
    return Decision{Next::Retry, qMax(0, delaySeconds), failure, diagnosis};
}

QString what(EventPackage package)
{
    return package == EventPackage::Dialog ? QStringLiteral("call state (busy lamp)") : QStringLiteral("presence");
}

} // namespace

int backoffSeconds(int retry, const PresenceOptions &options)
{
    const int first = qMax(1, options.firstRetrySeconds);
    const int cap = qMax(first, options.maxRetrySeconds);
    qint64 seconds = first;
    for (int i = 1; i < retry && seconds < cap; ++i)
        seconds *= 2;
    return int(qMin<qint64>(seconds, cap));
}

Decision afterTermination(const QString &reasonText, int retryAfterSeconds, int retries, const QString &uri,
                          EventPackage package, const PresenceOptions &options)
{
    const QString reason = reasonText.trimmed().toLower();
    // The first retry after an "immediately" reason goes out at once; repeats back off like errors.
    const int soon = retries == 0 ? 0 : backoffSeconds(retries, options);
    const int later =
        retryAfterSeconds >= 0 ? qMax(retryAfterSeconds, soon) : qMax(backoffSeconds(retries + 1, options), soon);
    if (reason == QLatin1String("rejected"))
        return stop(FailureKind::Rejected,
                    QStringLiteral("%1 refused to share its %2 with this line (subscription rejected). Ask the "
                                   "contact or the server administrator to allow it.")
                        .arg(uri, what(package)));
    if (reason == QLatin1String("noresource"))
        return stop(FailureKind::Rejected, QStringLiteral("The server no longer knows %1 (noresource): the contact "
                                                          "was deleted or the address is wrong.")
                                               .arg(uri));
    if (reason == QLatin1String("invariant"))
        return stop(FailureKind::Rejected,
                    QStringLiteral("The server says the %1 of %2 never changes (invariant); there is nothing to watch.")
                        .arg(what(package), uri));
    if (reason == QLatin1String("deactivated") || reason == QLatin1String("timeout"))
        return retry(soon, FailureKind::None,
                     QStringLiteral("The server ended the subscription (%1); subscribing again.").arg(reason));
    if (reason == QLatin1String("probation") || reason == QLatin1String("giveup"))
        return retry(later, FailureKind::None,
                     QStringLiteral("The server ended the subscription (%1); subscribing again later.").arg(reason));
    return retry(later, FailureKind::None,
                 reason.isEmpty()
                     ? QStringLiteral("The server ended the subscription without a reason; subscribing "
                                      "again later.")
                     : QStringLiteral("The server ended the subscription (%1); subscribing again later.").arg(reason));
}

Decision afterFailure(const QString &method, int status, const QString &phrase, int retryAfterSeconds,
                      bool credentialsSent, bool stackGenerated, int retries, const QString &uri, EventPackage package,
                      const PresenceOptions &options)
{
    const QString answer = QStringLiteral("%1 %2").arg(status).arg(phrase);
    const int backoff = backoffSeconds(retries + 1, options);
    const int delay = retryAfterSeconds > 0 ? qMax(retryAfterSeconds, backoff) : backoff;
    if (status == 401 || status == 407) {
        if (credentialsSent)
            return stop(FailureKind::Authentication,
                        QStringLiteral("The server refused the line's credentials for %1 (%2 again after our digest "
                                       "answer). Check the password and the authentication user.")
                            .arg(method, answer));
        return stop(FailureKind::Authentication,
                    QStringLiteral("The server asked for credentials for %1 (%2) that the line cannot give: no "
                                   "password, or a digest algorithm other than MD5.")
                        .arg(method, answer));
    }
    if (stackGenerated) {
        const bool timeout = status == 408;
        return retry(
            delay, timeout ? FailureKind::Timeout : FailureKind::Network,
            timeout
                ? QStringLiteral("No answer to %1 from the server; trying again in %2 s.").arg(method).arg(delay)
                : QStringLiteral("%1 could not be sent (%2); trying again in %3 s.").arg(method, answer).arg(delay));
    }
    if (status == 481)
        return retry(retries == 0 ? 0 : delay, FailureKind::None,
                     QStringLiteral("The server had lost the subscription (481); subscribing again."));
    if (status == 408 || status == 480 || status == 486 || (status >= 500 && status < 600) || status >= 700)
        return retry(delay, status == 408 ? FailureKind::Timeout : FailureKind::Rejected,
                     QStringLiteral("The server answered %1 %2; trying again in %3 s.").arg(method, answer).arg(delay));
    if (status == 403)
        return stop(FailureKind::Rejected,
                    method == QLatin1String("PUBLISH")
                        ? QStringLiteral("The server does not let this line publish its status (%1).").arg(answer)
                        : QStringLiteral("The server does not let this line watch %1 (%2).").arg(uri, answer));
    if (status == 404 || status == 604)
        return stop(
            FailureKind::Rejected,
            QStringLiteral("%1 does not exist on the server (%2). Check the contact's address.").arg(uri, answer));
    if (status == 489)
        return stop(FailureKind::Rejected, QStringLiteral("The server does not offer %1 (%2 for Event: %3): its "
                                                          "presence service is off or lacks that event package.")
                                               .arg(what(package), answer, eventPackageName(package)));
    if (status == 415 || status == 488)
        return stop(FailureKind::Rejected,
                    QStringLiteral("The server does not accept the document type Offhook uses for %1 (%2).")
                        .arg(what(package), answer));
    if (status >= 300 && status < 400)
        return stop(FailureKind::Rejected,
                    QStringLiteral("The server redirected %1 (%2); redirects are not followed for %3.")
                        .arg(method, answer, what(package)));
    return stop(FailureKind::Rejected, QStringLiteral("The server refused %1 for %2 (%3).").arg(method, uri, answer));
}

} // namespace Sip::Internal::PresencePolicy
