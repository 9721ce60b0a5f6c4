// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/SipEngine.h"
#include "sipcore/internal/HandleOwner.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/SofiaStack.h"
#include "sipcore/internal/ThreadCheck.h"
#include "sipcore/internal/WireLog.h"

#include <QHash>
#include <QMutex>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace Sip {
class SipLog;
}

namespace Sip::Internal {

class Agent;
class EngineTimer;

/// The engine thread: runs su_root's loop, owns the Sofia stack (SofiaStack), the wire log (WireLog) and
/// every installed Agent, and knows no feature. Sofia's callbacks, its transport log and all nua_* calls
/// happen on this thread only (su_root_threading(root, 0) keeps Sofia from starting a hidden thread of
/// its own). Events of owned handles go to their session; events of handles nobody owns go to the agents
/// in turn, then to the stack's default answers. Other threads talk to it only through post().
class EngineThread
{
public:
    EngineThread(SipLog *log, const EngineOptions &options);
    ~EngineThread(); ///< Joins the thread; call after shutdown finished

    /// Any thread. Starts the thread and waits until its root is running.
    bool start(QString *error);
    /// Any thread. Runs command on the engine thread; false once the engine is gone.
    bool post(std::function<void()> command);
    /// Any thread. Hands the agent to the engine thread, which owns it from then on (until its loop
    /// ends). False when the engine is not running.
    bool install(std::shared_ptr<Agent> agent);
    /// Any thread. Closes what the agents have open, shuts Sofia down, stops the loop; then calls
    /// finished (engine thread).
    void requestShutdown(std::function<void()> finished);
    /// Any thread. Waits for the thread to end.
    void join();
    /// Any thread. Where the engine-thread checks compare against.
    const ThreadCheck &threadCheck() const { return m_threadCheck; }

    // ---- engine thread only ----
    bool ensureStack(const QString &bindHost, bool tls, QString *error);
    nua_t *nua() const { return m_stack ? m_stack->nua() : nullptr; }
    su_root_t *root() const { return m_root; }
    SipLog *log() const { return m_log; }
    const EngineOptions &options() const { return m_options; }
    /// Where Sofia finds cafile.pem for TLS. Before start() only.
    void setCertificateDirectory(const QString &directory) { m_stack->setCertificateDirectory(directory); }
    bool isShuttingDown() const { return m_shuttingDown; }

    // The wire log, as sessions need it.
    void attributeCallId(const QByteArray &callId, const QString &lineId) { m_wireLog.attributeCallId(callId, lineId); }
    int lastReceivedStatus(const QByteArray &callId) const { return m_wireLog.lastReceivedStatus(callId); }
    QByteArray lastSentContact(const QByteArray &callId) const { return m_wireLog.lastSentContact(callId); }
    QString lastTransportError() const { return m_wireLog.lastTransportError(); }
    void clearTransportError() { m_wireLog.clearTransportError(); }

    /// Identity and credentials of each line, for every session that acts for it.
    void setLineContext(const LineContext &context);
    const LineContext *lineContext(const QString &lineId) const;
    void removeLineContext(const QString &lineId);
    /// The line whose contact user this is (an incoming request's Request-URI user); with one line, that
    /// line whatever the user. Null when none fits.
    const LineContext *lineContextForUser(const QByteArray &user) const;

    /// Sofia's callback (C linkage target).
    static void onNuaEvent(nua_event_t event, int status, char const *phrase, nua_t *nua, EngineThread *self,
                           nua_handle_t *handle, HandleOwner *owner, sip_t const *sip, tagi_t tags[]);

private:
    void run();
    void handleUnownedEvent(const NuaEvent &event);
    void continueShutdown();
    void finishShutdown();

    SipLog *m_log;
    EngineOptions m_options;
    std::thread m_thread;
    ThreadCheck m_threadCheck;

    QMutex m_postMutex; // guards m_root for posting and m_alive
    bool m_alive = false;
    su_root_t *m_root = nullptr;
    WireLog m_wireLog;
    std::unique_ptr<SofiaStack> m_stack; // gone when the loop has ended

    QHash<QString, LineContext> m_lineContexts;
    std::vector<std::shared_ptr<Agent>> m_agents;

    bool m_shuttingDown = false;
    std::unique_ptr<EngineTimer> m_shutdownTimer;
    qint64 m_shutdownDeadline = 0;
    std::function<void()> m_onShutdownFinished;
};

} // namespace Sip::Internal
