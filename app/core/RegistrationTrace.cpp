// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/RegistrationTrace.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gui::RegistrationTrace", text);
}

// The engine's entry text drops "SIP/2.0" ("401 Unauthorized"); the raw message tells requests from
// responses.
QByteArray firstLine(const Sip::LogEntry &entry)
{
    const qsizetype end = entry.raw.indexOf('\n');
    return (end < 0 ? entry.raw : entry.raw.left(end)).trimmed();
}

bool isResponse(const Sip::LogEntry &entry)
{
    return entry.raw.startsWith("SIP/2.0 ") || (entry.raw.isEmpty() && entry.text.startsWith(u"SIP/2.0 "));
}

int statusOf(const Sip::LogEntry &entry)
{
    return isResponse(entry) ? entry.methodOrStatus().toInt() : 0;
}

QString reasonOf(const Sip::LogEntry &entry)
{
    return QString::fromUtf8(firstLine(entry).mid(12)).trimmed();
}

bool isRegister(const Sip::LogEntry &entry)
{
    return entry.isMessage() && entry.cseqMethod().compare(u"REGISTER", Qt::CaseInsensitive) == 0;
}

bool hasCredentials(const Sip::LogEntry &entry)
{
    return !entry.header("Authorization").isEmpty() || !entry.header("Proxy-Authorization").isEmpty();
}

bool isUnregister(const Sip::LogEntry &entry)
{
    static const QRegularExpression zeroExpires(QStringLiteral(R"(;\s*expires\s*=\s*0\b)"),
                                                QRegularExpression::CaseInsensitiveOption);
    return entry.header("Expires").trimmed() == "0" ||
           zeroExpires.match(QString::fromLatin1(entry.header("Contact"))).hasMatch();
}

QString parameter(const QByteArray &header, const QString &name)
{
    const QRegularExpression re(QStringLiteral(R"re((?:^|[\s,;])%1\s*=\s*("([^"]*)"|[^\s,]+))re").arg(name),
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = re.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return {};
    return match.captured(2).isEmpty() ? match.captured(1) : match.captured(2);
}

QString grantedExpiry(const Sip::LogEntry &response)
{
    const QString fromContact = parameter(response.header("Contact"), QStringLiteral("expires"));
    if (!fromContact.isEmpty())
        return fromContact;
    return QString::fromLatin1(response.header("Expires")).trimmed();
}

} // namespace

QList<Sip::LogEntry> RegistrationTrace::lastAttempt(const QList<Sip::LogEntry> &entries, const QString &lineId)
{
    // An attempt starts at a REGISTER sent without a challenge just before it (or at the engine steps
    // logged right before that REGISTER); an attempt that failed before sending anything is the run of
    // steps holding the error. Un-REGISTERs are not attempts.
    qsizetype start = -1;
    qsizetype stepsStart = -1;
    bool challenged = false;
    bool attemptOpen = false;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Sip::LogEntry &entry = entries[i];
        if (entry.lineId != lineId)
            continue;
        if (!entry.isMessage()) {
            if (!attemptOpen && stepsStart < 0)
                stepsStart = i;
            continue;
        }
        if (!isRegister(entry))
            continue;
        if (entry.kind == Sip::LogEntry::Kind::Sent && !isResponse(entry)) {
            if (isUnregister(entry)) {
                attemptOpen = false;
                challenged = false;
                stepsStart = -1;
                continue;
            }
            if (!challenged || !attemptOpen)
                start = stepsStart >= 0 ? stepsStart : i;
            stepsStart = -1;
            attemptOpen = true;
            challenged = false;
        } else if (entry.kind == Sip::LogEntry::Kind::Received && isResponse(entry)) {
            const int status = statusOf(entry);
            if (status < 200)
                continue;
            challenged = status == 401 || status == 407;
            if (!challenged) {
                attemptOpen = false;
                stepsStart = -1;
            }
        }
    }
    if (stepsStart >= 0 && std::any_of(entries.begin() + stepsStart, entries.end(), [&lineId](const Sip::LogEntry &e) {
            return e.lineId == lineId && e.kind == Sip::LogEntry::Kind::Error;
        })) {
        start = stepsStart;
    }
    QList<Sip::LogEntry> result;
    if (start < 0)
        return result;
    for (qsizetype i = start; i < entries.size(); ++i) {
        if (entries[i].lineId == lineId)
            result.append(entries[i]);
    }
    return result;
}

