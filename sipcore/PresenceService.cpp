// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/PresenceService.h"

#include "sipcore/RegistrationState.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/PresenceAgent.h"
#include "sipcore/internal/ThreadCheck.h"

#include <QThread>

namespace Sip {

PresenceService::PresenceService(SipEngine *engine, const PresenceOptions &options, QObject *parent)
    : QObject(parent), m_engine(engine), m_options(options),
      m_channel(std::make_shared<Internal::PresenceAgent::Channel>(this))
{
    qRegisterMetaType<Sip::SubscriptionEvent>();
    qRegisterMetaType<Sip::ContactPresenceEvent>();
    qRegisterMetaType<Sip::PublicationEvent>();
    connect(engine, &SipEngine::registrationChanged, this, &PresenceService::onRegistration);
    connect(engine, &SipEngine::shutdownFinished, this, &PresenceService::onEngineStopped);
    connect(engine, &SipEngine::lineRemoved, this, &PresenceService::lineDown);
    for (const LineConfig &line : engine->lines()) {
        if (engine->lastEvent(line.id).state == RegistrationState::Registered)
            m_lines[line.id].registered = true;
    }
}

PresenceService::~PresenceService()
{
    m_channel->detach();
    if (m_thread && m_engine && m_engine->internalThread() == m_thread)
        post([](Internal::PresenceAgent &agent) { agent.detach(); });
}

void PresenceService::watch(const WatchedContact &contact)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (contact.lineId.isEmpty() || contact.contactId.isEmpty())
        return;
    Line &line = m_lines[contact.lineId];
    auto it = line.contacts.find(contact.contactId);
    if (it != line.contacts.end()) {
        Watched &watched = it.value();
        if (watched.contact == contact)
            return;
        const bool uriChanged = watched.contact.uri != contact.uri;
        const bool presenceChanged = uriChanged || watched.contact.presence != contact.presence;
        const bool dialogChanged = uriChanged || watched.contact.busyLamp != contact.busyLamp;
        watched.contact = contact;
        watched.state.uri = targetUri(contact.lineId, contact.uri);
        if (presenceChanged) {
            stopSubscription(watched.presence);
            watched.presence = Slot{};
            watched.state.presenceStatus = PresenceStatus::Invalid;
            if (line.registered && contact.presence)
                startSubscription(contact.lineId, watched, EventPackage::Presence);
        }
        if (dialogChanged) {
            stopSubscription(watched.dialog);
            watched.dialog = Slot{};
            watched.state.dialogStatus = PresenceStatus::Invalid;
            if (line.registered && contact.busyLamp)
                startSubscription(contact.lineId, watched, EventPackage::Dialog);
        }
        updateMerged(contact.lineId, watched, EventPackage::Invalid, uriChanged);
        return;
    }
    Watched watched;
    watched.contact = contact;
    watched.state.lineId = contact.lineId;
    watched.state.contactId = contact.contactId;
    watched.state.uri = targetUri(contact.lineId, contact.uri);
    watched.state.status = PresenceStatus::Unknown;
    Watched &stored = line.contacts.insert(contact.contactId, watched).value();
    if (line.registered)
        startSubscriptions(contact.lineId, stored);
}

void PresenceService::unwatch(const QString &lineId, const QString &contactId)
{
    OFFHOOK_ON_OWNER_THREAD();
    auto lineIt = m_lines.find(lineId);
    if (lineIt == m_lines.end())
        return;
    auto it = lineIt->contacts.find(contactId);
    if (it == lineIt->contacts.end())
        return;
    stopSubscriptions(it.value());
    lineIt->contacts.erase(it);
}

void PresenceService::setContacts(const QString &lineId, const QList<WatchedContact> &contacts)
{
    QSet<QString> keep;
    for (const WatchedContact &contact : contacts)
        keep.insert(contact.contactId);
    const QList<WatchedContact> current = this->contacts(lineId);
    for (const WatchedContact &contact : current) {
        if (!keep.contains(contact.contactId))
            unwatch(lineId, contact.contactId);
    }
    for (WatchedContact contact : contacts) {
        contact.lineId = lineId;
        watch(contact);
    }
}

