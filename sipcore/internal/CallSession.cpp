// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/CallSession.h"

#include "sipcore/CallDiagnosis.h"
#include "sipcore/SdpNegotiation.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/HostResolver.h"
#include "sipcore/internal/SipMessageText.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace Sip::Internal {

using SipMessageText::bodyOf;
using SipMessageText::sdpOf;

CallSession::CallSession(CallAgent &agent, EngineThread &engine, QString callId, const LineContext &line)
    : SessionCore(engine, line), m_agent(agent), m_callId(std::move(callId)),
      m_sdpSessionId(QRandomGenerator::global()->bounded(1u << 30)), m_info(*this), m_transferOut(*this),
      m_transferIn(*this)
{
}

CallSession::~CallSession()
{
    releaseHandle();
}

QString CallSession::localAddress() const
{
    // "sip:127.0.0.1:5060;transport=udp" -> the local address that routes there.
    static const QRegularExpression hop(QStringLiteral(R"(^sips?:\[?([^\]]+?)\]?(?::(\d+))?(?:;.*)?$)"));
    const QRegularExpressionMatch match = hop.match(QString::fromUtf8(m_line.nextHopUri));
    if (!match.hasMatch())
        return QStringLiteral("127.0.0.1");
    const QString address =
        HostResolver::localAddressFor(match.captured(1), static_cast<quint16>(match.captured(2).toUInt()));
    return address.isEmpty() ? QStringLiteral("127.0.0.1") : address;
}

QByteArray CallSession::nextSdpVersion()
{
    return QByteArray::number(++m_sdpVersion);
}

void CallSession::dial(const QString &target, const LocalMedia &media)
{
    m_direction = CallDirection::Outgoing;
    m_local = media;
    if (!m_line.isValid() || !engine().nua()) {
        m_peer = target;
        end(0, QStringLiteral("Line not ready"),
            QStringLiteral("The line is not set up yet (it has not tried to register); calls need a line that "
                           "registered once."),
            true);
        return;
    }
    const QByteArray targetUri = m_line.targetUri(target);
    m_peer = QString::fromUtf8(targetUri);
    m_address = media.address.isEmpty() ? localAddress() : media.address;
    m_localSdp = Sdp::buildTemplate(m_local, m_address, m_sdpSessionId, nextSdpVersion().toULongLong());
    if (!openHandle(targetUri)) {
        end(900, QStringLiteral("Internal error"), QStringLiteral("The SIP stack could not create a call handle."),
            true);
        return;
    }
    step(QStringLiteral("Calling %1 from %2 (offer: %3, RTP %4:%5)")
             .arg(m_peer, QString::fromUtf8(m_line.addressOfRecord),
                  (m_local.codecs.isEmpty() ? Sdp::supportedCodecs() : m_local.codecs).join(QLatin1Char(' ')),
                  m_address)
             .arg(m_local.rtpPort));
    // The INVITE goes to the line's resolved server, never through Sofia's own DNS: a pre-loaded loose
    // route to the next hop (the handle's proxy setting does not reach a dialog-creating request here).
    const QByteArray route = "<" + m_line.nextHopUri + ";lr>";
    const QByteArray referredBy = m_transferIn.referredByForInvite();
    nua_invite(handle(), SIPTAG_ROUTE_STR(route.constData()), SIPTAG_CONTENT_TYPE_STR("application/sdp"),
               SIPTAG_PAYLOAD_STR(m_localSdp.constData()),
               // Ask for a session interval (RFC 4028): a 422 is then retried with the Min-SE it names.
               NUTAG_SESSION_TIMER(1800), TAG_IF(!referredBy.isEmpty(), SIPTAG_REFERRED_BY_STR(referredBy.constData())),
               TAG_END());
    setState(CallState::Dialing);
}

