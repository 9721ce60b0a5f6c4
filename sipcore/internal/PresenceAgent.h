// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"
#include "sipcore/internal/Agent.h"
#include "sipcore/internal/PresenceReports.h"
#include "sipcore/internal/ReportChannel.h"

#include <map>
#include <memory>
#include <vector>

namespace Sip {
class PresenceService;
}

namespace Sip::Internal {

class EngineThread;
class EngineTimer;
class PublicationSession;
class SubscriptionSession;

/// Engine-thread side of PresenceService: owns every subscription and publication session and sends
/// their reports to the façade in batches, one queued call per engine-loop turn, so a burst of NOTIFYs
/// costs the UI thread one wake-up. Installed with EngineThread::install(), which owns it: it
/// un-SUBSCRIBEs and un-PUBLISHes at shutdown (the shutdown waits for those transactions), and dies on
/// the engine thread when the loop ends. Engine thread only, except the constructor.
class PresenceAgent : public Agent
{
public:
    using Channel = ReportChannel<PresenceService>;

    PresenceAgent(EngineThread &engine, const PresenceOptions &options, std::shared_ptr<Channel> channel);
    ~PresenceAgent() override;
    PresenceAgent(const PresenceAgent &) = delete;
    PresenceAgent &operator=(const PresenceAgent &) = delete;

    void subscribe(const QString &lineId, const SubscriptionRequest &request);
    void unsubscribe(quint64 id);
    void publish(const QString &lineId, quint64 id, OwnStatus status, const QString &note);
    void unpublish(quint64 id);
    void detach();            ///< The façade is gone: end everything quietly
    void shutdown() override; ///< The engine stops: un-SUBSCRIBE and un-PUBLISH what is up

    std::size_t sessionCount() const { return m_subscriptions.size() + m_publications.size(); }
    bool isClosing() const override; ///< An un-SUBSCRIBE or un-PUBLISH awaits its answer

private:
    void onSubscriptionReport(const SubscriptionReport &report);
    void onPublicationReport(const PublicationReport &report);
    void scheduleFlush();
    void flush();

    EngineThread &m_engine;
    PresenceOptions m_options;
    std::shared_ptr<Channel> m_channel;
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
