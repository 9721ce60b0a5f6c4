// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/RegistrationState.h"
#include "sipcore/SipEngine.h"
#include "sipcore/internal/HostResolver.h"

#include <QObject>
#include <QTimer>

namespace Sip::Internal {

class TlsProbe;
struct TlsProbeResult;

/// Keeps one line registered, on the façade's thread: resolves the server, starts attempts on the
/// engine thread, bounds each attempt with a deadline, and retries with back-off after failures that
/// can heal (no answer, network, server errors) — never after rejected credentials or a refused
/// extension, which need the user.
class LineSupervisor : public QObject
{
    Q_OBJECT
public:
    LineSupervisor(SipEngine &engine, const LineConfig &config, const EngineOptions &options);
    ~LineSupervisor() override;

    const LineConfig &config() const { return m_config; }
    void setConfig(const LineConfig &config) { m_config = config; }
    const RegistrationEvent &lastEvent() const { return m_last; }

    void registerNow();    ///< Start an attempt now (resets back-off)
    void unregister();     ///< Expires: 0, stay down
    void retryIfWaiting(); ///< Network came back: skip the remaining back-off
    void onEngineEvent(quint64 attempt, const RegistrationEvent &event);

    /// Back-off before retry number n (1-based): 5, 10, 20, 40, 60, 120, 300, 300 … seconds.
    static int backoffSeconds(int retry);
    static bool isRetryable(const RegistrationEvent &event);

private:
    void startAttempt();
    void onResolved(const ResolvedTarget &target);
    void onTlsChecked(const TlsProbeResult &result);
    void startRegistration(const ResolvedTarget &target);
    /// DNS or TLS failed: nothing was sent. Reported as a network failure and retried with back-off.
    void failBeforeSending(const QString &reasonPhrase, const QString &diagnosis, const QString &logText);
    void onDeadline();
    void publish(RegistrationEvent event);
    void scheduleRetry(RegistrationEvent &event);

    SipEngine &m_engine;
    LineConfig m_config;
    EngineOptions m_options;
    HostResolver *m_resolver;
    TlsProbe *m_tlsProbe;
    ResolvedTarget m_pendingTarget; ///< Waiting for the TLS check
    QTimer m_retryTimer;
    QTimer m_deadline;
    quint64 m_attempt = 0;
    int m_retries = 0;
    bool m_wanted = false; ///< The user wants this line registered
    RegistrationEvent m_last;
};

} // namespace Sip::Internal
