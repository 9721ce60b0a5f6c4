// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Sip::Internal {

/// What one subscription needs on the engine thread. Plain value.
struct SubscriptionRequest
{
    quint64 id = 0; ///< Chosen by the façade; unique for the service's life
    QString contactId;
    QByteArray targetUri; ///< sip:EXT@DOMAIN, already completed with the line's domain
    EventPackage package = EventPackage::Invalid;
    int expiresSeconds = 600;
};

/// What a subscription tells the façade: a state change, a new contact state from a NOTIFY, or both.
/// Plain value; crosses threads.
struct SubscriptionReport
{
    quint64 id = 0;
    bool hasState = false;
    SubscriptionEvent event; ///< When hasState
    bool hasPresence = false;
    ContactPresence presence; ///< When hasPresence: what the last NOTIFY says (Unknown when it was refused)
    bool final = false;       ///< The session is done (Idle or Failed); no more reports follow
};

/// What a publication tells the façade. Plain value; crosses threads.
struct PublicationReport
{
    quint64 id = 0;
    PublicationEvent event;
    bool final = false; ///< The session is done (Unpublished or Failed); no more reports follow
};

/// Reports of one engine-loop turn, delivered to the façade in one queued call.
struct PresenceReportBatch
{
    QList<SubscriptionReport> subscriptions;
    QList<PublicationReport> publications;
    bool isEmpty() const { return subscriptions.isEmpty() && publications.isEmpty(); }
};

} // namespace Sip::Internal
