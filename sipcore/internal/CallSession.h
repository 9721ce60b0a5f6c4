// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"
#include "sipcore/internal/CallInfo.h"
#include "sipcore/internal/CallTransferIn.h"
#include "sipcore/internal/CallTransferOut.h"
#include "sipcore/internal/SessionCore.h"

#include <QByteArray>
#include <QString>
#include <map>

namespace Sip::Internal {

class CallAgent;

/// One call on the engine thread: the INVITE dialog both ways, with its own SDP (Sofia's media engine is
/// off), so offer, answer, early media, re-INVITEs for hold and the peer's changes all go through
/// Sip::Sdp. Answers a 401/407 to the INVITE once with the line's credentials and reports every state
/// change and each negotiated MediaParameters to its CallAgent. Requests inside the dialog that are
/// features of their own have classes of their own: SIP INFO digits (CallInfo), our blind transfer
/// (CallTransferOut) and being transferred (CallTransferIn). Engine thread only.
class CallSession : public SessionCore
{
public:
    CallSession(CallAgent &agent, EngineThread &engine, QString callId, const LineContext &line);
    ~CallSession() override;
    CallSession(const CallSession &) = delete;
    CallSession &operator=(const CallSession &) = delete;

    const QString &callId() const { return m_callId; }
    CallState state() const { return m_state; }
    bool isFinished() const { return m_state == CallState::Ended && !hasHandle(); }

    /// Outgoing: INVITE target ("1002" or a SIP URI) with an offer for media.
    void dial(const QString &target, const LocalMedia &media);
    /// Incoming: takes the stack's handle of a new INVITE, rings (180) or refuses an unusable offer.
    void receive(const NuaEvent &invite);
    void answer(const LocalMedia &media);
    void reject(RejectReason reason);
    void hangUp(HangUpCause cause);
    void setHold(bool hold);
    void sendInfoDigits(const QString &digits) { m_info.send(digits); }
    void transfer(const QString &target) { m_transferOut.start(target); }
    /// Outgoing call placed because the peer of originalCallId sent REFER: INVITE target (with
    /// Referred-By when the REFER had one); its progress goes back to that call as NOTIFYs.
    void followRefer(const QString &originalCallId, const QString &target, const QByteArray &referredBy,
                     const LocalMedia &media);
    /// The REFER this call accepted: its target and Referred-By (empty when none is pending).
    QString referTarget() const { return m_transferIn.target(); }
    QByteArray referredBy() const { return m_transferIn.referredBy(); }
    /// Progress of the call that follows our accepted REFER (see CallTransferIn::progress).
    void referProgress(int status, const QString &reason) { m_transferIn.progress(status, reason); }
    /// Engine shutdown: end the call without waiting for events.
    void abandon();

    void onNuaEvent(const NuaEvent &event) override;

private:
    friend class CallInfo;
    friend class CallTransferIn;
    friend class CallTransferOut;

    void onInviteResult(const NuaEvent &event);
    void onReInviteResult(const NuaEvent &event);
    void onInviteFailed(const NuaEvent &event);
    void onReInvite(const NuaEvent &event);
    void onState(const NuaEvent &event);
    bool applyNegotiation(const QByteArray &localSdp, const QByteArray &remoteSdp, bool localIsOfferer);
    void setState(CallState state, int status = 0, const QString &reason = {});
    void end(int status, const QString &reason, const QString &diagnosis, bool locally);
    void finish();                               ///< The dialog is gone: release the handle, report Ended once
    void refuse(int status, const QString &why); ///< 400/488 to a request of the peer, with a Warning
    QString localAddress() const;
    QByteArray nextSdpVersion();
    /// SDP in a 180/183: start the media before the answer (ringback, announcements). A bad early SDP is
    /// only logged; the 200 OK decides.
    void applyEarlyMedia(const QByteArray &remoteSdp);
    /// Incoming INVITE without SDP (delayed offer): ring; answer() then offers in the 200 OK.
    void acceptDelayedOffer();
    void answerWithOffer();
    /// The caller's ACK: carries the answer to the offer of our 200 OK after a delayed offer.
    void onAck(const NuaEvent &event);
    /// A 401/407 to a request inside the dialog (re-INVITE, REFER, INFO, BYE): answered once with the
    /// line's credentials, true while that retry is under way. Another challenge for the same kind of
    /// request means the credentials were refused: logged as such, false.
    bool answerDialogChallenge(const NuaEvent &event, const QString &request);

    CallAgent &m_agent;
    QString m_callId;
    CallDirection m_direction = CallDirection::Invalid;
    CallState m_state = CallState::Invalid;
    LocalMedia m_local;
    QString m_address;        ///< Our address in SDP
    QByteArray m_localSdp;    ///< Last SDP we sent (offer or answer)
    QByteArray m_remoteOffer; ///< Offer of the incoming INVITE, until answered
    QByteArray m_earlySdp;    ///< SDP of a 18x, used when the 200 carries none
    quint64 m_sdpSessionId = 0;
    quint64 m_sdpVersion = 0;
    bool m_reInviting = false; ///< Our re-INVITE (hold/resume) is pending
    bool m_remoteHold = false;
    bool m_localHold = false;
    QString m_peer;
    QString m_peerDisplayName;
    MediaParameters m_media;
    CallInfo m_info;
    CallTransferOut m_transferOut;
    CallTransferIn m_transferIn;
    // Why the call ends, kept until the stack says the dialog is gone.
    int m_endStatus = 0;
    QString m_endReason;
    QString m_endDiagnosis;
    bool m_endedLocally = false;
    bool m_endRecorded = false;
    bool m_earlyMedia = false;                      ///< Media runs from a 18x's SDP (outgoing, before the answer)
    bool m_earlyMediaReported = false;              ///< The last CallEvent said so
    bool m_awaitingAckAnswer = false;               ///< Our 200 OK carried the offer; the answer comes in the ACK
    std::map<int, ChallengeResponder> m_dialogAuth; ///< Per nua_r_* event of in-dialog requests
};

} // namespace Sip::Internal
