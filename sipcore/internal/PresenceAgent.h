// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"
#include "sipcore/internal/PresenceReports.h"

#include <QMutex>
#include <vector>
#include <map>
#include <memory>

namespace Sip {
class PresenceService;
}

namespace Sip::Internal {

class EngineThread;
class EngineTimer;
class PublicationSession;
class SubscriptionSession;

/// The way back from the engine thread to one PresenceService. deliver() runs on the engine thread and
/// queues the batch into the service's thread; detach() (from the service's destructor) makes later
/// deliveries no-ops, so no call can reach a deleted service. Thread-safe.
class PresenceReportChannel
{
public:
    explicit PresenceReportChannel(PresenceService *target);
    void deliver(const PresenceReportBatch &batch);
    void detach();

private:
    QMutex m_mutex;
    PresenceService *m_target;
};

/// Engine-thread side of PresenceService: owns every subscription and publication session and sends
/// their reports to the façade in batches, one queued call per engine-loop turn, so a burst of NOTIFYs
/// costs the UI thread one wake-up. Made by install(), which hands it to the engine's shutdown hook:
/// the hook owns it, un-SUBSCRIBEs and un-PUBLISHes at shutdown (nua_shutdown then waits for those
/// transactions), and the agent dies on the engine thread when the loop ends. Engine thread only.
class PresenceAgent : public std::enable_shared_from_this<PresenceAgent>
{
public:
    PresenceAgent(EngineThread &engine, const PresenceOptions &options,
                  std::shared_ptr<PresenceReportChannel> channel);
    ~PresenceAgent();
    PresenceAgent(const PresenceAgent &) = delete;
    PresenceAgent &operator=(const PresenceAgent &) = delete;

    static std::shared_ptr<PresenceAgent> install(EngineThread &engine, const PresenceOptions &options,
                                                  std::shared_ptr<PresenceReportChannel> channel);

    void subscribe(const QString &lineId, const SubscriptionRequest &request);
    void unsubscribe(quint64 id);
    void publish(const QString &lineId, quint64 id, OwnStatus status, const QString &note);
    void unpublish(quint64 id);
    void detach();   ///< The façade is gone: end everything quietly
    void shutdown(); ///< The engine stops: un-SUBSCRIBE and un-PUBLISH what is up

    std::size_t sessionCount() const { return m_subscriptions.size() + m_publications.size(); }
    bool isClosing() const; ///< An un-SUBSCRIBE or un-PUBLISH awaits its answer

private:
    void onSubscriptionReport(const SubscriptionReport &report);
    void onPublicationReport(const PublicationReport &report);
    void scheduleFlush();
    void flush();

    EngineThread &m_engine;
    PresenceOptions m_options;
    std::shared_ptr<PresenceReportChannel> m_channel;
    std::map<quint64, std::unique_ptr<SubscriptionSession>> m_subscriptions;
    std::map<quint64, std::unique_ptr<PublicationSession>> m_publications;
    std::vector<quint64> m_finishedSubscriptions;
    std::vector<quint64> m_finishedPublications;
    PresenceReportBatch m_pending;
    std::unique_ptr<EngineTimer> m_flushTimer;
    bool m_flushScheduled = false;
    bool m_stopping = false;
};

} // namespace Sip::Internal