void CallSession::receive(const NuaEvent &invite)
{
    m_direction = CallDirection::Incoming;
    adoptHandle(invite);
    const sip_t *sip = invite.sip;
    if (sip && sip->sip_from) {
        m_peer = SipMessageText::uriText(sip->sip_from->a_url);
        m_peerDisplayName =
            QString::fromUtf8(sip->sip_from->a_display ? sip->sip_from->a_display : "").remove(QLatin1Char('"'));
    }
    m_remoteOffer = sdpOf(sip);
    step(QStringLiteral("Incoming call from %1 on %2").arg(m_peer, QString::fromUtf8(m_line.addressOfRecord)));
    if (m_remoteOffer.isEmpty() && bodyOf(sip).isEmpty()) {
        acceptDelayedOffer();
        return;
    }
    const Sdp::Outcome check = m_remoteOffer.isEmpty()
                                   ? Sdp::Outcome{{},
                                                  QStringLiteral("The caller sent no SDP offer, which Offhook "
                                                                 "needs in the INVITE."),
                                                  488}
                                   : Sdp::checkOffer(m_remoteOffer);
    if (!check.ok()) {
        step(QStringLiteral("Refusing the call: %1").arg(check.error), true);
        refuse(check.status, check.error);
        end(check.status, check.status == 400 ? QStringLiteral("Bad Request") : QStringLiteral("Not Acceptable Here"),
            check.error, true);
        return;
    }
    nua_respond(handle(), SIP_180_RINGING, NUTAG_WITH_THIS(engine().nua()), TAG_END());
    setState(CallState::Incoming, 180, QStringLiteral("Ringing"));
}

