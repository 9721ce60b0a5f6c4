// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/OwnStatus.h"

namespace Sip {

QString ownStatusName(OwnStatus status)
{
    switch (status) {
    case OwnStatus::Available:
        return QStringLiteral("available");
    case OwnStatus::Away:
        return QStringLiteral("away");
    case OwnStatus::Busy:
        return QStringLiteral("busy");
    case OwnStatus::DoNotDisturb:
        return QStringLiteral("dnd");
    case OwnStatus::Offline:
        return QStringLiteral("offline");
    case OwnStatus::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

OwnStatus ownStatusFromName(const QString &name)
{
    const QString word = name.trimmed().toLower();
    for (auto status :
         {OwnStatus::Available, OwnStatus::Away, OwnStatus::Busy, OwnStatus::DoNotDisturb, OwnStatus::Offline}) {
        if (word == ownStatusName(status))
            return status;
    }
    return OwnStatus::Invalid;
}

PresenceStatus presenceStatusFor(OwnStatus status)
{
    switch (status) {
    case OwnStatus::Available:
        return PresenceStatus::Online;
    case OwnStatus::Away:
        return PresenceStatus::Away;
    case OwnStatus::Busy:
    case OwnStatus::DoNotDisturb:
        return PresenceStatus::Busy;
    case OwnStatus::Offline:
        return PresenceStatus::Offline;
    case OwnStatus::Invalid:
        break;
    }
    return PresenceStatus::Invalid;
}

} // namespace Sip
