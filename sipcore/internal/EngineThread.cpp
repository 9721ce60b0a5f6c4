// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/EngineThread.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/Agent.h"
#include "sipcore/internal/EngineTimer.h"

#include <QDateTime>
#include <future>
#include <mutex>

namespace Sip::Internal {
namespace {

struct PostedCommand
{
    std::function<void()> run;
};

void deliverCommand(EngineThread *, su_msg_r, void *data)
{
    auto **slot = static_cast<PostedCommand **>(data);
    if (*slot && (*slot)->run)
        (*slot)->run();
}

// Runs after delivery and also when an undelivered message is destroyed at shutdown.
void destroyCommand(void *data)
{
    auto **slot = static_cast<PostedCommand **>(data);
    delete *slot;
    *slot = nullptr;
}

std::once_flag g_suInitOnce;

} // namespace

EngineThread::EngineThread(SipLog *log, const EngineOptions &options)
    : m_log(log), m_options(options), m_wireLog(log,
                                                [this](const QByteArray &user) {
                                                    const LineContext *line = lineContextForUser(user);
                                                    return line ? line->lineId : QString();
                                                }),
      m_stack(std::make_unique<SofiaStack>(*this, m_wireLog, log, options))
{
}

EngineThread::~EngineThread()
{
    join();
}

bool EngineThread::start(QString *error)
{
    std::promise<QString> ready;
    std::future<QString> started = ready.get_future();
    m_thread = std::thread([this, &ready] {
        m_threadCheck.bindToCurrentThread();
        std::call_once(g_suInitOnce, [] { su_init(); });
        if (!m_wireLog.install()) {
            ready.set_value(QStringLiteral("another SIP engine is already running in this process"));
            return;
        }
        su_root_t *root = su_root_create(this);
        if (!root) {
            m_wireLog.uninstall();
            ready.set_value(QStringLiteral("su_root_create failed"));
            return;
        }
        su_root_threading(root, 0);
        {
            QMutexLocker lock(&m_postMutex);
            m_root = root;
            m_alive = true;
        }
        ready.set_value(QString());
        run();
    });
    const QString failure = started.get();
    if (!failure.isEmpty()) {
        m_thread.join();
        m_threadCheck.unbind();
        if (error)
            *error = failure;
        return false;
    }
    return true;
}

void EngineThread::run()
{
    su_root_run(m_root);

    // The loop has ended: tear Sofia down on this thread, as it requires.
    {
        QMutexLocker lock(&m_postMutex);
        m_alive = false;
    }
    m_agents.clear(); // every session and its handle ends here, before nua_destroy
    m_shutdownTimer.reset();
    m_stack.reset(); // nua_destroy
    m_wireLog.flush();
    su_root_destroy(m_root);
    {
        QMutexLocker lock(&m_postMutex);
        m_root = nullptr;
    }
    m_wireLog.uninstall();
    if (m_onShutdownFinished)
        m_onShutdownFinished();
}

bool EngineThread::post(std::function<void()> command)
{
    QMutexLocker lock(&m_postMutex);
    if (!m_alive || !m_root)
        return false;
    su_msg_r message = SU_MSG_R_INIT;
    if (su_msg_create(message, su_root_task(m_root), su_task_null, deliverCommand, sizeof(PostedCommand *)) != 0)
        return false;
    auto **slot = static_cast<PostedCommand **>(su_msg_data(message));
    *slot = new PostedCommand{std::move(command)};
    su_msg_deinitializer(message, destroyCommand);
    return su_msg_send(message) == 0;
}

bool EngineThread::install(std::shared_ptr<Agent> agent)
{
    return post([this, agent = std::move(agent)]() mutable {
        if (!m_shuttingDown)
            m_agents.push_back(std::move(agent));
        // else: the agent dies here, on this thread, with nothing open.
    });
}

void EngineThread::join()
{
    if (m_thread.joinable() && std::this_thread::get_id() != m_thread.get_id())
        m_thread.join();
}

bool EngineThread::ensureStack(const QString &bindHost, bool tls, QString *error)
{
    OFFHOOK_ON_ENGINE_THREAD(*this);
    return m_stack->ensure(m_root, bindHost, tls, error);
}

void EngineThread::setLineContext(const LineContext &context)
{
    OFFHOOK_ON_ENGINE_THREAD(*this);
    m_lineContexts.insert(context.lineId, context);
}

const LineContext *EngineThread::lineContext(const QString &lineId) const
{
    OFFHOOK_ON_ENGINE_THREAD(*this);
    const auto it = m_lineContexts.constFind(lineId);
    return it == m_lineContexts.constEnd() ? nullptr : &it.value();
}

void EngineThread::removeLineContext(const QString &lineId)
{
    OFFHOOK_ON_ENGINE_THREAD(*this);
    m_lineContexts.remove(lineId);
}

const LineContext *EngineThread::lineContextForUser(const QByteArray &user) const
{
    OFFHOOK_ON_ENGINE_THREAD(*this);
    for (auto it = m_lineContexts.constBegin(); it != m_lineContexts.constEnd(); ++it) {
        if (!user.isEmpty() && it.value().contactUser == user)
            return &it.value();
    }
    return m_lineContexts.size() == 1 ? &m_lineContexts.constBegin().value() : nullptr;
}

void EngineThread::onNuaEvent(nua_event_t event, int status, char const *phrase, nua_t *, EngineThread *self,
                              nua_handle_t *handle, HandleOwner *owner, sip_t const *sip, tagi_t tags[])
{
    OFFHOOK_ON_ENGINE_THREAD(*self);
    // Wire messages are logged before the event that they cause is delivered: keep that order.
    self->m_wireLog.flush();
    const NuaEvent nuaEvent{event, status, phrase, handle, sip, tags};
    if (owner)
        owner->onNuaEvent(nuaEvent);
    else
        self->handleUnownedEvent(nuaEvent);
    self->m_wireLog.flush();
}

void EngineThread::handleUnownedEvent(const NuaEvent &event)
{
    if (event.event == nua_r_shutdown) {
        if (m_stack->onShutdownAnswer(event))
            finishShutdown();
        return;
    }
    for (const std::shared_ptr<Agent> &agent : m_agents) {
        if (agent->onStackEvent(event))
            return;
    }
    m_stack->answerUnclaimed(event);
}

void EngineThread::requestShutdown(std::function<void()> finished)
{
    const bool posted = post([this, finished] {
        m_onShutdownFinished = finished;
        if (m_shuttingDown)
            return;
        m_shuttingDown = true;
        m_log->appendStep(QString(), QStringLiteral("Shutting down: unregistering all lines"));
        // The newest agent first, like destructors: calls and presence close before the lines unregister.
        for (auto it = m_agents.rbegin(); it != m_agents.rend(); ++it)
            (*it)->shutdown();
        m_shutdownTimer = std::make_unique<EngineTimer>(m_root);
        m_shutdownDeadline = QDateTime::currentMSecsSinceEpoch() + m_options.shutdownTimeoutMs;
        continueShutdown();
    });
    if (!posted && finished) {
        // Not running (never started or already gone): nothing to shut down.
        finished();
    }
}

void EngineThread::continueShutdown()
{
    bool pending = false;
    for (const std::shared_ptr<Agent> &agent : m_agents)
        pending = pending || agent->isClosing();
    if (pending && QDateTime::currentMSecsSinceEpoch() < m_shutdownDeadline) {
        m_shutdownTimer->start(50, [this] { continueShutdown(); });
        return;
    }
    if (pending)
        m_log->appendStep(QString(), QStringLiteral("Not waiting longer for answers to un-REGISTER/un-SUBSCRIBE"),
                          LogEntry::Kind::Error);
    for (const std::shared_ptr<Agent> &agent : m_agents)
        agent->releaseBeforeStackShutdown();
    if (!m_stack->startShutdown()) {
        finishShutdown();
        return;
    }
    // nua answers within 30 s at most (500 "Shutdown timeout"); this is only a last resort.
    m_shutdownTimer->start(40000, [this] { finishShutdown(); });
}

void EngineThread::finishShutdown()
{
    if (m_shutdownTimer)
        m_shutdownTimer->stop();
    su_root_break(m_root);
}

} // namespace Sip::Internal
