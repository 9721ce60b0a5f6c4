// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/RegistrationState.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <memory>

namespace Sip {

class SipLog;
namespace Internal {
class EngineThread;
class LineSupervisor;
class RegistrationAgent;
class TlsTrustStore;
template <typename Target> class ReportChannel;
} // namespace Internal

/// Engine-wide settings, fixed for the life of one engine run.
struct EngineOptions
{
    QString userAgent = QStringLiteral("Offhook/" OFFHOOK_VERSION);
    QString bindAddress;              ///< Local IP to bind; empty = the address that routes to each server
    int transactionTimeoutMs = 32000; ///< SIP Timer F/B (64*T1); no answer -> 408 after this
    int shutdownTimeoutMs = 5000;     ///< How long exit waits for un-REGISTER answers
    /// TLS: a PEM file of extra certificate authorities to trust (a private PBX CA), besides the system's.
    QString caCertificatesFile;
    bool retryFailedRegistrations = true; ///< Back-off retries after timeouts, network and server errors
    bool watchNetwork = true;             ///< Retry at once when the system reports the network back
};

/// Façade of the SIP engine and the service of its lines' registrations. Created and used in one Qt
/// thread (the GUI or CLI main thread), which must run an event loop. Sofia-SIP runs in the engine's own
/// thread; every command below is posted there (to the Internal::RegistrationAgent, through one
/// LineSupervisor per line) and every result comes back as a queued signal carrying plain values. Lines
/// are identified by LineConfig::id. Calls (CallService) and presence (PresenceService) are services of
/// their own on the same engine.
class SipEngine : public QObject
{
    Q_OBJECT
public:
    explicit SipEngine(SipLog *log, QObject *parent = nullptr);
    ~SipEngine() override; ///< Blocks until the engine thread has shut down (bounded by shutdownTimeoutMs)

    /// Starts the engine thread. Returns false (and emits engineFailed) if Sofia cannot start.
    bool start(const EngineOptions &options = {});
    /// Unregisters every line, shuts Sofia down and stops the thread; emits shutdownFinished().
    void shutdown();
    bool isRunning() const;

    void addLine(const LineConfig &line);       ///< Registers it when line.enabled
    void updateLine(const LineConfig &line);    ///< Unregisters the old binding and registers the new one
    void removeLine(const QString &lineId);     ///< Unregisters and forgets
    void registerLine(const QString &lineId);   ///< (Re)starts registration now, resetting any back-off
    void unregisterLine(const QString &lineId); ///< Sends Expires: 0 and stays unregistered
    /// Asks the registrar for every binding of a registered line's extension (a REGISTER without Contact,
    /// which changes none); the answer comes as bindingsListed().
    void queryBindings(const QString &lineId);
    /// Removes other devices' (or stale) bindings of a registered line's extension: a REGISTER with those
    /// Contacts and Expires: 0, challenged like any REGISTER; the registrar's list comes as bindingsListed().
    void removeBindings(const QString &lineId, const QStringList &contacts);

    QList<LineConfig> lines() const;
    RegistrationEvent lastEvent(const QString &lineId) const;
    SipLog *log() const { return m_log; }
    /// The options of the current (or last) start(); the preflight check takes its CA file from here.
    const EngineOptions &options() const { return m_options; }
    /// For sipcore's own services (presence, calls) that add sessions to the engine thread. Null when
    /// the engine is not running. Not for other layers: its header is internal.
    Internal::EngineThread *internalThread() const { return m_thread.get(); }

Q_SIGNALS:
    void registrationChanged(const Sip::RegistrationEvent &event);
    void lineRemoved(const QString &lineId); ///< After removeLine(); services drop what they do for it
    void bindingsListed(const Sip::BindingsEvent &event);
    void engineStarted();
    void engineFailed(const QString &reason);
    void shutdownFinished();

private:
    friend class Internal::LineSupervisor;
    friend class Internal::RegistrationAgent;
    void publish(const RegistrationEvent &event);
    void onEngineStopped(); ///< The engine thread has ended after shutdown()
    void onBindingsReport(const BindingsEvent &event) { Q_EMIT bindingsListed(event); }
    void onRegistrationReport(const QString &lineId, quint64 attempt, const RegistrationEvent &event);
    /// Runs command on the engine thread with the registration agent, if it still lives there.
    void postToRegistrations(std::function<void(Internal::RegistrationAgent &)> command);
    const Internal::TlsTrustStore &tlsTrust() const { return *m_tlsTrust; }
    bool usesTransport(Transport transport) const; ///< Some enabled line uses it

    SipLog *m_log;
    EngineOptions m_options;
    std::unique_ptr<Internal::TlsTrustStore> m_tlsTrust;
    std::unique_ptr<Internal::EngineThread> m_thread;
    std::shared_ptr<Internal::ReportChannel<SipEngine>> m_registrationReports;
    std::weak_ptr<Internal::RegistrationAgent> m_registrations;
    QHash<QString, Internal::LineSupervisor *> m_lines; // children of this object
    bool m_shuttingDown = false;
};

} // namespace Sip
