// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/PresenceEvents.h"

namespace Sip {

QString eventPackageName(EventPackage package)
{
    switch (package) {
    case EventPackage::Presence:
        return QStringLiteral("presence");
    case EventPackage::Dialog:
        return QStringLiteral("dialog");
    case EventPackage::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

EventPackage eventPackageFromName(const QString &name)
{
    const QString word = name.trimmed().toLower();
    if (word == QLatin1String("presence"))
        return EventPackage::Presence;
    if (word == QLatin1String("dialog"))
        return EventPackage::Dialog;
    return EventPackage::Invalid;
}

QString subscriptionStateName(SubscriptionState state)
{
    switch (state) {
    case SubscriptionState::Idle:
        return QStringLiteral("idle");
    case SubscriptionState::Subscribing:
        return QStringLiteral("subscribing");
    case SubscriptionState::Authenticating:
        return QStringLiteral("authenticating");
    case SubscriptionState::Pending:
        return QStringLiteral("pending");
    case SubscriptionState::Active:
        return QStringLiteral("active");
    case SubscriptionState::Unsubscribing:
        return QStringLiteral("unsubscribing");
    case SubscriptionState::Retrying:
        return QStringLiteral("retrying");
    case SubscriptionState::Failed:
        return QStringLiteral("failed");
    case SubscriptionState::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QString publicationStateName(PublicationState state)
{
    switch (state) {
    case PublicationState::Unpublished:
        return QStringLiteral("unpublished");
    case PublicationState::Publishing:
        return QStringLiteral("publishing");
    case PublicationState::Authenticating:
        return QStringLiteral("authenticating");
    case PublicationState::Published:
        return QStringLiteral("published");
    case PublicationState::Unpublishing:
        return QStringLiteral("unpublishing");
    case PublicationState::Retrying:
        return QStringLiteral("retrying");
    case PublicationState::Failed:
        return QStringLiteral("failed");
    case PublicationState::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

} // namespace Sip
