// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/PublicationSession.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/EngineTimer.h"
#include "sipcore/internal/SipMessageText.h"
#include "sipcore/internal/PresencePolicy.h"
#include "sipcore/presence/PidfBuilder.h"
#include "sipcore/presence/PidfParser.h"

namespace Sip::Internal {
namespace {

using SipMessageText::text;

QString describeStatus(OwnStatus status, const QString &note)
{
    const QString clean = PidfBuilder::sanitizeNote(note);
    return clean.isEmpty() ? ownStatusName(status) : QStringLiteral("%1 (%2)").arg(ownStatusName(status), clean);
}

} // namespace

PublicationSession::PublicationSession(EngineThread &engine, const LineContext &line, quint64 id,
                                       const PresenceOptions &options, Report report)
    : SessionCore(engine, line), m_id(id), m_options(options), m_report(std::move(report))
{
}

void PublicationSession::publish(OwnStatus status, const QString &note)
{
    if (m_unpublishing || status == OwnStatus::Invalid)
        return;
    m_status = status;
    m_note = note;
    m_finished = false;
    if (m_inFlight) {
        m_changedInFlight = true; // sent when the answer to the current PUBLISH is in
        return;
    }
    send();
}

void PublicationSession::send()
{
    if (m_timer)
        m_timer->stop();
    const QByteArray aor = m_line.addressOfRecord;
    const QByteArray body = PidfBuilder(QString::fromUtf8(aor)).build(m_status, m_note);
    if (!hasHandle()) {
        m_auth = ChallengeResponder();
        m_published = false;
        if (!openHandle(aor)) {
            step(QStringLiteral("The SIP stack could not create a handle to PUBLISH"), true);
            m_finished = true;
            report(PublicationState::Failed, 900, QStringLiteral("Internal error"),
                   QStringLiteral("Internal error of the SIP stack."), FailureKind::Other);
            return;
        }
    }
    const QByteArray expires = QByteArray::number(m_options.publishExpiresSeconds);
    m_inFlight = true;
    step(QStringLiteral("Publishing for %1: %2 (expires %3 s)")
             .arg(QString::fromUtf8(aor), describeStatus(m_status, m_note), QString::fromLatin1(expires)));
    nua_publish(handle(), NUTAG_URL(aor.constData()), NUTAG_PROXY(m_line.nextHopUri.constData()),
                SIPTAG_EVENT_STR("presence"), SIPTAG_CONTENT_TYPE_STR(PidfParser::contentType().toUtf8().constData()),
                SIPTAG_PAYLOAD_STR(body.constData()), SIPTAG_EXPIRES_STR(expires.constData()), TAG_END());
    report(PublicationState::Publishing);
}

void PublicationSession::stop()
{
    if (m_finished || m_unpublishing)
        return;
    if (m_timer)
        m_timer->stop();
    m_changedInFlight = false;
    if (hasHandle() && m_inFlight) {
        // The server may still accept the PUBLISH on its way: take it back once its answer is in.
        m_unpublishing = true;
        m_stopWhenAnswered = true;
        report(PublicationState::Unpublishing);
        return;
    }
    if (hasHandle() && m_published) {
        m_unpublishing = true;
        m_auth.reset();
        step(QStringLiteral("Removing the published status of %1 (Expires: 0)")
                 .arg(QString::fromUtf8(m_line.addressOfRecord)));
        nua_unpublish(handle(), TAG_END());
        report(PublicationState::Unpublishing);
        return;
    }
    // Nothing the stack can take back (not accepted yet, or a publication without SIP-ETag that expires alone).
    releaseHandle();
    m_finished = true;
    report(PublicationState::Unpublished);
}

void PublicationSession::abandon()
{
    if (m_timer)
        m_timer->stop();
    releaseHandle();
    m_finished = true;
}

void PublicationSession::onNuaEvent(const NuaEvent &event)
{
    if (!owns(event))
        return;
    switch (event.event) {
    case nua_r_publish:
        onPublishResult(event);
        break;
    case nua_r_unpublish:
        onUnpublishResult(event);
        break;
    case nua_r_authenticate:
        step(QStringLiteral("The SIP stack could not apply the credentials to PUBLISH (%1 %2)")
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
        releaseHandle();
        m_inFlight = false;
        m_finished = true;
        report(m_unpublishing ? PublicationState::Unpublished : PublicationState::Failed, event.status, phraseOf(event),
               QStringLiteral("The SIP stack could not answer the server's challenge to PUBLISH."),
               FailureKind::Authentication);
        m_unpublishing = false;
        break;
    default:
        break;
    }
}

void PublicationSession::onPublishResult(const NuaEvent &event)
{
    if (m_stopWhenAnswered && event.status >= 200) {
        m_stopWhenAnswered = false;
        m_inFlight = false;
        const QString aor = QString::fromUtf8(m_line.addressOfRecord);
        if (event.status < 300) {
            step(QStringLiteral("Removing the published status of %1 (Expires: 0)").arg(aor));
            m_auth.reset();
            nua_unpublish(handle(), TAG_END());
            return;
        }
        finishUnpublish(event.status, phraseOf(event));
        return;
    }
    if (m_unpublishing)
        return;
    if (event.status < 200) {
        if (event.sip && event.sip->sip_status) {
            const int real = event.sip->sip_status->st_status;
            step(QStringLiteral("recv %1 %2; %3")
                     .arg(real)
                     .arg(text(event.sip->sip_status->st_phrase))
                     .arg(real == 401 || real == 407 ? QStringLiteral("Retrying PUBLISH with cached authentication")
                                                     : QStringLiteral("PUBLISH restarted: %1").arg(phraseOf(event))));
        }
        return;
    }
    const int wireStatus = event.sip && event.sip->sip_status ? event.sip->sip_status->st_status : 0;
    if (event.status < 300) {
        onAccepted(event, event.status, false);
    } else if (event.status == 900 && wireStatus >= 200 && wireStatus < 300) {
        // Sofia's pitfall: a 2xx without Expires or SIP-ETag is reported as 900 and the usage dropped.
        onAccepted(event, wireStatus, true);
    } else if (event.status == 401 || event.status == 407) {
        if (answerChallenge(event, QStringLiteral("PUBLISH")) == ChallengeResponder::Outcome::Answered) {
            report(PublicationState::Authenticating, event.status, phraseOf(event));
            return;
        }
        fail(event);
    } else {
        fail(event);
    }
    if (m_changedInFlight && !m_finished && !m_unpublishing) {
        m_changedInFlight = false;
        send();
    }
}

void PublicationSession::onAccepted(const NuaEvent &event, int status, bool lacksExpiresOrTag)
{
    const bool refresh = !m_inFlight && m_published;
    m_inFlight = false;
    m_published = true;
    m_retries = 0;
    m_auth.reset(); // a refresh may be challenged anew and answered once again
    const sip_t *sip = event.sip;
    int expires = m_options.publishExpiresSeconds;
    if (sip && sip->sip_expires && sip->sip_expires->ex_delta > 0)
        expires = static_cast<int>(sip->sip_expires->ex_delta);
    m_expiresGranted = expires;
    const QString aor = QString::fromUtf8(m_line.addressOfRecord);
    const QString phrase = sip && sip->sip_status ? text(sip->sip_status->st_phrase) : phraseOf(event);
    if (lacksExpiresOrTag) {
        const int again = qMax(5, expires * 4 / 5);
        const QString diagnosis =
            QStringLiteral("The server accepted the status but its answer lacks %1, so it cannot be refreshed; "
                           "Offhook publishes it in full again every %2 s.")
                .arg(sip && sip->sip_etag ? QStringLiteral("Expires") : QStringLiteral("SIP-ETag"))
                .arg(again);
        step(QStringLiteral("PUBLISH for %1 accepted (%2 %3): %4").arg(aor).arg(status).arg(phrase, diagnosis));
        releaseHandle(); // Sofia dropped the publication; the next one starts afresh
        m_published = false;
        scheduleRepublish(again);
        report(PublicationState::Published, status, phrase, diagnosis);
        return;
    }
    if (refresh) {
        step(QStringLiteral("Publication of %1 refreshed (expires %2 s)").arg(aor).arg(expires));
        return;
    }
    step(QStringLiteral("PUBLISH for %1 succeeded: %2 (expires %3 s, SIP-ETag %4)")
             .arg(aor, describeStatus(m_status, m_note))
             .arg(expires)
             .arg(sip && sip->sip_etag ? text(sip->sip_etag->g_string) : QString()));
    report(PublicationState::Published, status, phrase);
}

void PublicationSession::fail(const NuaEvent &event)
{
    m_inFlight = false;
    m_changedInFlight = false;
    const int retryAfter =
        event.sip && event.sip->sip_retry_after ? static_cast<int>(event.sip->sip_retry_after->af_delta) : -1;
    const bool generated = stackGenerated(event.status);
    const QString aor = QString::fromUtf8(m_line.addressOfRecord);
    step(QStringLiteral("PUBLISH for %1 failed (status code: %2 %3%4)")
             .arg(aor)
             .arg(event.status)
             .arg(phraseOf(event), generated ? QStringLiteral(", from the local SIP stack") : QString()),
         true);
    const PresencePolicy::Decision decision =
        PresencePolicy::afterFailure(QStringLiteral("PUBLISH"), event.status, phraseOf(event), retryAfter,
                                     m_auth.answered(), generated, m_retries, aor, EventPackage::Presence, m_options);
    releaseHandle();
    m_published = false;
    if (decision.next != PresencePolicy::Next::Retry) {
        m_finished = true;
        step(QStringLiteral("Not publishing again: %1").arg(decision.diagnosis), true);
        report(PublicationState::Failed, event.status, phraseOf(event), decision.diagnosis, decision.failure);
        return;
    }
    ++m_retries;
    step(QStringLiteral("Publishing again in %1 s (retry %2)").arg(decision.delaySeconds).arg(m_retries));
    scheduleRepublish(decision.delaySeconds);
    report(PublicationState::Retrying, event.status, phraseOf(event), decision.diagnosis, decision.failure,
           decision.delaySeconds);
}

void PublicationSession::scheduleRepublish(int seconds)
{
    if (!m_timer)
        m_timer = std::make_unique<EngineTimer>(engine().root());
    m_timer->start(qMax(50, seconds * 1000), [this] {
        if (!m_finished && !m_unpublishing && !m_inFlight)
            send();
    });
}

void PublicationSession::onUnpublishResult(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if (event.status == 401 || event.status == 407) {
        if (answerChallenge(event, QStringLiteral("un-PUBLISH")) == ChallengeResponder::Outcome::Answered)
            return;
    }
    const QString aor = QString::fromUtf8(m_line.addressOfRecord);
    if (event.status < 300)
        step(QStringLiteral("Removed the published status of %1").arg(aor));
    else
        step(QStringLiteral("un-PUBLISH for %1 failed (status code: %2 %3); the server drops the status when it "
                            "expires")
                 .arg(aor)
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
    finishUnpublish(event.status, phraseOf(event));
}

void PublicationSession::finishUnpublish(int status, const QString &phrase)
{
    releaseHandle();
    m_unpublishing = false;
    m_published = false;
    m_finished = true;
    report(PublicationState::Unpublished, status, phrase);
}

void PublicationSession::report(PublicationState state, int status, const QString &phrase, const QString &diagnosis,
                                FailureKind failure, int retryInSeconds)
{
    PublicationReport report;
    report.id = m_id;
    PublicationEvent &event = report.event;
    event.lineId = lineId();
    event.state = state;
    event.status = m_status;
    event.note = PidfBuilder::sanitizeNote(m_note);
    event.failure = failure;
    event.statusCode = status;
    event.reasonPhrase = phrase;
    event.diagnosis = diagnosis;
    event.expiresSeconds = state == PublicationState::Published ? m_expiresGranted : 0;
    event.retryInSeconds = retryInSeconds;
    event.timestamp = QDateTime::currentDateTimeUtc();
    report.final = state == PublicationState::Unpublished || state == PublicationState::Failed;
    m_report(report);
}

} // namespace Sip::Internal