void CallSession::answer(const LocalMedia &media)
{
    if (m_state != CallState::Incoming || !hasHandle())
        return;
    m_local = media;
    m_address = media.address.isEmpty() ? localAddress() : media.address;
    if (m_remoteOffer.isEmpty()) {
        answerWithOffer();
        return;
    }
    QString error;
    int status = 0;
    const QByteArray sdp = Sdp::buildAnswer(m_remoteOffer, m_local, m_address, m_sdpSessionId,
                                            nextSdpVersion().toULongLong(), &error, &status);
    if (sdp.isEmpty() || !applyNegotiation(sdp, m_remoteOffer, false)) {
        if (!error.isEmpty())
            step(QStringLiteral("Cannot answer: %1").arg(error), true);
        nua_respond(handle(), SIP_488_NOT_ACCEPTABLE, TAG_END());
        end(488, QStringLiteral("Not Acceptable Here"), error.isEmpty() ? m_endDiagnosis : error, true);
        return;
    }
    m_localSdp = sdp;
    step(QStringLiteral("Answering %1").arg(m_peer));
    nua_respond(handle(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                SIPTAG_PAYLOAD_STR(m_localSdp.constData()), TAG_END());
    setState(CallState::Answering, 200, QStringLiteral("OK"));
}

void CallSession::reject(RejectReason reason)
{
    if (m_state != CallState::Incoming || !hasHandle())
        return;
    const bool busy = reason != RejectReason::Decline;
    step(QStringLiteral("Rejecting the call from %1 (%2)")
             .arg(m_peer, busy ? QStringLiteral("486 Busy Here") : QStringLiteral("603 Decline")));
    if (busy)
        nua_respond(handle(), SIP_486_BUSY_HERE, TAG_END());
    else
        nua_respond(handle(), SIP_603_DECLINE, TAG_END());
    end(busy ? 486 : 603, busy ? QStringLiteral("Busy Here") : QStringLiteral("Decline"),
        QStringLiteral("The call was rejected here."), true);
    setState(CallState::Ending);
}

void CallSession::hangUp(HangUpCause cause)
{
    if (!hasHandle())
        return;
    const QString why = cause == HangUpCause::MediaTimeout
                            ? QStringLiteral("No media from the other side for too long: it has probably gone "
                                             "away, so the call was ended.")
                        : cause == HangUpCause::MediaError
                            ? QStringLiteral("The call's audio failed, so the call was ended.")
                            : QStringLiteral("Hung up here.");
    if (cause == HangUpCause::MediaTimeout && (m_state == CallState::Dialing || m_state == CallState::Ringing)) {
        // Early media that falls silent (an announcement ended) is no reason to give up before the answer.
        step(QStringLiteral("No early media from %1 for a while; still waiting for the answer").arg(m_peer));
        return;
    }
    switch (m_state) {
    case CallState::Dialing:
    case CallState::Ringing:
        step(QStringLiteral("Cancelling the call to %1").arg(m_peer));
        end(487, QStringLiteral("Request Terminated"), QStringLiteral("The call was cancelled before it was answered."),
            true);
        nua_cancel(handle(), TAG_END());
        setState(CallState::Ending);
        return;
    case CallState::Incoming:
        reject(RejectReason::Decline);
        return;
    case CallState::Answering:
    case CallState::Connected:
    case CallState::Held:
    case CallState::RemoteHeld:
        step(cause == HangUpCause::User ? QStringLiteral("Hanging up (BYE)")
                                        : QStringLiteral("Hanging up (BYE): %1").arg(why),
             cause != HangUpCause::User);
        end(200, cause == HangUpCause::MediaTimeout ? QStringLiteral("RTP timeout") : QStringLiteral("BYE sent"), why,
            true);
        nua_bye(handle(), TAG_END());
        setState(CallState::Ending);
        // A peer that has vanished may never answer the BYE: the call is over for the user now; the
        // handle goes when the BYE transaction ends.
        if (cause != HangUpCause::User)
            setState(CallState::Ended, m_endStatus, m_endReason);
        return;
    default:
        return;
    }
}

void CallSession::setHold(bool hold)
{
    const bool active =
        m_state == CallState::Connected || m_state == CallState::Held || m_state == CallState::RemoteHeld;
    if (!active || !hasHandle() || m_reInviting || hold == m_localHold)
        return;
    m_localHold = hold;
    m_local.direction = hold ? MediaDirection::SendOnly : MediaDirection::SendRecv;
    m_localSdp = Sdp::buildTemplate(m_local, m_address, m_sdpSessionId, nextSdpVersion().toULongLong());
    m_reInviting = true;
    step(hold ? QStringLiteral("Putting %1 on hold (re-INVITE, sendonly)").arg(m_peer)
              : QStringLiteral("Resuming the call with %1 (re-INVITE, sendrecv)").arg(m_peer));
    nua_invite(handle(), SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(m_localSdp.constData()),
               TAG_END());
}

void CallSession::abandon()
{
    if (!hasHandle())
        return;
    if (m_state == CallState::Incoming)
        nua_respond(handle(), SIP_480_TEMPORARILY_UNAVAILABLE, TAG_END());
    if (!m_endRecorded)
        end(0, QStringLiteral("Shut down"), QStringLiteral("Offhook shut down during the call."), true);
    // Destroying a live call's handle sends BYE (or CANCEL) without reporting back.
    releaseHandle();
    setState(CallState::Ended, m_endStatus, m_endReason);
}

void CallSession::onNuaEvent(const NuaEvent &event)
{
    if (!owns(event))
        return;
    switch (event.event) {
    case nua_r_invite:
        onInviteResult(event);
        break;
    case nua_i_invite:
        onReInvite(event);
        break;
    case nua_i_state:
        onState(event);
        break;
    case nua_i_ack:
        onAck(event);
        break;
    case nua_i_cancel:
        step(QStringLiteral("The caller hung up before the call was answered (CANCEL)"));
        end(487, QStringLiteral("Request Terminated"),
            CallDiagnosis::explain(487, QString(), CallDiagnosis::Context{false, false, true, {}}), false);
        break;
    case nua_i_bye:
        step(QStringLiteral("The other side hung up (BYE)"));
        end(200, QStringLiteral("BYE received"), QStringLiteral("The other side hung up."), false);
        break;
    case nua_r_bye:
        if (event.status >= 200 && !answerDialogChallenge(event, QStringLiteral("BYE")))
            finish();
        break;
    case nua_r_cancel:
        if (event.status >= 300)
            step(QStringLiteral("CANCEL answered %1 %2").arg(event.status).arg(phraseOf(event)));
        break;
    case nua_i_info:
        m_info.onRequest(event);
        break;
    case nua_r_info:
        m_info.onAnswer(event);
        break;
    case nua_r_refer:
        m_transferOut.onReferAnswer(event);
        break;
    case nua_i_notify:
        m_transferOut.onNotify(event);
        break;
    case nua_i_refer:
        m_transferIn.onRefer(event);
        break;
    case nua_r_notify:
        m_transferIn.onNotifyAnswer(event);
        break;
    default:
        break;
    }
}

void CallSession::onInviteResult(const NuaEvent &event)
{
    if (m_reInviting) {
        onReInviteResult(event);
        return;
    }
    const sip_t *sip = event.sip;
    if (event.status < 200) {
        if (event.status == 100 && sip && sip->sip_status && sip->sip_status->st_status >= 400) {
            const int retried = sip->sip_status->st_status;
            step(retried == 422 ? QStringLiteral("recv 422; retrying INVITE with the session interval the peer asks "
                                                 "for (Min-SE %1 s)")
                                      .arg(sip->sip_min_se ? sip->sip_min_se->min_delta : 0)
                                : QStringLiteral("recv %1; retrying INVITE with cached credentials").arg(retried));
            return;
        }
        if (event.status >= 180) {
            const QByteArray early = sdpOf(sip);
            const bool ringing = m_state == CallState::Dialing || m_state == CallState::Ringing;
            if (!early.isEmpty()) {
                m_earlySdp = early;
                if (ringing)
                    applyEarlyMedia(early);
            }
            if (m_state == CallState::Dialing || (ringing && m_earlyMedia != m_earlyMediaReported))
                setState(CallState::Ringing, event.status, phraseOf(event));
        }
        return;
    }
    if ((event.status == 401 || event.status == 407) &&
        answerChallenge(event, QStringLiteral("INVITE")) == ChallengeResponder::Outcome::Answered)
        return;
    if (event.status >= 300) {
        onInviteFailed(event);
        return;
    }
    if (m_state == CallState::Ending) {
        // Answered while our CANCEL crossed it: hang up right away.
        nua_bye(handle(), TAG_END());
        return;
    }
    QByteArray answer = sdpOf(sip);
    if (answer.isEmpty())
        answer = m_earlySdp;
    if (!applyNegotiation(m_localSdp, answer, true)) {
        nua_bye(handle(), TAG_END());
        setState(CallState::Ending);
        return;
    }
    step(QStringLiteral("Call connected with %1").arg(m_peer));
    setState(CallState::Connected, event.status, phraseOf(event));
}

void CallSession::onReInviteResult(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if (answerDialogChallenge(event, QStringLiteral("re-INVITE")))
        return;
    m_reInviting = false;
    if (event.status >= 300) {
        step(QStringLiteral("re-INVITE refused: %1 %2; the call goes on as before")
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
        m_localHold = !m_localHold;
        m_local.direction = m_localHold ? MediaDirection::SendOnly : MediaDirection::SendRecv;
        return;
    }
    const QByteArray answer = sdpOf(event.sip);
    if (!answer.isEmpty())
        applyNegotiation(m_localSdp, answer, true);
    setState(m_localHold ? CallState::Held : CallState::Connected, event.status, phraseOf(event));
}

void CallSession::onInviteFailed(const NuaEvent &event)
{
    const sip_t *sip = event.sip;
    CallDiagnosis::Context context;
    context.credentialsSent = m_auth.answered();
    context.stackGenerated = stackGenerated(event.status);
    if (context.stackGenerated)
        context.detail = engine().lastTransportError();
    else if (sip && sip->sip_warning && sip->sip_warning->w_text)
        context.detail = QString::fromUtf8(sip->sip_warning->w_text);
    if (event.status == 487 && m_endRecorded) {
        step(QStringLiteral("Call cancelled"));
        return; // reason already recorded by hangUp()
    }
    const QString diagnosis = CallDiagnosis::explain(event.status, phraseOf(event), context);
    step(QStringLiteral("Call failed: %1 %2 — %3")
             .arg(event.status)
             .arg(phraseOf(event), CallDiagnosis::clause(event.status, phraseOf(event), context)),
         true);
    // A challenge that is not answered leaves Sofia's INVITE waiting for credentials, and the call would
    // never reach its terminated state: let the handle go so the call ends now.
    if (event.status == 401 || event.status == 407)
        releaseHandle();
    end(event.status, phraseOf(event), diagnosis, false);
}

void CallSession::onReInvite(const NuaEvent &event)
{
    const QByteArray offer = sdpOf(event.sip);
    if (offer.isEmpty()) {
        // An offer-less re-INVITE (e.g. a refresh): offer our current SDP again; the answer comes in the ACK.
        m_localSdp = Sdp::buildTemplate(m_local, m_address, m_sdpSessionId, nextSdpVersion().toULongLong());
        nua_respond(handle(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                    SIPTAG_PAYLOAD_STR(m_localSdp.constData()), NUTAG_WITH_THIS(engine().nua()), TAG_END());
        return;
    }
    QString error;
    int status = 0;
    const QByteArray answer =
        Sdp::buildAnswer(offer, m_local, m_address, m_sdpSessionId, m_sdpVersion + 1, &error, &status);
    if (answer.isEmpty()) {
        step(QStringLiteral("Refusing the other side's re-INVITE: %1").arg(error), true);
        refuse(488, error);
        return;
    }
    ++m_sdpVersion;
    m_localSdp = answer;
    const bool applied = applyNegotiation(answer, offer, false);
    nua_respond(handle(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                SIPTAG_PAYLOAD_STR(m_localSdp.constData()), NUTAG_WITH_THIS(engine().nua()), TAG_END());
    if (!applied)
        return;
    const Sdp::ParseResult parsed = Sdp::parse(offer);
    const int index = parsed.session.firstAudioIndex();
    const MediaDirection remote = index >= 0 ? parsed.session.media.at(index).direction : MediaDirection::SendRecv;
    const bool remoteHolds = remote == MediaDirection::SendOnly || remote == MediaDirection::Inactive;
    if (remoteHolds != m_remoteHold) {
        m_remoteHold = remoteHolds;
        step(remoteHolds ? QStringLiteral("The other side put the call on hold")
                         : QStringLiteral("The other side resumed the call"));
    }
    if (m_state == CallState::Connected || m_state == CallState::Held || m_state == CallState::RemoteHeld)
        setState(m_localHold ? CallState::Held : (m_remoteHold ? CallState::RemoteHeld : CallState::Connected), 200,
                 QStringLiteral("re-INVITE"));
}

void CallSession::onState(const NuaEvent &event)
{
    int callState = nua_callstate_init;
    tl_gets(event.tags, NUTAG_CALLSTATE_REF(callState), TAG_END());
    if (callState == nua_callstate_ready && m_state == CallState::Answering && !m_awaitingAckAnswer)
        setState(CallState::Connected, 200, QStringLiteral("ACK received"));
    if (callState == nua_callstate_terminated) {
        if (!m_endRecorded) {
            m_endRecorded = true;
            m_endReason = QStringLiteral("Call ended");
        }
        finish();
    }
}

void CallSession::finish()
{
    const bool alreadyEnded = m_state == CallState::Ended;
    releaseHandle();
    if (alreadyEnded)
        m_agent.sessionFinished(m_callId); // reported before; now it can go
    else
        setState(CallState::Ended, m_endStatus, m_endReason);
}

bool CallSession::applyNegotiation(const QByteArray &localSdp, const QByteArray &remoteSdp, bool localIsOfferer)
{
    Sdp::Outcome outcome = Sdp::negotiate(localSdp, remoteSdp, localIsOfferer);
    if (!outcome.ok()) {
        step(outcome.error, true);
        end(outcome.status, outcome.status == 400 ? QStringLiteral("Bad SDP") : QStringLiteral("No common codec"),
            outcome.error, localIsOfferer);
        return false;
    }
    outcome.media.callId = m_callId;
    if (outcome.media == m_media)
        return true;
    m_media = outcome.media;
    step(QStringLiteral("Media: %1, %2%3")
             .arg(m_media.describe(), mediaDirectionName(m_media.direction),
                  m_media.telephoneEventPayloadType >= 0
                      ? QStringLiteral(", telephone-event %1").arg(m_media.telephoneEventPayloadType)
                      : QStringLiteral(", no telephone-event")));
    m_agent.reportMedia(m_media);
    return true;
}

void CallSession::setState(CallState state, int status, const QString &reason)
{
    if (m_state == CallState::Ended)
        return;
    const bool changed = state != m_state;
    m_state = state;
    if (changed)
        m_transferIn.onCallState(state);
    if (!changed && state != CallState::Connected && state != CallState::Held &&
        !(state == CallState::Ringing && m_earlyMedia != m_earlyMediaReported))
        return;
    CallEvent event;
    event.callId = m_callId;
    event.lineId = m_line.lineId;
    event.state = state;
    event.direction = m_direction;
    event.peer = m_peer;
    event.peerDisplayName = m_peerDisplayName;
    event.statusCode = status;
    event.reason = reason;
    event.sipCallId = QString::fromUtf8(sipCallId());
    event.transferredFrom = m_transferIn.transferredFrom();
    event.timestamp = QDateTime::currentDateTimeUtc();
    event.earlyMedia = m_earlyMedia && state == CallState::Ringing;
    m_earlyMediaReported = event.earlyMedia;
    if (state == CallState::Ended) {
        event.statusCode = m_endStatus;
        event.reason = m_endReason;
        event.diagnosis = m_endDiagnosis;
        event.endedLocally = m_endedLocally;
        step(QStringLiteral("Call %1 ended: %2%3")
                 .arg(m_callId,
                      m_endStatus > 0 ? QStringLiteral("%1 %2").arg(m_endStatus).arg(m_endReason) : m_endReason,
                      m_endDiagnosis.isEmpty() ? QString() : QStringLiteral(" — %1").arg(m_endDiagnosis)));
        m_agent.reportCall(event);
        m_agent.sessionFinished(m_callId);
        return;
    }
    m_agent.reportCall(event);
}

void CallSession::end(int status, const QString &reason, const QString &diagnosis, bool locally)
{
    if (!m_endRecorded) {
        m_endRecorded = true;
        m_endStatus = status;
        m_endReason = reason;
        m_endDiagnosis = diagnosis;
        m_endedLocally = locally;
    }
    if (!hasHandle())
        setState(CallState::Ended, m_endStatus, m_endReason);
}

void CallSession::applyEarlyMedia(const QByteArray &remoteSdp)
{
    Sdp::Outcome outcome = Sdp::negotiate(m_localSdp, remoteSdp, true);
    if (!outcome.ok()) {
        step(QStringLiteral("Early media ignored: %1").arg(outcome.error), true);
        return;
    }
    outcome.media.callId = m_callId;
    if (!m_earlyMedia)
        step(QStringLiteral("Early media from %1 (ringback or announcement before the answer)").arg(m_peer));
    m_earlyMedia = true;
    if (outcome.media == m_media)
        return;
    m_media = outcome.media;
    step(QStringLiteral("Early media: %1, %2").arg(m_media.describe(), mediaDirectionName(m_media.direction)));
    m_agent.reportMedia(m_media);
}

void CallSession::acceptDelayedOffer()
{
    step(QStringLiteral("The INVITE carries no SDP (delayed offer): the answer will offer our media and take the "
                        "caller's answer from its ACK"));
    nua_respond(handle(), SIP_180_RINGING, NUTAG_WITH_THIS(engine().nua()), TAG_END());
    setState(CallState::Incoming, 180, QStringLiteral("Ringing"));
}

void CallSession::answerWithOffer()
{
    m_localSdp = Sdp::buildTemplate(m_local, m_address, m_sdpSessionId, nextSdpVersion().toULongLong());
    m_awaitingAckAnswer = true;
    step(QStringLiteral("Answering %1 with our SDP offer; the answer is due in the ACK").arg(m_peer));
    nua_respond(handle(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                SIPTAG_PAYLOAD_STR(m_localSdp.constData()), TAG_END());
    setState(CallState::Answering, 200, QStringLiteral("OK"));
}

void CallSession::onAck(const NuaEvent &event)
{
    if (m_awaitingAckAnswer) {
        m_awaitingAckAnswer = false;
        const QByteArray answer = sdpOf(event.sip);
        bool usable = false;
        if (answer.isEmpty()) {
            const QString error = QStringLiteral("The caller sent no SDP answer in its ACK to the offer in our 200 OK "
                                                 "(delayed offer), so there is no media to run.");
            step(error, true);
            end(488, QStringLiteral("No SDP answer in ACK"), error, true);
        } else {
            usable = applyNegotiation(m_localSdp, answer, true);
        }
        if (!usable) {
            step(QStringLiteral("Hanging up (BYE): no usable answer to our offer"), true);
            nua_bye(handle(), TAG_END());
            setState(CallState::Ending);
            return;
        }
    }
    if (m_state == CallState::Answering)
        setState(CallState::Connected, 200, QStringLiteral("ACK received"));
}

bool CallSession::answerDialogChallenge(const NuaEvent &event, const QString &request)
{
    ChallengeResponder &auth = m_dialogAuth[event.event];
    if (event.status != 401 && event.status != 407) {
        if (event.status >= 200)
            auth.reset(); // the next request of this kind may be challenged and answered anew
        return false;
    }
    const ChallengeResponder::Outcome outcome = answerChallenge(event, request, auth);
    if (outcome == ChallengeResponder::Outcome::Answered)
        return true;
    step(QStringLiteral("%1 refused: %2 %3 — %4")
             .arg(request)
             .arg(event.status)
             .arg(phraseOf(event), refusal(outcome, auth)),
         true);
    auth.reset();
    return false;
}

void CallSession::refuse(int status, const QString &why)
{
    const QByteArray warning = "399 offhook \"" + why.toUtf8().replace('"', '\'') + "\"";
    if (status == 400)
        nua_respond(handle(), SIP_400_BAD_REQUEST, SIPTAG_WARNING_STR(warning.constData()),
                    NUTAG_WITH_THIS(engine().nua()), TAG_END());
    else
        nua_respond(handle(), SIP_488_NOT_ACCEPTABLE, SIPTAG_WARNING_STR(warning.constData()),
                    NUTAG_WITH_THIS(engine().nua()), TAG_END());
}

void CallSession::followRefer(const QString &originalCallId, const QString &target, const QByteArray &referredBy,
                              const LocalMedia &media)
{
    m_transferIn.follow(originalCallId, referredBy);
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

} // namespace Sip::Internal
