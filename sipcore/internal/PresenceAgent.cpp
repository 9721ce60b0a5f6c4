// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/PresenceAgent.h"

#include "sipcore/PresenceService.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/EngineTimer.h"
#include "sipcore/internal/PublicationSession.h"
#include "sipcore/internal/SubscriptionSession.h"

namespace Sip::Internal {
namespace {

/// Reports of this many milliseconds go to the façade together: a burst of NOTIFYs wakes it once.
constexpr int kFlushDelayMs = 10;

} // namespace

PresenceAgent::PresenceAgent(EngineThread &engine, const PresenceOptions &options, std::shared_ptr<Channel> channel)
    : m_engine(engine), m_options(options), m_channel(std::move(channel))
{
}

PresenceAgent::~PresenceAgent()
{
    // Sessions destroy their handles; this runs on the engine thread before nua_destroy().
    m_subscriptions.clear();
    m_publications.clear();
}

void PresenceAgent::subscribe(const QString &lineId, const SubscriptionRequest &request)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    if (m_stopping)
        return;
    const LineContext *line = m_engine.lineContext(lineId);
    if (!line || !line->isValid() || !m_engine.nua()) {
        SubscriptionReport report;
        report.id = request.id;
        report.hasState = true;
        report.final = true;
        report.event.lineId = lineId;
        report.event.contactId = request.contactId;
        report.event.uri = QString::fromUtf8(request.targetUri);
        report.event.package = request.package;
        report.event.state = SubscriptionState::Idle;
        report.event.diagnosis = QStringLiteral("The line is not set up; subscribing once it registers.");
        report.event.timestamp = QDateTime::currentDateTimeUtc();
        onSubscriptionReport(report);
        return;
    }
    SubscriptionRequest completed = request;
    completed.targetUri = line->targetUri(QString::fromUtf8(request.targetUri)); // full URIs pass unchanged
    auto session = std::make_unique<SubscriptionSession>(
        m_engine, *line, completed, m_options,
        [this](const SubscriptionReport &report) { onSubscriptionReport(report); });
    SubscriptionSession *raw = session.get();
    m_subscriptions[request.id] = std::move(session);
    raw->start();
}

void PresenceAgent::unsubscribe(quint64 id)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    const auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end())
        return;
    it->second->stop();
}

void PresenceAgent::publish(const QString &lineId, quint64 id, OwnStatus status, const QString &note)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    if (m_stopping)
        return;
    auto it = m_publications.find(id);
    if (it == m_publications.end()) {
        const LineContext *line = m_engine.lineContext(lineId);
        if (!line || !line->isValid() || !m_engine.nua()) {
            PublicationReport report;
            report.id = id;
            report.final = true;
            report.event.lineId = lineId;
            report.event.state = PublicationState::Unpublished;
            report.event.status = status;
            report.event.note = note;
            report.event.diagnosis = QStringLiteral("The line is not set up; publishing once it registers.");
            report.event.timestamp = QDateTime::currentDateTimeUtc();
            onPublicationReport(report);
            return;
        }
        auto session = std::make_unique<PublicationSession>(
            m_engine, *line, id, m_options, [this](const PublicationReport &report) { onPublicationReport(report); });
        it = m_publications.emplace(id, std::move(session)).first;
    }
    it->second->publish(status, note);
}

void PresenceAgent::unpublish(quint64 id)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    const auto it = m_publications.find(id);
    if (it == m_publications.end())
        return;
    it->second->stop();
}

void PresenceAgent::detach()
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    m_channel->detach();
    shutdown();
}

void PresenceAgent::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    for (auto &entry : m_subscriptions)
        entry.second->stop();
    for (auto &entry : m_publications)
        entry.second->stop();
}

bool PresenceAgent::isClosing() const
{
    for (const auto &entry : m_subscriptions) {
        if (entry.second->isUnsubscribing())
            return true;
    }
    for (const auto &entry : m_publications) {
        if (entry.second->isUnpublishing())
            return true;
    }
    return false;
}

void PresenceAgent::onSubscriptionReport(const SubscriptionReport &report)
{
    m_pending.subscriptions.append(report);
    if (report.final)
        m_finishedSubscriptions.push_back(report.id);
    scheduleFlush();
}

void PresenceAgent::onPublicationReport(const PublicationReport &report)
{
    m_pending.publications.append(report);
    if (report.final)
        m_finishedPublications.push_back(report.id);
    scheduleFlush();
}

void PresenceAgent::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    if (!m_flushTimer)
        m_flushTimer = std::make_unique<EngineTimer>(m_engine.root());
    m_flushScheduled = true;
    // Also keeps finished sessions alive until their own call stack has unwound.
    m_flushTimer->start(kFlushDelayMs, [this] { flush(); });
}

void PresenceAgent::flush()
{
    m_flushScheduled = false;
    for (quint64 id : m_finishedSubscriptions) {
        const auto it = m_subscriptions.find(id);
        if (it != m_subscriptions.end() && it->second->isFinished())
            m_subscriptions.erase(it);
    }
    m_finishedSubscriptions.clear();
    for (quint64 id : m_finishedPublications) {
        const auto it = m_publications.find(id);
        if (it != m_publications.end() && it->second->isFinished())
            m_publications.erase(it);
    }
    m_finishedPublications.clear();
    if (m_pending.isEmpty())
        return;
    PresenceReportBatch batch;
    std::swap(batch, m_pending);
    m_channel->deliver([batch](PresenceService &service) { service.onReports(batch); });
}

} // namespace Sip::Internal
