// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/SubscriptionSession.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/EngineTimer.h"
#include "sipcore/internal/SipMessageText.h"
#include "sipcore/presence/DialogInfoParser.h"
#include "sipcore/presence/PidfParser.h"

namespace Sip::Internal {
namespace {

using SipMessageText::text;

/// A subscription that stayed up this long has proven itself: its next ending starts back-off afresh.
constexpr qint64 kStableMs = 30000;
/// Sofia re-subscribes by itself after "deactivated"/"probation"; more than this in a row is a loop.
constexpr int kMaxStackResubscribes = 3;
/// How long an answered un-SUBSCRIBE waits for the server's final NOTIFY before the handle is dropped.
constexpr int kFinalNotifyWaitMs = 2000;
/// A dialog-info gap asks for full state by refreshing; not more often than this.
constexpr qint64 kFullStateIntervalMs = 30000;

int number(const char *value, int fallback)
{
    if (!value)
        return fallback;
    bool ok = false;
    const int result = QByteArray(value).trimmed().toInt(&ok);
    return ok && result >= 0 ? result : fallback;
}

QByteArray eventName(EventPackage package)
{
    return package == EventPackage::Dialog ? QByteArrayLiteral("dialog") : QByteArrayLiteral("presence");
}

QByteArray acceptedType(EventPackage package)
{
    return package == EventPackage::Dialog ? DialogInfoParser::contentType().toUtf8()
                                           : PidfParser::contentType().toUtf8();
}

QString describePresence(const ContactPresence &presence)
{
    QString result = presenceStatusName(presence.status);
    if (!presence.note.isEmpty())
        result += QStringLiteral(" (%1)").arg(presence.note);
    return result;
}

} // namespace

SubscriptionSession::SubscriptionSession(EngineThread &engine, const LineContext &line,
                                         const SubscriptionRequest &request, const PresenceOptions &options,
                                         Report report)
    : SessionCore(engine, line), m_request(request), m_options(options), m_report(std::move(report))
{
}

void SubscriptionSession::start()
{
    m_retries = 0;
    m_stackResubscribes = 0;
    m_finished = false;
    m_unsubscribing = false;
    subscribe();
}

void SubscriptionSession::subscribe()
{
    if (m_timer)
        m_timer->stop();
    releaseHandle();
    m_accepted = false;
    m_auth = ChallengeResponder();
    m_dialogs.reset();
    m_upSince.invalidate();
    if (!openHandle(m_request.targetUri)) {
        step(QStringLiteral("The SIP stack could not create a handle to subscribe to %1").arg(describe()), true);
        apply(PresencePolicy::Decision{PresencePolicy::Next::Retry,
                                       PresencePolicy::backoffSeconds(m_retries + 1, m_options), FailureKind::Other,
                                       QStringLiteral("Internal error of the SIP stack.")},
              900, QStringLiteral("Internal error"), QString());
        return;
    }
    const QByteArray expires = QByteArray::number(m_request.expiresSeconds);
    step(QStringLiteral("Subscribing to %1 (expires %2 s)").arg(describe(), QString::fromLatin1(expires)));
    // The next hop goes with the request too: the handle's own NUTAG_PROXY does not reach its first request.
    nua_subscribe(handle(), NUTAG_URL(m_request.targetUri.constData()), NUTAG_PROXY(m_line.nextHopUri.constData()),
                  SIPTAG_EVENT_STR(eventName(m_request.package).constData()),
                  SIPTAG_ACCEPT_STR(acceptedType(m_request.package).constData()),
                  SIPTAG_EXPIRES_STR(expires.constData()), TAG_END());
    reportState(SubscriptionState::Subscribing);
}

void SubscriptionSession::stop()
{
    if (m_finished || m_unsubscribing)
        return;
    if (m_timer)
        m_timer->stop();
    if (hasHandle() && m_accepted) {
        m_unsubscribing = true;
        m_unsubscribeAnswered = false;
        m_finalNotifySeen = false;
        m_auth.reset();
        step(QStringLiteral("Unsubscribing from %1 (Expires: 0)").arg(describe()));
        nua_unsubscribe(handle(), SIPTAG_EVENT_STR(eventName(m_request.package).constData()), TAG_END());
        reportState(SubscriptionState::Unsubscribing);
        return;
    }
    // Not established (sent, challenged or waiting to retry): nothing to take back.
    releaseHandle();
    m_finished = true;
    reportState(SubscriptionState::Idle);
}

void SubscriptionSession::abandon()
{
    if (m_timer)
        m_timer->stop();
    releaseHandle();
    m_finished = true;
}

void SubscriptionSession::onNuaEvent(const NuaEvent &event)
{
    if (!owns(event))
        return;
    switch (event.event) {
    case nua_r_subscribe:
        onSubscribeResult(event);
        break;
    case nua_r_unsubscribe:
        onUnsubscribeResult(event);
        break;
    case nua_i_notify:
        onNotify(event);
        break;
    case nua_r_authenticate:
        onAuthenticateResult(event);
        break;
    default:
        break;
    }
}

void SubscriptionSession::onSubscribeResult(const NuaEvent &event)
{
    if (m_unsubscribing)
        return; // a refresh that crossed our un-SUBSCRIBE; its answer changes nothing now
    int substate = -1;
    tl_gets(event.tags, NUTAG_SUBSTATE_REF(substate), TAG_END());
    if (event.status < 200) {
        // 100 = Sofia restarted the request itself (cached authentication, 423 Min-Expires, ...).
        if (event.sip && event.sip->sip_status) {
            const int real = event.sip->sip_status->st_status;
            step(QStringLiteral("recv %1 %2; %3")
                     .arg(real)
                     .arg(text(event.sip->sip_status->st_phrase))
                     .arg(real == 401 || real == 407 ? QStringLiteral("Retrying SUBSCRIBE with cached authentication")
                                                     : QStringLiteral("SUBSCRIBE restarted: %1").arg(phraseOf(event))));
        }
        return;
    }
    if (event.status < 300) {
        const bool refresh = m_accepted;
        m_accepted = true;
        m_auth.reset(); // a refresh may be challenged anew and answered once again
        int expires = m_request.expiresSeconds;
        if (event.sip && event.sip->sip_expires)
            expires = static_cast<int>(event.sip->sip_expires->ex_delta);
        m_expiresGranted = expires;
        if (refresh) {
            step(QStringLiteral("SUBSCRIBE for %1 refreshed (expires %2 s)").arg(describe()).arg(expires));
            return;
        }
        step(QStringLiteral("SUBSCRIBE for %1 accepted (%2 %3, expires %4 s)")
                 .arg(describe())
                 .arg(event.status)
                 .arg(phraseOf(event))
                 .arg(expires));
        noteUp();
        if (m_state != SubscriptionState::Active) // the first NOTIFY may already have made it active
            reportState(substate == nua_substate_pending ? SubscriptionState::Pending : SubscriptionState::Active,
                        event.status, phraseOf(event));
        return;
    }
    if ((event.status == 401 || event.status == 407) && retryWithCredentials(event, "SUBSCRIBE"))
        return;
    const int retryAfter =
        event.sip && event.sip->sip_retry_after ? static_cast<int>(event.sip->sip_retry_after->af_delta) : -1;
    const bool generated = stackGenerated(event.status);
    step(QStringLiteral("SUBSCRIBE for %1 failed (status code: %2 %3%4)")
             .arg(describe())
             .arg(event.status)
             .arg(phraseOf(event), generated ? QStringLiteral(", from the local SIP stack") : QString()),
         true);
    if (m_upSince.isValid() && m_upSince.elapsed() >= kStableMs)
        m_retries = 0;
    const PresencePolicy::Decision decision = PresencePolicy::afterFailure(
        QStringLiteral("SUBSCRIBE"), event.status, phraseOf(event), retryAfter, m_auth.answered(), generated, m_retries,
        QString::fromUtf8(m_request.targetUri), m_request.package, m_options);
    releaseHandle();
    apply(decision, event.status, phraseOf(event), QString());
}

bool SubscriptionSession::retryWithCredentials(const NuaEvent &event, const char *method)
{
    if (answerChallenge(event, QStringLiteral("%1 for %2").arg(QLatin1String(method), describe())) !=
        ChallengeResponder::Outcome::Answered)
        return false;
    if (!m_unsubscribing)
        reportState(SubscriptionState::Authenticating, event.status, phraseOf(event));
    return true;
}

void SubscriptionSession::onAuthenticateResult(const NuaEvent &event)
{
    // Only failed nua_authenticate() calls report here (202 nothing to restart, 904 no matching challenge).
    step(QStringLiteral("The SIP stack could not apply the credentials for %1 (%2 %3)")
             .arg(describe())
             .arg(event.status)
             .arg(phraseOf(event)),
         true);
    releaseHandle();
    if (m_unsubscribing) {
        m_finished = true;
        reportState(SubscriptionState::Idle, event.status, phraseOf(event));
        return;
    }
    apply(PresencePolicy::Decision{PresencePolicy::Next::Stop, 0, FailureKind::Authentication,
                                   QStringLiteral("The SIP stack could not answer the server's challenge to "
                                                  "SUBSCRIBE (%1 %2).")
                                       .arg(event.status)
                                       .arg(phraseOf(event))},
          event.status, phraseOf(event), QString());
}

void SubscriptionSession::onUnsubscribeResult(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if ((event.status == 401 || event.status == 407) && retryWithCredentials(event, "un-SUBSCRIBE"))
        return;
    if (event.status >= 300) {
        step(QStringLiteral("un-SUBSCRIBE for %1 failed (status code: %2 %3); the server drops the subscription "
                            "when it expires")
                 .arg(describe())
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
        finishUnsubscribe(event.status, phraseOf(event));
        return;
    }
    step(QStringLiteral("Unsubscribed from %1").arg(describe()));
    const int status = event.status;
    const QString phrase = phraseOf(event);
    if (m_finalNotifySeen) {
        finishUnsubscribe(status, phrase);
        return;
    }
    // The server ends with a final NOTIFY (RFC 6665 4.2.2). Destroying the handle before it came would make
    // the stack, which still sees the subscription, send a second un-SUBSCRIBE of its own.
    m_unsubscribeAnswered = true;
    if (!m_timer)
        m_timer = std::make_unique<EngineTimer>(engine().root());
    m_timer->start(kFinalNotifyWaitMs, [this, status, phrase] { finishUnsubscribe(status, phrase); });
}

void SubscriptionSession::finishUnsubscribe(int status, const QString &phrase)
{
    if (m_timer)
        m_timer->stop();
    releaseHandle();
    m_unsubscribing = false;
    m_finished = true;
    reportState(SubscriptionState::Idle, status, phrase);
}

void SubscriptionSession::onNotify(const NuaEvent &event)
{
    int substate = -1;
    tl_gets(event.tags, NUTAG_SUBSTATE_REF(substate), TAG_END());
    const sip_t *sip = event.sip;
    if (!sip) {
        // Made up by the stack: the SUBSCRIBE was accepted but no NOTIFY ever came.
        step(QStringLiteral("No NOTIFY from %1 (%2 %3)").arg(describe()).arg(event.status).arg(phraseOf(event)), true);
        if (!m_unsubscribing)
            onTerminated(QStringLiteral("timeout"), -1, event.status, phraseOf(event));
        return;
    }
    const sip_subscription_state_t *subscriptionState = sip->sip_subscription_state;
    const QString stateWord = subscriptionState ? text(subscriptionState->ss_substate).toLower()
                                                : QString::fromLatin1(nua_substate_name(nua_substate(substate)));
    const QString reason = subscriptionState ? text(subscriptionState->ss_reason).toLower() : QString();
    const int retryAfter = subscriptionState ? number(subscriptionState->ss_retry_after, -1) : -1;
    const int expires = subscriptionState ? number(subscriptionState->ss_expires, -1) : -1;
    if (m_unsubscribing) {
        const bool final = substate == nua_substate_terminated || stateWord == QLatin1String("terminated");
        step(QStringLiteral("NOTIFY from %1 (%2) after un-SUBSCRIBE%3")
                 .arg(describe(), stateWord,
                      final ? QStringLiteral(": the subscription has ended") : QStringLiteral("; ignored")));
        if (final) {
            m_finalNotifySeen = true;
            if (m_unsubscribeAnswered)
                finishUnsubscribe(200, QStringLiteral("OK"));
        }
        return;
    }

    const bool terminated = substate == nua_substate_terminated || substate == nua_substate_embryonic ||
                            stateWord == QLatin1String("terminated");
    const bool hasBody = sip->sip_payload && sip->sip_payload->pl_len > 0;
    QString problem;
    // A final NOTIFY without a body says nothing about the contact (RFC 6665 4.2.2): keep what is shown.
    const ContactPresence presence = terminated && !hasBody ? ContactPresence{} : readBody(sip, &problem);
    if (!problem.isEmpty())
        step(QStringLiteral("NOTIFY from %1 (%2): body not understood (%3); showing unknown")
                 .arg(describe(), stateWord, problem),
             true);
    else if (presence.status != PresenceStatus::Invalid)
        step(QStringLiteral("NOTIFY from %1 (%2): %3").arg(describe(), stateWord, describePresence(presence)));
    if (presence.status != PresenceStatus::Invalid)
        reportPresence(presence);

    if (substate == nua_substate_embryonic) {
        onStackResubscribe(reason, retryAfter);
        return;
    }
    if (substate == nua_substate_terminated || stateWord == QLatin1String("terminated")) {
        onTerminated(reason, retryAfter, 0, QString());
        return;
    }
    if (expires > 0)
        m_expiresGranted = expires;
    const SubscriptionState now =
        substate == nua_substate_pending ? SubscriptionState::Pending : SubscriptionState::Active;
    if (!m_upSince.isValid())
        noteUp();
    if (m_state != now)
        reportState(now);
}

ContactPresence SubscriptionSession::readBody(const sip_t *sip, QString *problem)
{
    ContactPresence unknown;
    unknown.status = PresenceStatus::Unknown;
    const QByteArray type = sip->sip_content_type && sip->sip_content_type->c_type
                                ? QByteArray(sip->sip_content_type->c_type).trimmed().toLower()
                                : QByteArray();
    const QByteArray body = sip->sip_payload && sip->sip_payload->pl_data
                                ? QByteArray(sip->sip_payload->pl_data, qsizetype(sip->sip_payload->pl_len))
                                : QByteArray();
    if (body.trimmed().isEmpty()) {
        if (m_request.package == EventPackage::Presence) {
            // RFC 3856: no document means the server knows no state; nothing published counts as offline.
            ContactPresence offline;
            offline.status = PresenceStatus::Offline;
            return offline;
        }
        return unknown;
    }
    const QByteArray expected = acceptedType(m_request.package);
    if (type != expected) {
        *problem =
            QStringLiteral("Content-Type %1 instead of %2")
                .arg(type.isEmpty() ? QStringLiteral("missing") : QString::fromUtf8(type), QString::fromUtf8(expected));
        return unknown;
    }
    if (m_request.package == EventPackage::Presence) {
        const PresenceParseResult result = PidfParser().parse(body);
        if (!result.ok) {
            *problem = result.error;
            return unknown;
        }
        return result.presence;
    }
    const DialogInfoResult result = DialogInfoParser().parse(body);
    switch (m_dialogs.apply(result)) {
    case DialogInfoTracker::Outcome::Refused:
        *problem = result.error;
        return unknown;
    case DialogInfoTracker::Outcome::Stale:
        step(QStringLiteral("NOTIFY from %1: dialog-info version %2 is not newer; ignored")
                 .arg(describe())
                 .arg(result.version));
        return ContactPresence{};
    case DialogInfoTracker::Outcome::NeedsFullState:
        if (hasHandle() && m_accepted &&
            (!m_lastFullStateRequest.isValid() || m_lastFullStateRequest.elapsed() >= kFullStateIntervalMs)) {
            m_lastFullStateRequest.start();
            step(QStringLiteral("dialog-info from %1 skipped a version; refreshing the subscription for full state")
                     .arg(describe()));
            nua_subscribe(handle(), SIPTAG_EVENT_STR(eventName(m_request.package).constData()),
                          SIPTAG_ACCEPT_STR(acceptedType(m_request.package).constData()),
                          SIPTAG_EXPIRES_STR(QByteArray::number(m_request.expiresSeconds).constData()), TAG_END());
        }
        return m_dialogs.presence();
    case DialogInfoTracker::Outcome::Applied:
    case DialogInfoTracker::Outcome::Invalid:
        break;
    }
    return m_dialogs.presence();
}

void SubscriptionSession::onStackResubscribe(const QString &reason, int retryAfterSeconds)
{
    if (m_upSince.isValid() && m_upSince.elapsed() >= kStableMs) {
        m_retries = 0;
        m_stackResubscribes = 0;
    }
    m_accepted = false;
    m_upSince.invalidate();
    m_dialogs.reset();
    if (++m_stackResubscribes > kMaxStackResubscribes) {
        // Sofia would answer every "deactivated" at once; a server that keeps sending it gets back-off instead.
        step(QStringLiteral("%1 ended the subscription (%2) %3 times in a row; backing off")
                 .arg(describe(), reason)
                 .arg(m_stackResubscribes),
             true);
        releaseHandle();
        apply(PresencePolicy::Decision{PresencePolicy::Next::Retry,
                                       PresencePolicy::backoffSeconds(m_retries + 1, m_options), FailureKind::None,
                                       QStringLiteral("The server keeps ending the subscription (%1).").arg(reason)},
              0, QString(), reason);
        return;
    }
    const int delay = reason == QLatin1String("probation") ? (retryAfterSeconds >= 0 ? retryAfterSeconds : 30) : 0;
    step(QStringLiteral("NOTIFY from %1: subscription terminated (%2); the SIP stack subscribes again within %3 s")
             .arg(describe(), reason)
             .arg(delay + 5));
    reportState(SubscriptionState::Retrying, 0, QString(),
                QStringLiteral("The server ended the subscription (%1); subscribing again.").arg(reason), reason,
                FailureKind::None, delay);
}

void SubscriptionSession::onTerminated(const QString &reason, int retryAfterSeconds, int status, const QString &phrase)
{
    if (m_upSince.isValid() && m_upSince.elapsed() >= kStableMs) {
        m_retries = 0;
        m_stackResubscribes = 0;
    }
    step(QStringLiteral("Subscription to %1 terminated (%2)")
             .arg(describe(), reason.isEmpty() ? QStringLiteral("no reason given") : reason));
    const PresencePolicy::Decision decision = PresencePolicy::afterTermination(
        reason, retryAfterSeconds, m_retries, QString::fromUtf8(m_request.targetUri), m_request.package, m_options);
    releaseHandle();
    apply(decision, status, phrase, reason);
}

void SubscriptionSession::apply(const PresencePolicy::Decision &decision, int status, const QString &phrase,
                                const QString &reason)
{
    m_accepted = false;
    m_upSince.invalidate();
    if (decision.next != PresencePolicy::Next::Retry) {
        m_finished = true;
        step(QStringLiteral("Not subscribing to %1 again: %2").arg(describe(), decision.diagnosis), true);
        reportState(SubscriptionState::Failed, status, phrase, decision.diagnosis, reason, decision.failure);
        return;
    }
    ++m_retries;
    step(QStringLiteral("Subscribing to %1 again in %2 s (retry %3)")
             .arg(describe())
             .arg(decision.delaySeconds)
             .arg(m_retries));
    scheduleRetry(decision.delaySeconds);
    reportState(SubscriptionState::Retrying, status, phrase, decision.diagnosis, reason, decision.failure,
                decision.delaySeconds);
}

void SubscriptionSession::scheduleRetry(int seconds)
{
    if (!m_timer)
        m_timer = std::make_unique<EngineTimer>(engine().root());
    // Never from inside the event that ended the subscription: at least one loop turn later.
    m_timer->start(qMax(50, seconds * 1000), [this] {
        if (!m_finished && !m_unsubscribing)
            subscribe();
    });
}

void SubscriptionSession::reportState(SubscriptionState state, int status, const QString &phrase,
                                      const QString &diagnosis, const QString &reason, FailureKind failure,
                                      int retryInSeconds)
{
    m_state = state;
    SubscriptionReport report;
    report.id = m_request.id;
    report.hasState = true;
    SubscriptionEvent &event = report.event;
    event.lineId = lineId();
    event.contactId = m_request.contactId;
    event.uri = QString::fromUtf8(m_request.targetUri);
    event.package = m_request.package;
    event.state = state;
    event.failure = failure;
    event.statusCode = status;
    event.reasonPhrase = phrase;
    event.terminationReason = reason;
    event.diagnosis = diagnosis;
    event.expiresSeconds =
        state == SubscriptionState::Active || state == SubscriptionState::Pending ? m_expiresGranted : 0;
    event.retryInSeconds = retryInSeconds;
    event.timestamp = QDateTime::currentDateTimeUtc();
    report.final = state == SubscriptionState::Idle || state == SubscriptionState::Failed;
    m_report(report);
}

void SubscriptionSession::reportPresence(const ContactPresence &presence)
{
    SubscriptionReport report;
    report.id = m_request.id;
    report.hasPresence = true;
    report.presence = presence;
    m_report(report);
}

void SubscriptionSession::noteUp()
{
    m_upSince.start();
}

QString SubscriptionSession::describe() const
{
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(m_request.targetUri),
                                         QString::fromLatin1(eventName(m_request.package)));
}

} // namespace Sip::Internal
