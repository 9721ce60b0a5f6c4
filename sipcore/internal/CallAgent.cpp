// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/CallAgent.h"

#include "sipcore/CallService.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/CallSession.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/NuaHandle.h"

#include <atomic>

namespace Sip::Internal {

CallAgent::CallAgent(EngineThread &engine, std::shared_ptr<Channel> channel)
    : m_engine(engine), m_channel(std::move(channel))
{
}

CallAgent::~CallAgent()
{
    for (auto &entry : m_sessions)
        entry.second->abandon();
}

QString CallAgent::nextCallId()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("call-%1").arg(++counter);
}

void CallAgent::dial(const QString &callId, const QString &lineId, const QString &target, const LocalMedia &media)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    const LineContext *line = m_engine.lineContext(lineId);
    LineContext context = line ? *line : LineContext{};
    context.lineId = lineId;
    auto session = std::make_unique<CallSession>(*this, m_engine, callId, context);
    CallSession *raw = session.get();
    m_sessions[callId] = std::move(session);
    raw->dial(target, media);
}

CallSession *CallAgent::session(const QString &callId) const
{
    const auto it = m_sessions.find(callId);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

void CallAgent::followTransfer(const QString &callId, const QString &originalCallId, const LocalMedia &media)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    CallSession *original = session(originalCallId);
    const bool pending = original && !original->referTarget().isEmpty();
    auto session = std::make_unique<CallSession>(*this, m_engine, callId, original ? original->line() : LineContext{});
    CallSession *raw = session.get();
    m_sessions[callId] = std::move(session);
    // Without a pending REFER the session ends at once ("no transfer to follow").
    raw->followRefer(originalCallId, pending ? original->referTarget() : QString(),
                     pending ? original->referredBy() : QByteArray(), media);
}

void CallAgent::declineTransfer(const QString &originalCallId, int status, const QString &reason)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    if (CallSession *original = session(originalCallId))
        original->referProgress(status, reason);
}

void CallAgent::referProgress(const QString &originalCallId, int status, const QString &reason)
{
    if (CallSession *original = session(originalCallId))
        original->referProgress(status, reason);
}

void CallAgent::detach()
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    m_channel->detach();
    shutdown();
}

void CallAgent::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    for (auto &entry : m_sessions)
        entry.second->abandon();
}

bool CallAgent::onStackEvent(const NuaEvent &event)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
    // A detached agent leaves new calls to the next CallService (or the engine's 480).
    if (event.event != nua_i_invite || !event.handle || m_stopping || !m_engine.nua())
        return false;
    // The line whose contact the Request-URI names; a single line takes any call.
    const QByteArray user = event.sip && event.sip->sip_request && event.sip->sip_request->rq_url->url_user
                                ? QByteArray(event.sip->sip_request->rq_url->url_user)
                                : QByteArray();
    const LineContext *line = m_engine.lineContextForUser(user);
    if (!line) {
        m_engine.log()->appendStep(
            QString(),
            QStringLiteral("Incoming call for %1: no line of this name; answered 404").arg(QString::fromUtf8(user)),
            LogEntry::Kind::Error);
        nua_respond(event.handle, SIP_404_NOT_FOUND, NUTAG_WITH_THIS(m_engine.nua()), TAG_END());
        NuaHandle::discard(event.handle);
        return true;
    }
    const QString callId = nextCallId();
    auto session = std::make_unique<CallSession>(*this, m_engine, callId, *line);
    CallSession *raw = session.get();
    m_sessions[callId] = std::move(session);
    raw->receive(event);
    return true;
}

void CallAgent::reportCall(const CallEvent &event)
{
    m_channel->deliver([event](CallService &service) { service.onCallEvent(event); });
}

void CallAgent::reportMedia(const MediaParameters &media)
{
    m_channel->deliver([media](CallService &service) { Q_EMIT service.mediaChanged(media); });
}

void CallAgent::reportTransfer(const TransferEvent &event)
{
    m_channel->deliver([event](CallService &service) { Q_EMIT service.transferChanged(event); });
}

void CallAgent::reportDigit(const QString &callId, QChar digit)
{
    m_channel->deliver([callId, digit](CallService &service) { Q_EMIT service.infoDigitReceived(callId, digit); });
}

void CallAgent::reportTransferRequest(const QString &callId, const QString &target)
{
    m_channel->deliver([callId, target](CallService &service) { Q_EMIT service.transferRequested(callId, target); });
}

void CallAgent::sessionFinished(const QString &)
{
    if (m_reapScheduled)
        return;
    m_reapScheduled = true;
    // Not now: the session is inside its own callback.
    m_engine.post([weak = weak_from_this()] {
        if (const std::shared_ptr<CallAgent> self = weak.lock())
            self->reap();
    });
}

void CallAgent::reap()
{
    m_reapScheduled = false;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->second->isFinished())
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

} // namespace Sip::Internal
