// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/SipEngine.h"
#include "sipcore/internal/HandleOwner.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/TportLogParser.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <functional>
#include <map>
#include <memory>
#include <thread>
#include <vector>

namespace Sip {
class SipLog;
}

namespace Sip::Internal {

class EngineTimer;
class RegistrationSession;

/// The engine thread: owns su_root, the nua stack and every nua handle. Sofia's callbacks, its
/// transport log and all nua_* calls happen on this thread only (su_root_threading(root, 0) keeps
/// Sofia from starting a hidden thread of its own). Other threads talk to it only through post().
class EngineThread
{
public:
    /// Delivers a registration event of one attempt; called on the engine thread, must hop threads itself.
    using RegistrationReport = std::function<void(const QString &lineId, quint64 attempt, const RegistrationEvent &)>;

    EngineThread(SipLog *log, const EngineOptions &options);
    ~EngineThread(); ///< Joins the thread; call after shutdown finished

    /// Any thread. Starts the thread and waits until its root is running.
    bool start(QString *error);
    /// Any thread. Runs command on the engine thread; false once the engine is gone.
    bool post(std::function<void()> command);
    /// Any thread. Unregisters, shuts Sofia down, stops the loop; then calls finished (engine thread).
    void requestShutdown(std::function<void()> finished);
    /// Any thread. Waits for the thread to end.
    void join();

    // ---- engine thread only ----
    /// Creates the SIP stack on first use. TLS is bound only when asked for when the stack is created:
    /// with a TLS transport bound, this Sofia build gives every line a sips: Contact, even lines on UDP/TCP.
    bool ensureStack(const QString &bindHost, bool tls, QString *error);
    nua_t *nua() const { return m_nua; }
    su_root_t *root() const { return m_root; }
    SipLog *log() const { return m_log; }
    const EngineOptions &options() const { return m_options; }
    /// Where Sofia finds cafile.pem for TLS. Before start() only.
    void setCertificateDirectory(const QString &directory) { m_certificateDirectory = directory; }
    RegistrationSession *registration(const QString &lineId);
    RegistrationSession *createRegistration(const QString &lineId);
    void destroyRegistration(const QString &lineId);
    /// Wire messages with this Call-ID are attributed to this line in the log.
    void attributeCallId(const QByteArray &callId, const QString &lineId);
    /// Status of the last response received from the network for this Call-ID (0 if none).
    int lastReceivedStatus(const QByteArray &callId) const;
    /// The most recent transport/debug line mentioning an error, for diagnoses.
    QString lastTransportError() const { return m_lastTransportError; }
    void clearTransportError() { m_lastTransportError.clear(); }
    bool isShuttingDown() const { return m_shuttingDown; }
    void setRegistrationReport(RegistrationReport report) { m_registrationReport = std::move(report); }
    void reportRegistration(const QString &lineId, quint64 attempt, const RegistrationEvent &event) const
    {
        if (m_registrationReport)
            m_registrationReport(lineId, attempt, event);
    }

    /// Identity and credentials of each line, for every session that acts for it.
    void setLineContext(const LineContext &context) { m_lineContexts.insert(context.lineId, context); }
    const LineContext *lineContext(const QString &lineId) const
    {
        const auto it = m_lineContexts.constFind(lineId);
        return it == m_lineContexts.constEnd() ? nullptr : &it.value();
    }
    void removeLineContext(const QString &lineId) { m_lineContexts.remove(lineId); }
    /// The line whose contact user this is (an incoming request's Request-URI user); with one line, that
    /// line whatever the user. Null when none fits.
    const LineContext *lineContextForUser(const QByteArray &user) const;

    /// Handler for events of handles nobody owns (incoming INVITE, SUBSCRIBE, MESSAGE, ...). Returns
    /// true when it took the event (and so the handle). Tried in the order added.
    using StackEventHandler = std::function<bool(const NuaEvent &)>;
    void addStackEventHandler(StackEventHandler handler) { m_stackHandlers.push_back(std::move(handler)); }
    /// Runs when the engine is about to shut down, before nua_shutdown (unsubscribe, hang up, ...).
    void addShutdownHook(std::function<void()> hook) { m_shutdownHooks.push_back(std::move(hook)); }
    /// Shutdown waits (up to shutdownTimeoutMs) while any of these says a closing request is pending.
    void addShutdownWait(std::function<bool()> busy) { m_shutdownWaits.push_back(std::move(busy)); }

    // Sofia callbacks (C linkage targets)
    static void onNuaEvent(nua_event_t event, int status, char const *phrase, nua_t *nua, EngineThread *self,
                           nua_handle_t *handle, HandleOwner *owner, sip_t const *sip, tagi_t tags[]);
    static void onMessageLog(void *context, char const *format, va_list arguments);
    static void onDebugLog(void *context, char const *format, va_list arguments);

private:
    void run();
    void handleStackEvent(const NuaEvent &event);
    void flushLog();
    /// The line an incoming INVITE (not yet attributed) is for: empty for other messages or no match.
    QString lineOfIncomingCall(const LogEntry &entry) const;
    void continueShutdown();
    void finishShutdown();

    SipLog *m_log;
    EngineOptions m_options;
    std::thread m_thread;
    std::thread::id m_threadId;

    QMutex m_postMutex;        // guards m_root for posting and m_alive
    bool m_alive = false;
    su_root_t *m_root = nullptr;
    nua_t *m_nua = nullptr;
    QString m_boundHost;
    QString m_certificateDirectory;
    bool m_tlsBound = false;

    std::map<QString, std::unique_ptr<RegistrationSession>> m_registrations;
    QHash<QByteArray, QString> m_callIdLines;
    QHash<QString, LineContext> m_lineContexts;
    std::vector<StackEventHandler> m_stackHandlers;
    std::vector<std::function<void()>> m_shutdownHooks;
    std::vector<std::function<bool()>> m_shutdownWaits;
    QHash<QByteArray, int> m_lastReceived;
    TportLogParser m_parser;
    QString m_lastTransportError;

    bool m_shuttingDown = false;
    bool m_shutdownComplete = false;
    std::unique_ptr<EngineTimer> m_shutdownTimer;
    qint64 m_shutdownDeadline = 0;
    std::function<void()> m_onShutdownFinished;
    RegistrationReport m_registrationReport;
};

} // namespace Sip::Internal
