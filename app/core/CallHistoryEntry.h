// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QDateTime>
#include <QString>

namespace Gui {

/// How a call in the history turned out.
enum class CallOutcome
{
    Invalid = 0,
    Answered,  ///< Connected: talked for durationSeconds
    Missed,    ///< Incoming, never answered here, and not refused by us (the caller gave up)
    Rejected,  ///< Incoming, refused here (486/603)
    Cancelled, ///< Outgoing, we gave up before the other side answered
    Failed,    ///< Outgoing, the other side or the network refused it (busy, not found, no answer ...)
};

QString callOutcomeName(CallOutcome outcome);         ///< "answered", "missed" ... (file format, logs)
CallOutcome callOutcomeFromName(const QString &name); ///< Invalid for anything unknown

/// One finished call as the history keeps it. Plain value, QtCore only.
struct CallHistoryEntry
{
    QDateTime startedUtc;
    QString lineId;
    QString lineLabel; ///< "1001@pbx" when the call ended; shown when the line is gone
    QString peer;      ///< sip:1002@pbx
    QString peerDisplayName;
    Sip::CallDirection direction = Sip::CallDirection::Invalid;
    CallOutcome outcome = CallOutcome::Invalid;
    qint64 durationSeconds = 0; ///< Talk time (0 unless Answered)
    int statusCode = 0;         ///< Final SIP status for calls that did not connect
    QString endReason;          ///< Plain words: the diagnosis, "BYE received", "Transferred to 1003"
    bool seen = true;           ///< False for a missed call nobody has looked at yet

    bool isValid() const
    {
        return startedUtc.isValid() && !peer.isEmpty() && direction != Sip::CallDirection::Invalid &&
               outcome != CallOutcome::Invalid;
    }
    bool isUnseenMissed() const { return outcome == CallOutcome::Missed && !seen; }
    bool operator==(const CallHistoryEntry &other) const = default;

    /// What a call that ended this way counts as: connected calls are Answered; an incoming one is
    /// Rejected when we refused it and Missed otherwise; an outgoing one is Cancelled when we hung up
    /// before the answer and Failed otherwise.
    static CallOutcome classify(Sip::CallDirection direction, bool connected, const Sip::CallEvent &ended);
};

} // namespace Gui
