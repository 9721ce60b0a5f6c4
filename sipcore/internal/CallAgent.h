// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"
#include "sipcore/internal/HandleOwner.h"

#include <QMutex>
#include <functional>
#include <map>
#include <memory>

namespace Sip {
class CallService;
}

namespace Sip::Internal {

class CallSession;
class EngineThread;

/// The way back from the engine thread to one CallService. deliver() runs on the engine thread and queues
/// the function into the service's thread; detach() (from the service's destructor, on its thread) makes
/// later deliveries no-ops, so nothing reaches a deleted service. Thread-safe.
class CallReportChannel : public std::enable_shared_from_this<CallReportChannel>
{
public:
    explicit CallReportChannel(CallService *target) : m_target(target) {}
    void deliver(std::function<void(CallService &)> report);
    void detach();

private:
    QMutex m_mutex;
    CallService *m_target;
};

/// Engine-thread side of CallService: owns every CallSession, takes new incoming INVITEs from the stack
/// (the line is the one whose contact user the Request-URI names) and hangs up every call when the engine
/// shuts down. Installed by install(); the engine's handler and hook own it, so it dies on the engine
/// thread. Engine thread only, except the constructor.
class CallAgent : public std::enable_shared_from_this<CallAgent>
{
public:
    CallAgent(EngineThread &engine, std::shared_ptr<CallReportChannel> channel);
    ~CallAgent();
    CallAgent(const CallAgent &) = delete;
    CallAgent &operator=(const CallAgent &) = delete;

    /// Any thread: hands the agent to the engine thread (stack handler and shutdown hook). False when the
    /// engine is not running.
    static bool install(EngineThread &engine, const std::shared_ptr<CallAgent> &agent);

    void dial(const QString &callId, const QString &lineId, const QString &target, const LocalMedia &media);
    CallSession *session(const QString &callId) const;
    /// Places callId to the target of the REFER that originalCallId accepted (CallService::followTransfer).
    void followTransfer(const QString &callId, const QString &originalCallId, const LocalMedia &media);
    /// The application will not follow the REFER of originalCallId: NOTIFY the failure.
    void declineTransfer(const QString &originalCallId, int status, const QString &reason);
    /// Progress of a call that follows a REFER, for the call that was transferred.
    void referProgress(const QString &originalCallId, int status, const QString &reason);
    void detach();   ///< The façade is gone: hang up quietly
    void shutdown(); ///< The engine stops: hang up every call

    // Reports from the sessions (engine thread); queued to the façade.
    void reportCall(const CallEvent &event);
    void reportMedia(const MediaParameters &media);
    void reportTransfer(const TransferEvent &event);
    void reportDigit(const QString &callId, QChar digit);
    void reportTransferRequest(const QString &callId, const QString &target);
    /// The session ended and let go of its handle; it is deleted on a later loop turn.
    void sessionFinished(const QString &callId);

    /// Next id for a call ("call-3"); any thread.
    static QString nextCallId();

private:
    bool onStackEvent(const NuaEvent &event);
    void reap();

    EngineThread &m_engine;
    std::shared_ptr<CallReportChannel> m_channel;
    std::map<QString, std::unique_ptr<CallSession>> m_sessions;
    bool m_reapScheduled = false;
    bool m_stopping = false;
};

} // namespace Sip::Internal
