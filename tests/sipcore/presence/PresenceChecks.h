// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/DialogInfoParser.h"
#include "sipcore/presence/PidfParser.h"

#include <QString>

// What must hold for any input, however hostile: shared by the robustness and corpus tests and the fuzzers.
// Each returns an empty string when the result is sound, else what is wrong.
namespace PresenceChecks {

inline QString checkPidf(const Sip::PresenceParseResult &result, const Sip::PresenceParseLimits &limits = {})
{
    using Sip::PresenceStatus;
    const Sip::ContactPresence &presence = result.presence;
    if (result.ok == !result.error.isEmpty())
        return QStringLiteral("ok and error disagree");
    if (!result.ok) {
        if (presence.status != PresenceStatus::Unknown || !presence.note.isEmpty() || !presence.activities.isEmpty())
            return QStringLiteral("refused document still reports presence");
        return {};
    }
    if (presence.status == PresenceStatus::Invalid)
        return QStringLiteral("accepted document without a status");
    if (presence.note.size() > limits.maxTextChars || presence.note != presence.note.trimmed())
        return QStringLiteral("note not bounded or not trimmed");
    if (presence.activities.size() > 32)
        return QStringLiteral("too many activities kept");
    if (!presence.basicStatus.isEmpty() && presence.basicStatus != QLatin1String("open") &&
        presence.basicStatus != QLatin1String("closed"))
        return QStringLiteral("unexpected basic status");
    if (!presence.dialogState.isEmpty())
        return QStringLiteral("PIDF result with a dialog state");
    return {};
}

inline QString checkDialogInfo(const Sip::DialogInfoResult &result, const Sip::PresenceParseLimits &limits = {})
{
    using Sip::PresenceStatus;
    if (result.ok == !result.error.isEmpty())
        return QStringLiteral("ok and error disagree");
    if (!result.ok) {
        if (result.presence.status != PresenceStatus::Unknown || !result.dialogs.isEmpty())
            return QStringLiteral("refused document still reports dialogs");
        return {};
    }
    const PresenceStatus status = result.presence.status;
    if (status != PresenceStatus::Online && status != PresenceStatus::Ringing && status != PresenceStatus::OnThePhone)
        return QStringLiteral("dialog-info status outside online/ringing/on-the-phone");
    if (result.dialogs.size() > limits.maxElements)
        return QStringLiteral("more dialogs than elements");
    Sip::ContactPresence summary;
    Sip::DialogInfoParser::summarize(result.dialogs, summary);
    if (summary.status != status || summary.dialogState != result.presence.dialogState)
        return QStringLiteral("status does not follow from the dialogs");
    if (result.version < -1)
        return QStringLiteral("negative version");
    return {};
}

} // namespace PresenceChecks