QList<TraceStep> RegistrationTrace::build(const QList<Sip::LogEntry> &entries, const QString &lineId,
                                          const Sip::RegistrationEvent &event)
{
    const QList<Sip::LogEntry> attempt = lastAttempt(entries, lineId);
    QList<TraceStep> steps;
    bool credentialsSent = false;
    bool requestOpen = false;
    for (const Sip::LogEntry &entry : attempt) {
        if (entry.kind == Sip::LogEntry::Kind::Error) {
            steps.append({tr("Error"), entry.text, TraceStep::Status::Failed, entry.sequence, entry.timestamp});
            continue;
        }
        if (!isRegister(entry))
            continue;
        if (entry.kind == Sip::LogEntry::Kind::Sent && !isResponse(entry)) {
            if (isUnregister(entry))
                continue;
            const bool digest = hasCredentials(entry);
            credentialsSent = credentialsSent || digest;
            TraceStep step;
            step.title = digest ? tr("REGISTER with digest") : tr("REGISTER sent");
            step.detail =
                digest
                    ? tr("as %1, to %2 over %3")
                          .arg(parameter(entry.header("Authorization").isEmpty() ? entry.header("Proxy-Authorization")
                                                                                 : entry.header("Authorization"),
                                         QStringLiteral("username")),
                               entry.peer, entry.transport.toUpper())
                    : tr("to %1 over %2").arg(entry.peer, entry.transport.toUpper());
            step.status = TraceStep::Status::Done;
            step.sequence = entry.sequence;
            step.timestamp = entry.timestamp;
            steps.append(step);
            requestOpen = true;
        } else if (entry.kind == Sip::LogEntry::Kind::Received && isResponse(entry)) {
            const int status = statusOf(entry);
            if (status < 200)
                continue;
            requestOpen = false;
            TraceStep step;
            step.sequence = entry.sequence;
            step.timestamp = entry.timestamp;
            const QString reason = reasonOf(entry);
            if (status == 401 || status == 407) {
                const QByteArray challenge = entry.header(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
                QString algorithm = parameter(challenge, QStringLiteral("algorithm"));
                if (algorithm.isEmpty())
                    algorithm = QStringLiteral("MD5");
                const QString realm = parameter(challenge, QStringLiteral("realm"));
                if (credentialsSent) {
                    step.title = tr("%1 %2 — credentials rejected").arg(status).arg(reason);
                    step.detail = tr("realm \"%1\", %2: the server did not accept the Auth User and Password")
                                      .arg(realm, algorithm);
                    step.status = TraceStep::Status::Failed;
                } else {
                    step.title = status == 401 ? tr("401 challenge") : tr("407 proxy challenge");
                    step.detail = tr("realm \"%1\", algorithm %2").arg(realm, algorithm);
                    step.status = TraceStep::Status::Done;
                }
            } else if (status < 300) {
                step.title = QStringLiteral("%1 %2").arg(status).arg(reason);
                const QString expiry = grantedExpiry(entry);
                step.detail = expiry.isEmpty() ? tr("registered") : tr("registered, expires %1 s").arg(expiry);
                step.status = TraceStep::Status::Done;
            } else {
                step.title = QStringLiteral("%1 %2").arg(status).arg(reason);
                step.detail = status == 408 ? tr("no answer in time") : tr("refused by the server");
                step.status = status == 408 ? TraceStep::Status::TimedOut : TraceStep::Status::Failed;
            }
            steps.append(step);
        }
    }

    using Sip::RegistrationState;
    const bool eventForThisAttempt = event.lineId == lineId && event.state != RegistrationState::Invalid;
    if (requestOpen) {
        TraceStep step;
        if (eventForThisAttempt && event.state == RegistrationState::TimedOut) {
            step.title = tr("No answer");
            step.detail = event.reasonPhrase.isEmpty() ? tr("the server did not reply") : event.reasonPhrase;
            step.status = TraceStep::Status::TimedOut;
        } else if (eventForThisAttempt && Sip::isFailure(event.state)) {
            step.title =
                event.statusCode ? QStringLiteral("%1 %2").arg(event.statusCode).arg(event.reasonPhrase) : tr("Failed");
            step.detail = event.reasonPhrase;
            step.status = TraceStep::Status::Failed;
        } else {
            step.title = tr("Waiting for an answer…");
            step.status = TraceStep::Status::Pending;
        }
        step.timestamp = event.timestamp;
        steps.append(step);
    } else if (steps.isEmpty() && eventForThisAttempt && Sip::isFailure(event.state)) {
        TraceStep step;
        step.title =
            event.state == RegistrationState::NetworkFailed ? tr("Network problem before sending") : tr("Failed");
        step.detail = event.reasonPhrase;
        step.status =
            event.state == RegistrationState::TimedOut ? TraceStep::Status::TimedOut : TraceStep::Status::Failed;
        step.timestamp = event.timestamp;
        steps.append(step);
    }
    if (eventForThisAttempt && Sip::isFailure(event.state) && !steps.isEmpty() &&
        steps.last().status == TraceStep::Status::Done) {
        steps.last().status =
            event.state == RegistrationState::TimedOut ? TraceStep::Status::TimedOut : TraceStep::Status::Failed;
    }
    return steps;
}

QString RegistrationTrace::retryText(const Sip::RegistrationEvent &event, const QDateTime &now)
{
    if (!Sip::isFailure(event.state))
        return {};
    if (event.retryInSeconds <= 0)
        return tr("No retry scheduled: fix the cause, then register again.");
    const qint64 left = event.retryInSeconds - event.timestamp.secsTo(now);
    return left > 0 ? tr("Next try in %1 s.").arg(left) : tr("Trying again now.");
}

QString RegistrationTrace::summary(const QList<TraceStep> &steps)
{
    QStringList titles;
    for (const TraceStep &step : steps)
        titles.append(step.title);
    return titles.join(QStringLiteral(" → "));
}

} // namespace Gui
