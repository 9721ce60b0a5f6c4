// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/CallHistoryEntry.h"

namespace Gui {

QString callOutcomeName(CallOutcome outcome)
{
    switch (outcome) {
    case CallOutcome::Answered:
        return QStringLiteral("answered");
    case CallOutcome::Missed:
        return QStringLiteral("missed");
    case CallOutcome::Rejected:
        return QStringLiteral("rejected");
    case CallOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case CallOutcome::Failed:
        return QStringLiteral("failed");
    case CallOutcome::Invalid:
        break;
    }
    return {};
}

CallOutcome callOutcomeFromName(const QString &name)
{
    for (CallOutcome outcome : {CallOutcome::Answered, CallOutcome::Missed, CallOutcome::Rejected,
                                CallOutcome::Cancelled, CallOutcome::Failed}) {
        if (name == callOutcomeName(outcome))
            return outcome;
    }
    return CallOutcome::Invalid;
}

CallOutcome CallHistoryEntry::classify(Sip::CallDirection direction, bool connected, const Sip::CallEvent &ended)
{
    if (connected)
        return CallOutcome::Answered;
    if (direction == Sip::CallDirection::Incoming)
        return ended.endedLocally ? CallOutcome::Rejected : CallOutcome::Missed;
    if (direction == Sip::CallDirection::Outgoing) {
        // Our own CANCEL comes back as 487; anything else that ended it was the far side or the network.
        const bool cancelledHere = ended.endedLocally && (ended.statusCode == 487 || ended.statusCode == 0);
        return cancelledHere ? CallOutcome::Cancelled : CallOutcome::Failed;
    }
    return CallOutcome::Invalid;
}

} // namespace Gui
