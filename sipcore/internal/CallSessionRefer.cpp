// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// CallSession, being transferred (RFC 3515): the peer's REFER, the call that follows it, and the
// message/sipfrag NOTIFYs that tell the peer how that call went.
#include "sipcore/internal/CallSession.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/EngineThread.h"

namespace Sip::Internal {
namespace {

QByteArray headerText(const sip_header_t *header)
{
    if (!header)
        return {};
    su_home_t home[1] = {SU_HOME_INIT(home)};
    char *text = sip_header_as_string(home, header);
    const QByteArray result(text ? text : "");
    su_home_deinit(home);
    return result;
}

/// The Refer-To URI to call: sip: or sips: only, without URI headers (?Replaces=... is not supported) and
/// without a method parameter. Empty with why set when it cannot be called.
QString referTargetOf(const sip_refer_to_t *referTo, QString *why)
{
    if (!referTo) {
        *why = QStringLiteral("the REFER has no Refer-To");
        return {};
    }
    const url_t *url = referTo->r_url;
    if (url->url_type != url_sip && url->url_type != url_sips) {
        *why = QStringLiteral("Refer-To %1 is not a SIP URI (only sip: and sips: can be called)")
                   .arg(QString::fromUtf8(url->url_scheme ? url->url_scheme : "without a scheme"));
        return {};
    }
    if (!url->url_host || !*url->url_host) {
        *why = QStringLiteral("Refer-To has no host");
        return {};
    }
    su_home_t home[1] = {SU_HOME_INIT(home)};
    url_t *copy = url_hdup(home, url);
    QString result;
    if (copy) {
        copy->url_headers = nullptr;
        url_strip_param_string(const_cast<char *>(copy->url_params), "method");
        if (copy->url_params && !*copy->url_params)
            copy->url_params = nullptr;
        char *text = url_as_string(home, copy);
        result = QString::fromUtf8(text ? text : "");
    }
    su_home_deinit(home);
    if (result.isEmpty())
        *why = QStringLiteral("Refer-To cannot be read");
    return result;
}

QByteArray sipfragPhrase(const QString &reason, int status)
{
    QByteArray phrase = reason.toUtf8();
    phrase.replace('\r', ' ').replace('\n', ' ');
    if (phrase.trimmed().isEmpty())
        phrase = status < 200 ? "Trying" : status < 300 ? "OK" : "Failed";
    return phrase.trimmed();
}

} // namespace

void CallSession::onRefer(const NuaEvent &event)
{
    // Sofia answered 202 already (REFER is not an application method here); everything else goes by NOTIFY.
    const sip_event_t *referEvent = nullptr;
    tl_gets(event.tags, NUTAG_REFER_EVENT_REF(referEvent), TAG_END());
    QByteArray eventText = headerText(reinterpret_cast<const sip_header_t *>(referEvent));
    if (eventText.isEmpty())
        eventText = "refer";
    const sip_t *sip = event.sip;
    QString why;
    const QString target = referTargetOf(sip ? sip->sip_refer_to : nullptr, &why);
    if (target.isEmpty()) {
        step(QStringLiteral("Refusing the transfer asked by %1: %2").arg(m_peer, why), true);
        sendReferNotify(eventText, 416, QStringLiteral("Unsupported URI Scheme"));
        return;
    }
    if (!isActive(m_state) || !m_referTarget.isEmpty() || m_transferring) {
        step(QStringLiteral("Refusing the transfer to %1: the call is %2")
                 .arg(target, !m_referTarget.isEmpty() || m_transferring ? QStringLiteral("already being transferred")
                                                                         : callStateName(m_state)),
             true);
        sendReferNotify(eventText, 603, QStringLiteral("Declined"));
        return;
    }
    m_referEvent = eventText;
    m_referTarget = target;
    m_referredBy = sip && sip->sip_referred_by
                       ? headerText(reinterpret_cast<const sip_header_t *>(sip->sip_referred_by))
                       : QByteArray();
    step(QStringLiteral("%1 transfers the call to %2 (REFER accepted)%3")
             .arg(m_peer, m_referTarget,
                  m_referredBy.isEmpty() ? QString()
                                         : QStringLiteral(", Referred-By %1").arg(QString::fromUtf8(m_referredBy))));
    m_agent.reportTransferRequest(m_callId, m_referTarget);
}

void CallSession::sendReferNotify(const QByteArray &event, int status, const QString &reason)
{
    if (!m_handle)
        return;
    const QByteArray body = "SIP/2.0 " + QByteArray::number(status) + ' ' + sipfragPhrase(reason, status) + "\r\n";
    const bool final = status >= 200;
    nua_notify(m_handle, SIPTAG_EVENT_STR(event.constData()),
               SIPTAG_SUBSCRIPTION_STATE_STR(final ? "terminated;reason=noresource" : "active"),
               SIPTAG_CONTENT_TYPE_STR("message/sipfrag;version=2.0"), SIPTAG_PAYLOAD_STR(body.constData()), TAG_END());
}

void CallSession::referProgress(int status, const QString &reason)
{
    // One NOTIFY per REFER, carrying the outcome. In this Sofia build the request of a NOTIFY that a later
    // NOTIFY replaces stays at the head of the dialog's request queue: no BYE, INFO or NOTIFY would leave
    // the dialog after it. So no "100 Trying" or "180 Ringing" progress is sent.
    if (m_referTarget.isEmpty() || !m_handle || status < 200)
        return;
    sendReferNotify(m_referEvent, status, reason);
    const QString target = m_referTarget;
    m_referTarget.clear();
    m_referEvent.clear();
    if (status >= 300) {
        step(QStringLiteral("Transfer to %1 failed (%2 %3); the call goes on").arg(target).arg(status).arg(reason),
             true);
        return;
    }
    step(QStringLiteral("Transferred to %1; leaving this call after the NOTIFY").arg(target));
    end(200, QStringLiteral("Transferred"), QStringLiteral("The call was transferred to %1.").arg(target), true);
    m_byeAfterNotify = true;
}

void CallSession::onNotifyResult(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if (event.status >= 300)
        step(QStringLiteral("Transfer NOTIFY answered %1 %2")
                 .arg(event.status)
                 .arg(QString::fromUtf8(event.phrase ? event.phrase : "")),
             true);
    if (m_byeAfterNotify) {
        m_byeAfterNotify = false;
        // Not from inside this event: the NOTIFY transaction still heads the handle's request queue.
        // Not from inside this event: the NOTIFY transaction is still being reported.
        m_engine.post([agent = m_agent.weak_from_this(), callId = m_callId] {
            if (const std::shared_ptr<CallAgent> self = agent.lock()) {
                if (CallSession *session = self->session(callId))
                    session->hangUp(HangUpCause::User);
            }
        });
    }
}

void CallSession::followRefer(const QString &originalCallId, const QString &target, const QByteArray &referredBy,
                              const LocalMedia &media)
{
    m_transferredFrom = originalCallId;
    m_referredBy = referredBy;
    if (target.isEmpty()) {
        m_direction = CallDirection::Outgoing;
        end(0, QStringLiteral("No transfer"),
            QStringLiteral("Call %1 has no transfer to follow (it ended or the REFER was refused).")
                .arg(originalCallId),
            true);
        return;
    }
    step(QStringLiteral("Following the transfer of %1 to %2").arg(originalCallId, target));
    dial(target, media);
}

void CallSession::reportReferProgress(CallState state)
{
    if (m_transferredFrom.isEmpty() || m_referReported)
        return;
    switch (state) {
    case CallState::Connected:
        m_referReported = true;
        m_agent.referProgress(m_transferredFrom, 200, QStringLiteral("OK"));
        return;
    case CallState::Ending:
    case CallState::Ended:
        m_referReported = true;
        m_agent.referProgress(m_transferredFrom, m_endStatus >= 300 ? m_endStatus : 500,
                              m_endStatus >= 300 ? m_endReason : QStringLiteral("Call Failed"));
        return;
    default:
        return;
    }
}

} // namespace Sip::Internal
