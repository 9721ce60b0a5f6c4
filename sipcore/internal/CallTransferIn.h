// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"
#include "sipcore/internal/HandleOwner.h"

#include <QByteArray>
#include <QString>

namespace Sip::Internal {

class CallSession;

/// Being transferred (RFC 3515) in one call: the peer's REFER (Sofia answered 202 already), the new
/// call that follows it, and the message/sipfrag NOTIFY that tells the peer how that call went. On the
/// new call's side it remembers which call it follows and reports that call its outcome. Part of its
/// CallSession. Engine thread only.
class CallTransferIn
{
public:
    explicit CallTransferIn(CallSession &call) : m_call(call) {}

    void onRefer(const NuaEvent &event);        ///< nua_i_refer
    void onNotifyAnswer(const NuaEvent &event); ///< nua_r_notify
    /// Outcome of the call that follows our accepted REFER: one NOTIFY; a 2xx ends this call (BYE after
    /// the NOTIFY), a failure keeps it.
    void progress(int status, const QString &reason);
    /// The REFER this call accepted and has not yet answered by NOTIFY (empty when none).
    QString target() const { return m_target; }
    QByteArray referredBy() const { return m_referredBy; }
    bool isPending() const { return !m_target.isEmpty(); }

    // The new call's side.
    void follow(const QString &originalCallId, const QByteArray &referredBy);
    const QString &transferredFrom() const { return m_transferredFrom; }
    /// Referred-By for the INVITE of a call that follows a REFER (empty otherwise).
    QByteArray referredByForInvite() const { return m_transferredFrom.isEmpty() ? QByteArray() : m_referredBy; }
    /// The new call's state changed: Connected or its end is reported to the call it follows.
    void onCallState(CallState state);

private:
    void sendNotify(const QByteArray &event, int status, const QString &reason);

    CallSession &m_call;
    // Incoming REFER: its event ("refer;id=2"), target and Referred-By while the new call runs.
    QByteArray m_event;
    QString m_target;
    QByteArray m_referredBy;
    bool m_byeAfterNotify = false;
    // A call placed to follow a REFER: the call that was transferred.
    QString m_transferredFrom;
    bool m_reported = false;
};

} // namespace Sip::Internal
