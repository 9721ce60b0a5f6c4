// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/CallTransferIn.h"

#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/CallSession.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/NuaHandle.h"
#include "sipcore/internal/SipMessageText.h"

namespace Sip::Internal {
namespace {

using SipMessageText::headerText;

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
    SuHome home;
    url_t *copy = url_hdup(home.get(), url);
    QString result;
    if (copy) {
        copy->url_headers = nullptr;
        url_strip_param_string(const_cast<char *>(copy->url_params), "method");
        if (copy->url_params && !*copy->url_params)
            copy->url_params = nullptr;
        result = SipMessageText::uriText(copy);
    }
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

void CallTransferIn::onRefer(const NuaEvent &event)
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
        m_call.step(QStringLiteral("Refusing the transfer asked by %1: %2").arg(m_call.m_peer, why), true);
        sendNotify(eventText, 416, QStringLiteral("Unsupported URI Scheme"));
        return;
    }
    if (!isActive(m_call.m_state) || !m_target.isEmpty() || m_call.m_transferOut.isBusy()) {
        m_call.step(QStringLiteral("Refusing the transfer to %1: the call is %2")
                        .arg(target, !m_target.isEmpty() || m_call.m_transferOut.isBusy()
                                         ? QStringLiteral("already being transferred")
                                         : callStateName(m_call.m_state)),
                    true);
        sendNotify(eventText, 603, QStringLiteral("Declined"));
        return;
    }
    m_event = eventText;
    m_target = target;
    m_referredBy = sip && sip->sip_referred_by
                       ? headerText(reinterpret_cast<const sip_header_t *>(sip->sip_referred_by))
                       : QByteArray();
    m_call.step(QStringLiteral("%1 transfers the call to %2 (REFER accepted)%3")
                    .arg(m_call.m_peer, m_target,
                         m_referredBy.isEmpty()
                             ? QString()
                             : QStringLiteral(", Referred-By %1").arg(QString::fromUtf8(m_referredBy))));
    m_call.m_agent.reportTransferRequest(m_call.callId(), m_target);
}

void CallTransferIn::sendNotify(const QByteArray &event, int status, const QString &reason)
{
    if (!m_call.hasHandle())
        return;
    const QByteArray body = "SIP/2.0 " + QByteArray::number(status) + ' ' + sipfragPhrase(reason, status) + "\r\n";
    const bool final = status >= 200;
    nua_notify(m_call.handle(), SIPTAG_EVENT_STR(event.constData()),
               SIPTAG_SUBSCRIPTION_STATE_STR(final ? "terminated;reason=noresource" : "active"),
               SIPTAG_CONTENT_TYPE_STR("message/sipfrag;version=2.0"), SIPTAG_PAYLOAD_STR(body.constData()), TAG_END());
}

void CallTransferIn::progress(int status, const QString &reason)
{
    // One NOTIFY per REFER, carrying the outcome. In this Sofia build the request of a NOTIFY that a later
    // NOTIFY replaces stays at the head of the dialog's request queue: no BYE, INFO or NOTIFY would leave
    // the dialog after it. So no "100 Trying" or "180 Ringing" progress is sent.
    if (m_target.isEmpty() || !m_call.hasHandle() || status < 200)
        return;
    sendNotify(m_event, status, reason);
    const QString target = m_target;
    m_target.clear();
    m_event.clear();
    if (status >= 300) {
        m_call.step(
            QStringLiteral("Transfer to %1 failed (%2 %3); the call goes on").arg(target).arg(status).arg(reason),
            true);
        return;
    }
    m_call.step(QStringLiteral("Transferred to %1; leaving this call after the NOTIFY").arg(target));
    m_call.end(200, QStringLiteral("Transferred"), QStringLiteral("The call was transferred to %1.").arg(target), true);
    m_byeAfterNotify = true;
}

void CallTransferIn::onNotifyAnswer(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if (event.status >= 300)
        m_call.step(
            QStringLiteral("Transfer NOTIFY answered %1 %2").arg(event.status).arg(CallSession::phraseOf(event)), true);
    if (m_byeAfterNotify) {
        m_byeAfterNotify = false;
        // Not from inside this event: the NOTIFY transaction still heads the handle's request queue.
        m_call.engine().post([agent = m_call.m_agent.weak_from_this(), callId = m_call.callId()] {
            if (const std::shared_ptr<CallAgent> self = agent.lock()) {
                if (CallSession *session = self->session(callId))
                    session->hangUp(HangUpCause::User);
            }
        });
    }
}

void CallTransferIn::follow(const QString &originalCallId, const QByteArray &referredBy)
{
    m_transferredFrom = originalCallId;
    m_referredBy = referredBy;
}

void CallTransferIn::onCallState(CallState state)
{
    if (m_transferredFrom.isEmpty() || m_reported)
        return;
    switch (state) {
    case CallState::Connected:
        m_reported = true;
        m_call.m_agent.referProgress(m_transferredFrom, 200, QStringLiteral("OK"));
        return;
    case CallState::Ending:
    case CallState::Ended:
        m_reported = true;
        m_call.m_agent.referProgress(m_transferredFrom, m_call.m_endStatus >= 300 ? m_call.m_endStatus : 500,
                                     m_call.m_endStatus >= 300 ? m_call.m_endReason : QStringLiteral("Call Failed"));
        return;
    default:
        return;
    }
}

} // namespace Sip::Internal
