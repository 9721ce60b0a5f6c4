// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace Sip {

class SipEngine;
namespace Internal {
class CallAgent;
template <typename Target> class ReportChannel;
} // namespace Internal

/// Calls on the lines of one SipEngine: outgoing INVITE with Offhook's own SDP offer, incoming calls
/// (callChanged with CallState::Incoming, then answer() or reject()), hang-up, hold and resume by
/// re-INVITE, DTMF by SIP INFO, blind transfer by REFER. The media itself belongs to the caller: it binds
/// its RTP port before call()/answer() (LocalMedia) and runs what mediaChanged() reports.
///
/// Created and used in the engine's thread (GUI or CLI main thread); commands are posted to the engine
/// thread and results come back as queued signals carrying plain values. Calls are identified by
/// CallEvent::callId. Every SIP message of a call is in the engine's live log.
class CallService : public QObject
{
    Q_OBJECT
public:
    explicit CallService(SipEngine &engine, QObject *parent = nullptr);
    ~CallService() override; ///< Hangs up every call (without waiting for answers)

    /// Calls target ("1002" or "sip:1002@pbx") on a registered line; returns the new call's id. Failures
    /// (line not ready, no answer, busy ...) arrive as callChanged with CallState::Ended.
    QString call(const QString &lineId, const QString &target, const LocalMedia &media);
    /// Answers an incoming call (CallState::Incoming) with an SDP answer built for media; when the INVITE
    /// carried no SDP (delayed offer), the 200 OK offers media and the caller's ACK must answer it.
    void answer(const QString &callId, const LocalMedia &media);
    void reject(const QString &callId, RejectReason reason = RejectReason::Busy);
    /// BYE when connected, CANCEL while dialling, 603 while an incoming call rings.
    void hangUp(const QString &callId, HangUpCause cause = HangUpCause::User);
    void hold(const QString &callId);   ///< re-INVITE with a=sendonly
    void resume(const QString &callId); ///< re-INVITE with a=sendrecv
    /// DTMF as SIP INFO (application/dtmf-relay), for peers that negotiated no telephone-event.
    void sendInfoDigits(const QString &callId, const QString &digits);
    /// Blind transfer: REFER the other side to target; progress arrives as transferChanged.
    void transfer(const QString &callId, const QString &target);
    /// Follows the transfer transferRequested() announced: places a new call (returned id; its
    /// CallEvent::transferredFrom is callId) to the target with media; the peer of callId hears how it goes
    /// (NOTIFY) and callId ends with BYE once the new call is connected.
    QString followTransfer(const QString &callId, const LocalMedia &media);
    /// Refuses the transfer transferRequested() announced (e.g. no media for a new call); the call goes on.
    void declineTransfer(const QString &callId);

    /// Latest event of every call that has not ended.
    QList<CallEvent> activeCalls() const;
    CallEvent lastEvent(const QString &callId) const;

Q_SIGNALS:
    void callChanged(const Sip::CallEvent &event);
    void mediaChanged(const Sip::MediaParameters &media);
    void transferChanged(const Sip::TransferEvent &event);
    /// A digit received by SIP INFO (RFC 4733 digits come from the media layer).
    void infoDigitReceived(const QString &callId, QChar digit);
    /// The other side of callId transfers us (REFER, accepted with 202) to target, a sip:/sips: URI. Answer
    /// with followTransfer() or declineTransfer(); App::CallMedia follows it. An unusable Refer-To is
    /// refused without this signal.
    void transferRequested(const QString &callId, const QString &target);

private:
    friend class Internal::CallAgent;
    void install();
    void post(std::function<void(Internal::CallAgent &)> command);
    void onCallEvent(const CallEvent &event);

    SipEngine &m_engine;
    std::shared_ptr<Internal::ReportChannel<CallService>> m_channel;
    std::weak_ptr<Internal::CallAgent> m_agent;
    QHash<QString, CallEvent> m_calls;
};

} // namespace Sip
