// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/Agent.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/RegistrationSession.h"
#include "sipcore/internal/ReportChannel.h"

#include <map>
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
class RegistrationAgent : public Agent
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
    void detach();                      ///< The façade is gone

    void shutdown() override;
    bool isClosing() const override;
    void releaseBeforeStackShutdown() override;

private:
    RegistrationSession *session(const QString &lineId);
    void report(const QString &lineId, quint64 attempt, const RegistrationEvent &event);

    EngineThread &m_engine;
    std::shared_ptr<Channel> m_channel;
    std::map<QString, std::unique_ptr<RegistrationSession>> m_sessions;
};

} // namespace Sip::Internal
