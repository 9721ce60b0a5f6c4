// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/ContactPresence.h"

namespace Sip {

QString presenceStatusName(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Online:
        return QStringLiteral("online");
    case PresenceStatus::Away:
        return QStringLiteral("away");
    case PresenceStatus::Busy:
        return QStringLiteral("busy");
    case PresenceStatus::OnThePhone:
        return QStringLiteral("on-the-phone");
    case PresenceStatus::Ringing:
        return QStringLiteral("ringing");
    case PresenceStatus::Offline:
        return QStringLiteral("offline");
    case PresenceStatus::Unknown:
        return QStringLiteral("unknown");
    case PresenceStatus::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

PresenceStatus presenceStatusFromName(const QString &name)
{
    const QString word = name.trimmed().toLower();
    for (auto status : {PresenceStatus::Online, PresenceStatus::Away, PresenceStatus::Busy, PresenceStatus::OnThePhone,
                        PresenceStatus::Ringing, PresenceStatus::Offline, PresenceStatus::Unknown}) {
        if (word == presenceStatusName(status))
            return status;
    }
    return PresenceStatus::Invalid;
}

} // namespace Sip
