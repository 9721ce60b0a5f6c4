// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/ContactPresence.h"

#include <QMetaType>
#include <QString>

namespace Sip {

/// The status the user publishes for their own line (PUBLISH via PidfBuilder).
enum class OwnStatus
{
    Invalid = 0,
    Available,
    Away,
    Busy,
    DoNotDisturb,
    Offline
};

/// "available", "away", "busy", "dnd", "offline" ("invalid" for Invalid); the words of the CLI and settings.
QString ownStatusName(OwnStatus status);
/// Inverse of ownStatusName(), case-insensitive and trimmed; Invalid when the word is not known.
OwnStatus ownStatusFromName(const QString &name);
/// How a watcher that uses PidfParser sees a published OwnStatus (DoNotDisturb reads as Busy).
PresenceStatus presenceStatusFor(OwnStatus status);

} // namespace Sip

Q_DECLARE_METATYPE(Sip::OwnStatus)