QList<WatchedContact> PresenceService::contacts(const QString &lineId) const
{
    QList<WatchedContact> result;
    const auto lineIt = m_lines.constFind(lineId);
    if (lineIt == m_lines.constEnd())
        return result;
    for (const Watched &watched : lineIt->contacts)
        result.append(watched.contact);
    return result;
}

void PresenceService::setOwnStatus(const QString &lineId, OwnStatus status, const QString &note)
{
    OFFHOOK_ON_OWNER_THREAD();
    Line &line = m_lines[lineId];
    if (line.wanted == status && line.note == note && (line.publicationId != 0 || !line.registered))
        return;
    line.wanted = status;
    line.note = note;
    if (line.registered)
        sendPublication(lineId);
}

OwnStatus PresenceService::ownStatus(const QString &lineId) const
{
    return m_lines.value(lineId).wanted;
}

ContactPresenceEvent PresenceService::contactPresence(const QString &lineId, const QString &contactId) const
{
    const auto lineIt = m_lines.constFind(lineId);
    if (lineIt == m_lines.constEnd())
        return {};
    return lineIt->contacts.value(contactId).state;
}

SubscriptionEvent PresenceService::subscription(const QString &lineId, const QString &contactId,
                                                EventPackage package) const
{
    const auto lineIt = m_lines.constFind(lineId);
    if (lineIt == m_lines.constEnd())
        return {};
    const Watched watched = lineIt->contacts.value(contactId);
    return package == EventPackage::Dialog ? watched.dialog.last : watched.presence.last;
}

PublicationEvent PresenceService::publication(const QString &lineId) const
{
    return m_lines.value(lineId).publication;
}

QString PresenceService::targetUri(const QString &lineId, const QString &typed) const
{
    Internal::LineContext context;
    for (const LineConfig &config : m_engine->lines()) {
        if (config.id != lineId)
            continue;
        const QString aor = Address::addressOfRecord(config);
        context.domainUri = QStringLiteral("sip:%1").arg(aor.mid(aor.indexOf(QLatin1Char('@')) + 1)).toUtf8();
    }
    if (context.domainUri.isEmpty())
        return typed.trimmed();
    return QString::fromUtf8(context.targetUri(typed));
}

PresenceStatus PresenceService::mergedStatus(PresenceStatus presence, PresenceStatus dialog)
{
    if (dialog == PresenceStatus::Ringing || dialog == PresenceStatus::OnThePhone)
        return dialog;
    if (presence != PresenceStatus::Invalid && presence != PresenceStatus::Unknown)
        return presence;
    if (dialog != PresenceStatus::Invalid && dialog != PresenceStatus::Unknown)
        return dialog;
    return PresenceStatus::Unknown;
}

void PresenceService::onRegistration(const RegistrationEvent &event)
{
    if (event.state == RegistrationState::Registered) {
        lineUp(event.lineId);
        return;
    }
    // A new attempt (Resolving/Registering; refreshes report Registered only) means the line changed or fell.
    if (event.state == RegistrationState::Resolving || event.state == RegistrationState::Registering ||
        event.state == RegistrationState::Unregistering || event.state == RegistrationState::Unregistered ||
        isFailure(event.state))
        lineDown(event.lineId);
}

void PresenceService::onEngineStopped()
{
    // The engine's shutdown hook ended every subscription and publication already.
    m_thread = nullptr;
    m_agent.reset();
    m_subscriptionOwners.clear();
    m_publicationOwners.clear();
    for (auto lineIt = m_lines.begin(); lineIt != m_lines.end(); ++lineIt) {
        lineIt->registered = false;
        lineIt->publicationId = 0;
        for (auto it = lineIt->contacts.begin(); it != lineIt->contacts.end(); ++it) {
            it->presence.id = 0;
            it->dialog.id = 0;
        }
    }
}

