// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/presence/ContactPresence.h"
#include "sipcore/presence/OwnStatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Sip {

/// The SIP event package of one subscription.
enum class EventPackage
{
    Invalid = 0,
    Presence,
    Dialog
};

QString eventPackageName(EventPackage package);         ///< "presence", "dialog" ("invalid" for Invalid)
EventPackage eventPackageFromName(const QString &name); ///< Inverse, case-insensitive; Invalid if unknown

/// Where one subscription (one contact, one event package) stands.
enum class SubscriptionState
{
    Invalid = 0,
    Idle,           ///< Not subscribed: the line is down, or the contact was removed
    Subscribing,    ///< SUBSCRIBE sent
    Authenticating, ///< Challenged; SUBSCRIBE with digest sent
    Pending,        ///< Accepted, the contact has not authorized us yet
    Active,         ///< NOTIFYs arrive; refreshed before expiry
    Unsubscribing,  ///< SUBSCRIBE with Expires: 0 sent
    Retrying,       ///< Ended or failed; subscribing again after retryInSeconds
    Failed,         ///< Stopped for good (rejected, no such contact, credentials refused, ...); see diagnosis
};

QString subscriptionStateName(SubscriptionState state); ///< Short English word for logs and the CLI

/// One state change of one subscription. Small copyable value; crosses threads.
struct SubscriptionEvent
{
    QString lineId;
    QString contactId;
    QString uri; ///< sip:EXT@DOMAIN that is watched
    EventPackage package = EventPackage::Invalid;
    SubscriptionState state = SubscriptionState::Invalid;
    FailureKind failure = FailureKind::None;
    int statusCode = 0; ///< Last SIP status (or 0)
    QString reasonPhrase;
    QString terminationReason; ///< reason= of "Subscription-State: terminated" ("rejected", "timeout", ...)
    QString diagnosis;         ///< Plain-language explanation when it failed or ended
    int expiresSeconds = 0;    ///< Granted lifetime (Pending/Active)
    int retryInSeconds = 0;    ///< > 0 when Retrying
    QDateTime timestamp;       ///< UTC
};

/// A contact's state as the user should see it: the presence and busy-lamp subscriptions merged.
/// Small copyable value; crosses threads.
struct ContactPresenceEvent
{
    QString lineId;
    QString contactId;
    QString uri;
    /// What to show: a ringing or busy phone (dialog) wins, then presence, then the dialog's idle state.
    PresenceStatus status = PresenceStatus::Invalid;
    QString note;                                            ///< The contact's presence note; may be empty
    PresenceStatus presenceStatus = PresenceStatus::Invalid; ///< From Event: presence (Invalid if not watched)
    PresenceStatus dialogStatus = PresenceStatus::Invalid;   ///< From Event: dialog (Invalid if not watched)
    ContactPresence presence;                                ///< Last presence document's details
    ContactPresence dialog;                                  ///< Last dialog state's details
    EventPackage source = EventPackage::Invalid;             ///< Which subscription changed it
    QDateTime timestamp;                                     ///< UTC
};

/// Where the publication of the user's own status on one line stands.
enum class PublicationState
{
    Invalid = 0,
    Unpublished,    ///< Nothing published (or removed with Expires: 0)
    Publishing,     ///< PUBLISH sent
    Authenticating, ///< Challenged; PUBLISH with digest sent
    Published,      ///< Accepted; refreshed with SIP-If-Match before expiry
    Unpublishing,   ///< PUBLISH with Expires: 0 sent
    Retrying,       ///< Failed; publishing again after retryInSeconds
    Failed,         ///< Stopped; see diagnosis
};

QString publicationStateName(PublicationState state);

/// One state change of a line's publication. Small copyable value; crosses threads.
struct PublicationEvent
{
    QString lineId;
    PublicationState state = PublicationState::Invalid;
    OwnStatus status = OwnStatus::Invalid; ///< What is (being) published
    QString note;
    FailureKind failure = FailureKind::None;
    int statusCode = 0;
    QString reasonPhrase;
    QString diagnosis;
    int expiresSeconds = 0; ///< Granted lifetime (Published)
    int retryInSeconds = 0;
    QDateTime timestamp; ///< UTC
};

/// A contact watched on one line. contactId is chosen by the caller and unique per line; uri is what
/// the user typed ("1002", "1002@pbx", "sip:1002@pbx"); a bare user part gets the line's domain.
struct WatchedContact
{
    QString lineId;
    QString contactId;
    QString uri;
    QString name;          ///< How the user calls the contact (display only; never sent)
    bool presence = true;  ///< SUBSCRIBE to Event: presence (PIDF)
    bool busyLamp = false; ///< SUBSCRIBE to Event: dialog (dialog-info, busy-lamp field)

    bool operator==(const WatchedContact &other) const = default;
};

/// Settings of the presence service, fixed for its life.
struct PresenceOptions
{
    int subscribeExpiresSeconds = 600; ///< Requested subscription lifetime; Sofia refreshes before it ends
    int publishExpiresSeconds = 600;   ///< Requested publication lifetime
    int firstRetrySeconds = 5;         ///< Back-off after errors: this, then doubling up to maxRetrySeconds
    int maxRetrySeconds = 300;
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::EventPackage)
Q_DECLARE_METATYPE(Sip::SubscriptionEvent)
Q_DECLARE_METATYPE(Sip::ContactPresenceEvent)
Q_DECLARE_METATYPE(Sip::PublicationEvent)
Q_DECLARE_METATYPE(Sip::WatchedContact)
