// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/BindingSession.h"

#include "sipcore/Diagnosis.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/RegistrationBindings.h"

namespace Sip::Internal {

BindingSession::BindingSession(EngineThread &engine, const LineContext &line, QByteArray ownContact, Report report)
    : SessionCore(engine, line), m_ownContact(std::move(ownContact)), m_report(std::move(report))
{
}

void BindingSession::query(const QByteArray &registrarUri)
{
    if (!openHandle(m_line.addressOfRecord)) {
        m_finished = true;
        m_report(BindingsEvent{lineId(),
                               false,
                               900,
                               QStringLiteral("Internal error"),
                               QStringLiteral("The SIP stack could not create a request handle."),
                               {},
                               {},
                               QDateTime::currentDateTimeUtc()});
        return;
    }
    step(QStringLiteral("Asking %1 for the bindings of %2 (REGISTER without Contact)")
             .arg(QString::fromUtf8(registrarUri), QString::fromUtf8(m_line.addressOfRecord)));
    // No Contact: a query, which adds and removes nothing (RFC 3261 10.2.3).
    nua_register(handle(), NUTAG_REGISTRAR(registrarUri.constData()),
                 SIPTAG_CONTACT(static_cast<const sip_contact_t *>(SIP_NONE)),
                 NUTAG_OUTBOUND("no-natify no-validate no-options-keepalive"), TAG_END());
}

void BindingSession::remove(const QByteArray &registrarUri, const QStringList &contacts)
{
    m_removing = contacts;
    if (contacts.isEmpty() || !openHandle(m_line.addressOfRecord)) {
        m_finished = true;
        m_report(BindingsEvent{lineId(),
                               false,
                               contacts.isEmpty() ? 0 : 900,
                               contacts.isEmpty() ? QString() : QStringLiteral("Internal error"),
                               contacts.isEmpty() ? QStringLiteral("There is no other binding to remove.")
                                                  : QStringLiteral("The SIP stack could not create a request handle."),
                               {},
                               {},
                               QDateTime::currentDateTimeUtc()});
        return;
    }
    QStringList quoted;
    for (const QString &contact : contacts)
        quoted << (contact.startsWith(QLatin1Char('<')) ? contact : QStringLiteral("<%1>").arg(contact));
    const QByteArray contactHeader = quoted.join(QStringLiteral(", ")).toUtf8();
    step(QStringLiteral("Removing binding(s) %1 of %2 (REGISTER, Expires: 0)")
             .arg(quoted.join(QStringLiteral(", ")), QString::fromUtf8(m_line.addressOfRecord)));
    nua_unregister(handle(), NUTAG_REGISTRAR(registrarUri.constData()), SIPTAG_CONTACT_STR(contactHeader.constData()),
                   TAG_END());
}

void BindingSession::onNuaEvent(const NuaEvent &event)
{
    if (!owns(event) || (event.event != nua_r_register && event.event != nua_r_unregister) || event.status < 200)
        return;
    const QString request =
        m_removing.isEmpty() ? QStringLiteral("REGISTER (query)") : QStringLiteral("REGISTER (removal)");
    if ((event.status == 401 || event.status == 407)) {
        const ChallengeResponder::Outcome outcome = answerChallenge(event, request);
        if (outcome == ChallengeResponder::Outcome::Answered)
            return;
        finish(event, false, QStringLiteral("The server refused the %1: %2.").arg(request, refusal(outcome, m_auth)));
        return;
    }
    if (event.status >= 300) {
        Diagnosis::Context context;
        context.credentialsSent = m_auth.answered();
        context.stackGenerated = stackGenerated(event.status);
        finish(event, false, Diagnosis::explain(event.status, phraseOf(event), context));
        return;
    }
    finish(event, true, QString());
}

void BindingSession::finish(const NuaEvent &event, bool ok, const QString &diagnosis)
{
    BindingsEvent report;
    report.lineId = lineId();
    report.ok = ok;
    report.statusCode = event.status;
    report.reasonPhrase = phraseOf(event);
    report.diagnosis = diagnosis;
    report.timestamp = QDateTime::currentDateTimeUtc();
    if (ok) {
        report.removed = m_removing;
        report.bindings = RegistrationBindings::read(event.sip, m_ownContact, 0).bindings;
        step(QStringLiteral("%1 lists %2 binding(s) for %3")
                 .arg(QString::fromUtf8(m_line.nextHopUri))
                 .arg(report.bindings.size())
                 .arg(QString::fromUtf8(m_line.addressOfRecord)));
    } else {
        step(QStringLiteral("Bindings request failed (%1 %2): %3").arg(event.status).arg(phraseOf(event), diagnosis),
             true);
    }
    // Nothing of ours is registered on this handle: dropping it sends nothing.
    releaseHandle();
    m_finished = true;
    m_report(report);
}

} // namespace Sip::Internal