void PresenceService::lineUp(const QString &lineId)
{
    Line &line = m_lines[lineId];
    if (line.registered)
        return; // a refresh
    line.registered = true;
    for (auto it = line.contacts.begin(); it != line.contacts.end(); ++it)
        startSubscriptions(lineId, it.value());
    if (line.wanted != OwnStatus::Invalid)
        sendPublication(lineId);
}

void PresenceService::lineDown(const QString &lineId)
{
    auto lineIt = m_lines.find(lineId);
    if (lineIt == m_lines.end() || !lineIt->registered)
        return;
    lineIt->registered = false;
    for (auto it = lineIt->contacts.begin(); it != lineIt->contacts.end(); ++it) {
        Watched &watched = it.value();
        stopSubscriptions(watched);
        watched.presence.presence = ContactPresence{};
        watched.dialog.presence = ContactPresence{};
        watched.state.presenceStatus = watched.contact.presence ? PresenceStatus::Unknown : PresenceStatus::Invalid;
        watched.state.dialogStatus = watched.contact.busyLamp ? PresenceStatus::Unknown : PresenceStatus::Invalid;
        updateMerged(lineId, watched, EventPackage::Invalid, false);
    }
    if (lineIt->publicationId != 0) {
        // Forget it now: if the line is back before the removal is answered, a new publication starts.
        const quint64 id = lineIt->publicationId;
        lineIt->publicationId = 0;
        post([id](Internal::PresenceAgent &agent) { agent.unpublish(id); });
    }
}

void PresenceService::startSubscriptions(const QString &lineId, Watched &watched)
{
    if (watched.contact.presence)
        startSubscription(lineId, watched, EventPackage::Presence);
    if (watched.contact.busyLamp)
        startSubscription(lineId, watched, EventPackage::Dialog);
}

void PresenceService::startSubscription(const QString &lineId, Watched &watched, EventPackage package)
{
    Slot &slot = package == EventPackage::Dialog ? watched.dialog : watched.presence;
    stopSubscription(slot);
    if (!ensureAgent())
        return;
    Internal::SubscriptionRequest request;
    request.id = m_nextId++;
    request.contactId = watched.contact.contactId;
    watched.state.uri = targetUri(lineId, watched.contact.uri); // the line's domain is known by now
    request.targetUri = watched.state.uri.toUtf8();
    request.package = package;
    request.expiresSeconds = m_options.subscribeExpiresSeconds;
    slot.id = request.id;
    m_subscriptionOwners.insert(request.id, Owner{lineId, watched.contact.contactId, package});
    post([lineId, request](Internal::PresenceAgent &agent) { agent.subscribe(lineId, request); });
}

void PresenceService::stopSubscriptions(Watched &watched)
{
    stopSubscription(watched.presence);
    stopSubscription(watched.dialog);
}

void PresenceService::stopSubscription(Slot &slot)
{
    if (slot.id == 0)
        return;
    const quint64 id = slot.id;
    slot.id = 0; // its last reports still arrive and are passed on, but change no contact
    post([id](Internal::PresenceAgent &agent) { agent.unsubscribe(id); });
}

void PresenceService::sendPublication(const QString &lineId)
{
    Line &line = m_lines[lineId];
    if (line.wanted == OwnStatus::Invalid) {
        if (line.publicationId != 0) {
            const quint64 id = line.publicationId;
            line.publicationId = 0;
            post([id](Internal::PresenceAgent &agent) { agent.unpublish(id); });
        }
        return;
    }
    if (!ensureAgent())
        return;
    if (line.publicationId == 0) {
        line.publicationId = m_nextId++;
        m_publicationOwners.insert(line.publicationId, lineId);
    }
    const quint64 id = line.publicationId;
    const OwnStatus status = line.wanted;
    const QString note = line.note;
    post([lineId, id, status, note](Internal::PresenceAgent &agent) { agent.publish(lineId, id, status, note); });
}

