// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/RegistrationAgent.h"

#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"

namespace Sip::Internal {

RegistrationAgent::RegistrationAgent(EngineThread &engine, std::shared_ptr<Channel> channel)
    : m_engine(engine), m_channel(std::move(channel))
{
}

RegistrationAgent::~RegistrationAgent() = default;

void RegistrationAgent::start(const LineContext &line, const RegistrationRequest &request, const QString &bindHost,
                              bool tls)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    m_engine.setLineContext(line);
    QString error;
    if (!m_engine.ensureStack(bindHost, tls, &error)) {
        RegistrationEvent event;
        event.lineId = line.lineId;
        event.state = RegistrationState::NetworkFailed;
        event.failure = FailureKind::Network;
        event.statusCode = 503;
        event.reasonPhrase = QStringLiteral("No Transport");
        event.diagnosis = QStringLiteral("Offhook could not open its SIP port: %1.").arg(error);
        event.timestamp = QDateTime::currentDateTimeUtc();
        m_engine.log()->appendStep(line.lineId, event.diagnosis, LogEntry::Kind::Error);
        report(line.lineId, request.attempt, event);
        return;
    }
    session(line.lineId)->start(line, request);
}

void RegistrationAgent::stop(const QString &lineId)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    if (const auto it = m_sessions.find(lineId); it != m_sessions.end())
        it->second->stop();
}

void RegistrationAgent::abort(const QString &lineId, const QString &why)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    if (const auto it = m_sessions.find(lineId); it != m_sessions.end())
        it->second->abort(why);
}

void RegistrationAgent::forget(const QString &lineId)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    // The un-REGISTER had its chance first (commands run in order); the stack finishes it either way.
    if (const auto it = m_sessions.find(lineId); it != m_sessions.end() && !it->second->isBusy())
        m_sessions.erase(it);
}

BindingSession *RegistrationAgent::newBindingSession(const QString &lineId, RegistrationSession **registration)
{
    const auto it = m_sessions.find(lineId);
    if (it == m_sessions.end() || !it->second->isRegistered()) {
        BindingsEvent event;
        event.lineId = lineId;
        event.diagnosis = QStringLiteral("The line is not registered; its bindings are listed once it is.");
        event.timestamp = QDateTime::currentDateTimeUtc();
        m_channel->deliver([event](SipEngine &engine) { engine.onBindingsReport(event); });
        return nullptr;
    }
    *registration = it->second.get();
    auto session = std::make_unique<BindingSession>(
        m_engine, it->second->line(), it->second->ownContact(), [this](const BindingsEvent &event) {
            m_channel->deliver([event](SipEngine &engine) { engine.onBindingsReport(event); });
            reapBindingSessions();
        });
    m_bindingSessions.push_back(std::move(session));
    return m_bindingSessions.back().get();
}

void RegistrationAgent::queryBindings(const QString &lineId)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    RegistrationSession *registration = nullptr;
    if (BindingSession *session = newBindingSession(lineId, &registration))
        session->query(registration->request().registrarUri);
}

void RegistrationAgent::removeBindings(const QString &lineId, const QStringList &contacts)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    RegistrationSession *registration = nullptr;
    if (BindingSession *session = newBindingSession(lineId, &registration))
        session->remove(registration->request().registrarUri, contacts);
}

void RegistrationAgent::reapBindingSessions()
{
    if (m_reapScheduled)
        return;
    m_reapScheduled = true;
    // Not now: the finished session is inside its own callback.
    m_engine.post([weak = weak_from_this()] {
        const std::shared_ptr<RegistrationAgent> self = weak.lock();
        if (!self)
            return;
        self->m_reapScheduled = false;
        std::erase_if(self->m_bindingSessions, [](const auto &session) { return session->isFinished(); });
    });
}

void RegistrationAgent::detach()
{
    m_channel->detach();
}

void RegistrationAgent::shutdown()
{
    for (auto &entry : m_sessions)
        entry.second->stop();
}

bool RegistrationAgent::isClosing() const
{
    for (const auto &entry : m_sessions) {
        if (entry.second->isBusy())
            return true;
    }
    return false;
}

void RegistrationAgent::releaseBeforeStackShutdown()
{
    m_bindingSessions.clear();
    m_sessions.clear(); // destroys every handle: Sofia must not un-REGISTER again what did not answer
}

RegistrationSession *RegistrationAgent::session(const QString &lineId)
{
    auto &slot = m_sessions[lineId];
    if (!slot)
        slot = std::make_unique<RegistrationSession>(
            m_engine, lineId,
            [this, lineId](quint64 attempt, const RegistrationEvent &event) { report(lineId, attempt, event); });
    return slot.get();
}

void RegistrationAgent::report(const QString &lineId, quint64 attempt, const RegistrationEvent &event)
{
    m_channel->deliver(
        [lineId, attempt, event](SipEngine &engine) { engine.onRegistrationReport(lineId, attempt, event); });
}

} // namespace Sip::Internal
