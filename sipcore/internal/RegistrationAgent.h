// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/Agent.h"
#include "sipcore/internal/BindingSession.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/RegistrationSession.h"
#include "sipcore/internal/ReportChannel.h"

#include <map>
#include <vector>
#include <memory>

namespace Sip {
class SipEngine;
}

namespace Sip::Internal {

class EngineThread;

/// Engine-thread side of the lines' registrations (façade: SipEngine with its LineSupervisors): owns one
/// RegistrationSession per line, opens the SIP stack for the first attempt, and un-REGISTERs every line
/// when the engine shuts down. Reports go to the façade through its ReportChannel. Engine thread only,
/// except the constructor.
class RegistrationAgent : public Agent, public std::enable_shared_from_this<RegistrationAgent>
{
public:
    using Channel = ReportChannel<SipEngine>;

    RegistrationAgent(EngineThread &engine, std::shared_ptr<Channel> channel);
    ~RegistrationAgent() override;

    /// One attempt of a line: its identity for every session of the line, the stack (bound to bindHost,
    /// with TLS when some line needs it), then REGISTER.
    void start(const LineContext &line, const RegistrationRequest &request, const QString &bindHost, bool tls);
    void stop(const QString &lineId);                      ///< un-REGISTER, or drop the attempt
    void abort(const QString &lineId, const QString &why); ///< The deadline passed: drop the handle
    void forget(const QString &lineId); ///< The line was removed: drop its session unless its un-REGISTER is out
    /// Lists every binding of the line's extension (a REGISTER without Contact).
    void queryBindings(const QString &lineId);
    /// Removes these bindings of the line's extension (Expires: 0), then reports the registrar's list.
    void removeBindings(const QString &lineId, const QStringList &contacts);
    void detach(); ///< The façade is gone

    void shutdown() override;
    bool isClosing() const override;
    void releaseBeforeStackShutdown() override;

private:
    RegistrationSession *session(const QString &lineId);
    void report(const QString &lineId, quint64 attempt, const RegistrationEvent &event);
    /// A binding request for a registered line; null (and the failure reported) when the line is not.
    BindingSession *newBindingSession(const QString &lineId, RegistrationSession **registration);
    void reapBindingSessions();

    EngineThread &m_engine;
    std::shared_ptr<Channel> m_channel;
    std::map<QString, std::unique_ptr<RegistrationSession>> m_sessions;
    std::vector<std::unique_ptr<BindingSession>> m_bindingSessions;
    bool m_reapScheduled = false;
};

} // namespace Sip::Internal