void PresenceService::onReports(const Internal::PresenceReportBatch &batch)
{
    for (const Internal::SubscriptionReport &report : batch.subscriptions) {
        const auto ownerIt = m_subscriptionOwners.constFind(report.id);
        if (ownerIt == m_subscriptionOwners.constEnd()) {
            if (report.hasState)
                Q_EMIT subscriptionChanged(report.event);
            continue;
        }
        const Owner owner = ownerIt.value();
        if (report.final)
            m_subscriptionOwners.remove(report.id);
        auto lineIt = m_lines.find(owner.lineId);
        Watched *watched = nullptr;
        if (lineIt != m_lines.end()) {
            auto it = lineIt->contacts.find(owner.contactId);
            if (it != lineIt->contacts.end())
                watched = &it.value();
        }
        Slot *slot = nullptr;
        if (watched) {
            Slot &candidate = owner.package == EventPackage::Dialog ? watched->dialog : watched->presence;
            if (candidate.id == report.id)
                slot = &candidate;
        }
        if (report.hasState) {
            if (slot) {
                slot->last = report.event;
                if (report.final)
                    slot->id = 0;
            }
            Q_EMIT subscriptionChanged(report.event);
        }
        if (report.hasPresence && slot && watched) {
            slot->presence = report.presence;
            slot->reported = true;
            if (owner.package == EventPackage::Dialog)
                watched->state.dialogStatus = report.presence.status;
            else
                watched->state.presenceStatus = report.presence.status;
            updateMerged(owner.lineId, *watched, owner.package, true);
        }
    }
    for (const Internal::PublicationReport &report : batch.publications) {
        const QString lineId = m_publicationOwners.value(report.id);
        if (report.final)
            m_publicationOwners.remove(report.id);
        auto lineIt = m_lines.find(lineId.isEmpty() ? report.event.lineId : lineId);
        // The last reports of a publication the user took back (publicationId already 0) still count.
        if (lineIt != m_lines.end() && (lineIt->publicationId == report.id || lineIt->publicationId == 0)) {
            lineIt->publication = report.event;
            if (report.final)
                lineIt->publicationId = 0;
        }
        Q_EMIT publicationChanged(report.event);
    }
}

void PresenceService::updateMerged(const QString &lineId, Watched &watched, EventPackage source, bool force)
{
    ContactPresenceEvent next = watched.state;
    next.lineId = lineId;
    next.contactId = watched.contact.contactId;
    next.presence = watched.presence.presence;
    next.dialog = watched.dialog.presence;
    next.status = mergedStatus(watched.contact.presence ? next.presenceStatus : PresenceStatus::Invalid,
                               watched.contact.busyLamp ? next.dialogStatus : PresenceStatus::Invalid);
    next.note = watched.contact.presence ? next.presence.note : QString();
    next.source = source;
    const bool changed = next.status != watched.state.status || next.note != watched.state.note ||
                         next.presence != watched.state.presence || next.dialog != watched.state.dialog;
    if (!changed && !(force && !watched.announced))
        return;
    next.timestamp = QDateTime::currentDateTimeUtc();
    watched.state = next;
    watched.announced = true;
    Q_EMIT contactPresenceChanged(next);
}

bool PresenceService::ensureAgent()
{
    Internal::EngineThread *engineThread = m_engine ? m_engine->internalThread() : nullptr;
    if (!engineThread)
        return false;
    if (engineThread == m_thread && !m_agent.expired())
        return true;
    m_thread = engineThread;
    auto agent = std::make_shared<Internal::PresenceAgent>(*engineThread, m_options, m_channel);
    m_agent = agent;
    engineThread->install(agent);
    return true;
}

void PresenceService::post(std::function<void(Internal::PresenceAgent &)> command)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (!m_thread || !m_engine || m_engine->internalThread() != m_thread)
        return;
    // Thread hop: the command runs on the engine thread, if the agent still lives there.
    m_thread->post([weak = m_agent, command = std::move(command)] {
        if (const std::shared_ptr<Internal::PresenceAgent> agent = weak.lock())
            command(*agent);
    });
}

} // namespace Sip
