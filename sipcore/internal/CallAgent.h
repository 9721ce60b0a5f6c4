// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"
#include "sipcore/internal/Agent.h"
#include "sipcore/internal/ReportChannel.h"

#include <functional>
#include <map>
#include <memory>

namespace Sip {
class CallService;
}

namespace Sip::Internal {

class CallSession;
class EngineThread;

/// Engine-thread side of CallService: owns every CallSession, takes new incoming INVITEs from the stack
/// (the line is the one whose contact user the Request-URI names) and hangs up every call when the engine
/// shuts down. Installed with EngineThread::install(), which owns it, so it dies on the engine thread.
/// Engine thread only, except the constructor.
class CallAgent : public Agent, public std::enable_shared_from_this<CallAgent>
{
public:
    using Channel = ReportChannel<CallService>;

    CallAgent(EngineThread &engine, std::shared_ptr<Channel> channel);
    ~CallAgent() override;
    CallAgent(const CallAgent &) = delete;
    CallAgent &operator=(const CallAgent &) = delete;

    void dial(const QString &callId, const QString &lineId, const QString &target, const LocalMedia &media);
    CallSession *session(const QString &callId) const;
    /// Places callId to the target of the REFER that originalCallId accepted (CallService::followTransfer).
    void followTransfer(const QString &callId, const QString &originalCallId, const LocalMedia &media);
    /// The application will not follow the REFER of originalCallId: NOTIFY the failure.
    void declineTransfer(const QString &originalCallId, int status, const QString &reason);
    /// Progress of a call that follows a REFER, for the call that was transferred.
    void referProgress(const QString &originalCallId, int status, const QString &reason);
    void detach();            ///< The façade is gone: hang up quietly
    void shutdown() override; ///< The engine stops: hang up every call
    /// A new incoming INVITE: a session for the line it is for, or 404 when no line has that name.
    bool onStackEvent(const NuaEvent &event) override;

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

    EngineThread &engine() const { return m_engine; }

private:
    void reap();

    EngineThread &m_engine;
    std::shared_ptr<Channel> m_channel;
    std::map<QString, std::unique_ptr<CallSession>> m_sessions;
    bool m_reapScheduled = false;
    bool m_stopping = false;
};

} // namespace Sip::Internal
