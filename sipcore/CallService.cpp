// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/CallService.h"

#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/CallSession.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/ThreadCheck.h"

#include <QThread>

namespace Sip {

using Internal::CallAgent;

CallService::CallService(SipEngine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    qRegisterMetaType<Sip::CallEvent>();
    qRegisterMetaType<Sip::MediaParameters>();
    qRegisterMetaType<Sip::TransferEvent>();
    connect(&engine, &SipEngine::engineStarted, this, &CallService::install);
    if (engine.internalThread())
        install();
}

CallService::~CallService()
{
    if (m_channel)
        m_channel->detach();
    post([](CallAgent &agent) { agent.detach(); });
}

void CallService::install()
{
    OFFHOOK_ON_OWNER_THREAD();
    Internal::EngineThread *thread = m_engine.internalThread();
    if (!thread)
        return;
    if (m_channel)
        m_channel->detach();
    m_channel = std::make_shared<CallAgent::Channel>(this);
    auto agent = std::make_shared<CallAgent>(*thread, m_channel);
    m_agent = agent;
    thread->install(agent);
}

void CallService::post(std::function<void(CallAgent &)> command)
{
    OFFHOOK_ON_OWNER_THREAD();
    Internal::EngineThread *thread = m_engine.internalThread();
    if (!thread)
        return;
    // Thread hop: the command runs on the engine thread, if the agent still lives there.
    thread->post([weak = m_agent, command = std::move(command)] {
        if (const std::shared_ptr<CallAgent> agent = weak.lock())
            command(*agent);
    });
}

QString CallService::call(const QString &lineId, const QString &target, const LocalMedia &media)
{
    OFFHOOK_ON_OWNER_THREAD();
    const QString callId = CallAgent::nextCallId();
    CallEvent dialing;
    dialing.callId = callId;
    dialing.lineId = lineId;
    dialing.state = CallState::Dialing;
    dialing.direction = CallDirection::Outgoing;
    dialing.peer = target;
    dialing.timestamp = QDateTime::currentDateTimeUtc();
    m_calls.insert(callId, dialing);
    if (!m_engine.internalThread() || m_agent.expired()) {
        CallEvent ended = dialing;
        ended.state = CallState::Ended;
        ended.reason = QStringLiteral("Engine not running");
        ended.diagnosis = QStringLiteral("The SIP engine is not running, so no call can be made.");
        QMetaObject::invokeMethod(
            this, [this, ended] { onCallEvent(ended); }, Qt::QueuedConnection);
        return callId;
    }
    post([callId, lineId, target, media](CallAgent &agent) { agent.dial(callId, lineId, target, media); });
    return callId;
}

void CallService::answer(const QString &callId, const LocalMedia &media)
{
    post([callId, media](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->answer(media);
    });
}

void CallService::reject(const QString &callId, RejectReason reason)
{
    post([callId, reason](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->reject(reason);
    });
}

void CallService::hangUp(const QString &callId, HangUpCause cause)
{
    post([callId, cause](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->hangUp(cause);
    });
}

void CallService::hold(const QString &callId)
{
    post([callId](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->setHold(true);
    });
}

void CallService::resume(const QString &callId)
{
    post([callId](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->setHold(false);
    });
}

void CallService::sendInfoDigits(const QString &callId, const QString &digits)
{
    post([callId, digits](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->sendInfoDigits(digits);
    });
}

void CallService::transfer(const QString &callId, const QString &target)
{
    post([callId, target](CallAgent &agent) {
        if (Internal::CallSession *session = agent.session(callId))
            session->transfer(target);
    });
}

QString CallService::followTransfer(const QString &callId, const LocalMedia &media)
{
    OFFHOOK_ON_OWNER_THREAD();
    const QString newCallId = CallAgent::nextCallId();
    const CallEvent original = m_calls.value(callId);
    CallEvent dialing;
    dialing.callId = newCallId;
    dialing.lineId = original.lineId;
    dialing.state = CallState::Dialing;
    dialing.direction = CallDirection::Outgoing;
    dialing.transferredFrom = callId;
    dialing.timestamp = QDateTime::currentDateTimeUtc();
    m_calls.insert(newCallId, dialing);
    post([newCallId, callId, media](CallAgent &agent) { agent.followTransfer(newCallId, callId, media); });
    return newCallId;
}

void CallService::declineTransfer(const QString &callId)
{
    post([callId](CallAgent &agent) { agent.declineTransfer(callId, 503, QStringLiteral("Service Unavailable")); });
}

QList<CallEvent> CallService::activeCalls() const
{
    QList<CallEvent> result;
    for (const CallEvent &event : m_calls) {
        if (event.state != CallState::Ended)
            result.append(event);
    }
    return result;
}

CallEvent CallService::lastEvent(const QString &callId) const
{
    return m_calls.value(callId);
}

void CallService::onCallEvent(const CallEvent &event)
{
    OFFHOOK_ON_OWNER_THREAD();
    m_calls.insert(event.callId, event);
    Q_EMIT callChanged(event);
}

} // namespace Sip
