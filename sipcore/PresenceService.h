// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

namespace Sip {

class SipEngine;
struct RegistrationEvent;

namespace Internal {
class EngineThread;
class PresenceAgent;
template <typename Target> class ReportChannel;
struct PresenceReportBatch;
} // namespace Internal

/// Presence for the lines of one SipEngine: watches contacts (SUBSCRIBE to Event: presence and, for
/// busy-lamp, Event: dialog) and publishes the user's own status (PUBLISH) per line. Follows each line:
/// subscribes and publishes once the line is registered, starts afresh after it re-registers, and
/// un-SUBSCRIBEs / un-PUBLISHes when a contact is removed, the line goes down or the engine shuts down.
/// Lives in the engine's thread (GUI or CLI main thread); the SIP work runs on the engine thread and the
/// results come back batched, so a burst of NOTIFYs costs this thread one wake-up. Contacts and the
/// wanted status are kept here and survive engine restarts.
class PresenceService : public QObject
{
    Q_OBJECT
public:
    explicit PresenceService(SipEngine *engine, const PresenceOptions &options = {}, QObject *parent = nullptr);
    ~PresenceService() override; ///< Un-SUBSCRIBEs and un-PUBLISHes what is up (the engine finishes it)

    /// Adds the contact, or updates it (a changed uri or event package subscribes anew).
    void watch(const WatchedContact &contact);
    /// Stops watching (un-SUBSCRIBE) and forgets the contact.
    void unwatch(const QString &lineId, const QString &contactId);
    /// Makes the line's watch list exactly this: adds, updates and removes as needed.
    void setContacts(const QString &lineId, const QList<WatchedContact> &contacts);
    QList<WatchedContact> contacts(const QString &lineId) const;

    /// What the line publishes for the user; OwnStatus::Invalid removes the publication (un-PUBLISH).
    void setOwnStatus(const QString &lineId, OwnStatus status, const QString &note = {});
    OwnStatus ownStatus(const QString &lineId) const;

    /// The contact's merged state so far (status Unknown before the first NOTIFY).
    ContactPresenceEvent contactPresence(const QString &lineId, const QString &contactId) const;
    /// Last state of one subscription of a contact (state Invalid when never started).
    SubscriptionEvent subscription(const QString &lineId, const QString &contactId, EventPackage package) const;
    PublicationEvent publication(const QString &lineId) const;

    /// "sip:USER@DOMAIN" for what a user typed ("1002", "1002@pbx", "sip:1002@pbx") on this line.
    QString targetUri(const QString &lineId, const QString &typed) const;
    /// The merged status: a ringing or busy phone wins, then presence, then the dialog's idle state.
    static PresenceStatus mergedStatus(PresenceStatus presence, PresenceStatus dialog);

Q_SIGNALS:
    void subscriptionChanged(const Sip::SubscriptionEvent &event);
    void contactPresenceChanged(const Sip::ContactPresenceEvent &event);
    void publicationChanged(const Sip::PublicationEvent &event);

private:
    friend class Internal::PresenceAgent; // delivers onReports()

    struct Slot
    {
        quint64 id = 0; ///< Current subscription (0: none running)
        SubscriptionEvent last;
        ContactPresence presence;
        bool reported = false; ///< A NOTIFY of the current or an earlier subscription was read
    };
    struct Watched
    {
        WatchedContact contact;
        Slot presence;
        Slot dialog;
        ContactPresenceEvent state;
        bool announced = false; ///< contactPresenceChanged emitted at least once
    };
    struct Line
    {
        QHash<QString, Watched> contacts;
        bool registered = false;
        OwnStatus wanted = OwnStatus::Invalid;
        QString note;
        quint64 publicationId = 0;
        PublicationEvent publication;
    };
    struct Owner
    {
        QString lineId;
        QString contactId;
        EventPackage package = EventPackage::Invalid;
    };

    void onRegistration(const RegistrationEvent &event);
    void onEngineStopped();
    void onReports(const Internal::PresenceReportBatch &batch);
    void startSubscriptions(const QString &lineId, Watched &watched);
    void startSubscription(const QString &lineId, Watched &watched, EventPackage package);
    void stopSubscriptions(Watched &watched);
    void stopSubscription(Slot &slot);
    void lineUp(const QString &lineId);
    void lineDown(const QString &lineId);
    void sendPublication(const QString &lineId);
    void updateMerged(const QString &lineId, Watched &watched, EventPackage source, bool force);
    bool ensureAgent();
    void post(std::function<void(Internal::PresenceAgent &)> command);

    SipEngine *m_engine;
    PresenceOptions m_options;
    QHash<QString, Line> m_lines;
    QHash<quint64, Owner> m_subscriptionOwners;
    QHash<quint64, QString> m_publicationOwners;
    quint64 m_nextId = 1;
    std::shared_ptr<Internal::ReportChannel<PresenceService>> m_channel;
    std::weak_ptr<Internal::PresenceAgent> m_agent; ///< Owned by the engine thread
    Internal::EngineThread *m_thread = nullptr;
};

} // namespace Sip
