// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/EngineThread.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineTimer.h"
#include "sipcore/internal/RegistrationSession.h"

#include <QDateTime>
#include <QRegularExpression>
#include <cstdarg>
#include <cstdio>
#include <future>
#include <mutex>

extern "C" {
// Exported by libsofia-sip-ua but not declared in its headers.
extern su_log_t tport_log[];
extern su_log_t nta_log[];
extern su_log_t nua_log[];
extern su_log_t iptsec_log[];
extern su_log_t sresolv_log[];
extern su_log_t nea_log[];
extern su_log_t su_log_global[];
}

namespace Sip::Internal {
namespace {

struct PostedCommand
{
    std::function<void()> run;
};

void deliverCommand(EngineThread *, su_msg_r, void *data)
{
    auto **slot = static_cast<PostedCommand **>(data);
    if (*slot && (*slot)->run)
        (*slot)->run();
}

// Runs after delivery and also when an undelivered message is destroyed at shutdown.
void destroyCommand(void *data)
{
    auto **slot = static_cast<PostedCommand **>(data);
    delete *slot;
    *slot = nullptr;
}

std::once_flag g_suInitOnce;
// Sofia's log redirect is process-wide; it points at the engine that currently runs.
std::mutex g_logOwnerMutex;
EngineThread *g_logOwner = nullptr;

QByteArray callIdOf(const LogEntry &entry)
{
    return entry.header("Call-ID");
}

} // namespace

EngineThread::EngineThread(SipLog *log, const EngineOptions &options)
    : m_log(log)
    , m_options(options)
{
}

EngineThread::~EngineThread()
{
    join();
}

bool EngineThread::start(QString *error)
{
    std::promise<QString> ready;
    std::future<QString> started = ready.get_future();
    m_thread = std::thread([this, &ready] {
        m_threadId = std::this_thread::get_id();
        std::call_once(g_suInitOnce, [] { su_init(); });
        {
            std::lock_guard<std::mutex> lock(g_logOwnerMutex);
            if (g_logOwner) {
                ready.set_value(QStringLiteral("another SIP engine is already running in this process"));
                return;
            }
            g_logOwner = this;
        }
        // Redirect before nua_create: the redirect itself is not locked inside Sofia.
        su_log_redirect(nullptr, &EngineThread::onMessageLog, this);
        for (su_log_t *module : {tport_log, nta_log, nua_log, iptsec_log, sresolv_log, nea_log, su_log_global})
            su_log_redirect(module, &EngineThread::onDebugLog, this);
        su_root_t *root = su_root_create(this);
        if (!root) {
            ready.set_value(QStringLiteral("su_root_create failed"));
            return;
        }
        su_root_threading(root, 0);
        {
            QMutexLocker lock(&m_postMutex);
            m_root = root;
            m_alive = true;
        }
        ready.set_value(QString());
        run();
    });
    const QString failure = started.get();
    if (!failure.isEmpty()) {
        m_thread.join();
        if (error)
            *error = failure;
        return false;
    }
    return true;
}

void EngineThread::run()
{
    su_root_run(m_root);

    // The loop has ended: tear Sofia down on this thread, as it requires.
    {
        QMutexLocker lock(&m_postMutex);
        m_alive = false;
    }
    m_registrations.clear();
    m_stackHandlers.clear();
    m_shutdownWaits.clear();
    m_shutdownHooks.clear(); // services owned by their hooks end here, before nua_destroy
    m_shutdownTimer.reset();
    if (m_nua) {
        if (m_shutdownComplete)
            nua_destroy(m_nua);
        // else: nua_destroy() aborts on an unfinished shutdown; the process is leaving anyway.
        m_nua = nullptr;
    }
    flushLog();
    su_root_destroy(m_root);
    {
        QMutexLocker lock(&m_postMutex);
        m_root = nullptr;
    }
    {
        std::lock_guard<std::mutex> lock(g_logOwnerMutex);
        su_log_redirect(nullptr, nullptr, nullptr);
        g_logOwner = nullptr;
    }
    if (m_onShutdownFinished)
        m_onShutdownFinished();
}

bool EngineThread::post(std::function<void()> command)
{
    QMutexLocker lock(&m_postMutex);
    if (!m_alive || !m_root)
        return false;
    su_msg_r message = SU_MSG_R_INIT;
    if (su_msg_create(message, su_root_task(m_root), su_task_null, deliverCommand, sizeof(PostedCommand *)) != 0)
        return false;
    auto **slot = static_cast<PostedCommand **>(su_msg_data(message));
    *slot = new PostedCommand{std::move(command)};
    su_msg_deinitializer(message, destroyCommand);
    return su_msg_send(message) == 0;
}

void EngineThread::join()
{
    if (m_thread.joinable() && std::this_thread::get_id() != m_thread.get_id())
        m_thread.join();
}

bool EngineThread::ensureStack(const QString &bindHost, bool wantTls, QString *error)
{
    if (m_nua && wantTls && !m_tlsBound) {
        if (error)
            *error = QStringLiteral("the SIP stack was started without TLS because no line used it then; restart "
                                    "Offhook to use this TLS line");
        return false;
    }
    if (m_nua) {
        if (!bindHost.isEmpty() && bindHost != m_boundHost && !m_boundHost.isEmpty())
            m_log->appendStep(QString(), QStringLiteral("Note: SIP is bound to %1; a line routed through %2 keeps "
                                                        "using %1")
                                             .arg(m_boundHost, bindHost));
        return true;
    }
    const QString host = bindHost.isEmpty() ? QStringLiteral("*")
                         : bindHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(bindHost)
                                                                : bindHost;
    // One transport URL without a comma list: a list crashes this Sofia build. "sip:host:*" binds UDP
    // and TCP on one ephemeral port.
    const QByteArray url = QStringLiteral("sip:%1:*").arg(host).toUtf8();
    // TLS has its own ephemeral port, bound only for a sips: URL. Sofia checks the server's chain against
    // our trust store (the name was checked by LineSupervisor's TLS probe: Sofia only knows the IP).
    const QByteArray sipsUrl = QStringLiteral("sips:%1:*").arg(host).toUtf8();
    const QByteArray certificateDirectory = m_certificateDirectory.toUtf8();
    const bool tls = wantTls && !certificateDirectory.isEmpty();
    const QByteArray userAgent = m_options.userAgent.toUtf8();
    m_nua = nua_create(m_root, &EngineThread::onNuaEvent, this, NUTAG_URL(url.constData()),
                       TAG_IF(tls, NUTAG_SIPS_URL(sipsUrl.constData())),
                       TAG_IF(tls, NUTAG_CERTIFICATE_DIR(certificateDirectory.constData())),
                       TAG_IF(tls, TPTAG_TLS_VERIFY_POLICY(TPTLS_VERIFY_OUT)),
                       SIPTAG_USER_AGENT_STR(userAgent.constData()),
                       NUTAG_OUTBOUND("no-validate no-options-keepalive"), NUTAG_KEEPALIVE(0),
                       NUTAG_ALLOW("INFO"), NUTAG_APPL_METHOD("INVITE, REGISTER, PUBLISH, INFO"),
                       // Calls carry their own SDP (Sip::Sdp); a session-timer refresh goes by UPDATE without
                       // a body, which needs no offer/answer from us.
                       NUTAG_MEDIA_ENABLE(0), NUTAG_UPDATE_REFRESH(1),
                       // Session timers: accept RFC 4028's smallest interval (Sofia's own minimum is 120 s).
                       NUTAG_MIN_SE(90),
                       NTATAG_SIP_T1X64(static_cast<unsigned>(m_options.transactionTimeoutMs)), TPTAG_LOG(1),
                       TAG_END());
    flushLog();
    if (!m_nua) {
        if (error)
            *error = QStringLiteral("could not open SIP transports on %1 (%2)")
                         .arg(QString::fromUtf8(url), m_lastTransportError.isEmpty()
                                                              ? QStringLiteral("address in use or not local")
                                                              : m_lastTransportError);
        return false;
    }
    m_boundHost = bindHost;
    m_tlsBound = tls;
    m_log->appendStep(QString(), tls ? QStringLiteral("SIP stack started on %1 (udp, tcp) and %2 (tls)")
                                           .arg(QString::fromUtf8(url), QString::fromUtf8(sipsUrl))
                                     : QStringLiteral("SIP stack started on %1 (udp, tcp)").arg(QString::fromUtf8(url)));
    return true;
}

RegistrationSession *EngineThread::registration(const QString &lineId)
{
    const auto it = m_registrations.find(lineId);
    return it == m_registrations.end() ? nullptr : it->second.get();
}

RegistrationSession *EngineThread::createRegistration(const QString &lineId)
{
    auto &slot = m_registrations[lineId];
    if (!slot)
        slot = std::make_unique<RegistrationSession>(*this, lineId);
    return slot.get();
}

void EngineThread::destroyRegistration(const QString &lineId)
{
    m_registrations.erase(lineId);
}

void EngineThread::attributeCallId(const QByteArray &callId, const QString &lineId)
{
    if (!callId.isEmpty())
        m_callIdLines.insert(callId, lineId);
}

const LineContext *EngineThread::lineContextForUser(const QByteArray &user) const
{
    for (auto it = m_lineContexts.constBegin(); it != m_lineContexts.constEnd(); ++it) {
        if (!user.isEmpty() && it.value().contactUser == user)
            return &it.value();
    }
    return m_lineContexts.size() == 1 ? &m_lineContexts.constBegin().value() : nullptr;
}

QString EngineThread::lineOfIncomingCall(const LogEntry &entry) const
{
    if (entry.kind != LogEntry::Kind::Received || !entry.raw.startsWith("INVITE "))
        return {};
    // "INVITE sip:1001@127.0.0.1:5080;transport=udp SIP/2.0": the Request-URI user is a line's contact user.
    const qsizetype end = entry.raw.indexOf(' ', 7);
    const QByteArray uri = entry.raw.mid(7, end < 0 ? -1 : end - 7);
    const qsizetype colon = uri.indexOf(':');
    const qsizetype at = uri.indexOf('@');
    const QByteArray user = colon >= 0 && at > colon ? uri.mid(colon + 1, at - colon - 1) : QByteArray();
    const LineContext *line = lineContextForUser(user);
    return line ? line->lineId : QString();
}

int EngineThread::lastReceivedStatus(const QByteArray &callId) const
{
    return m_lastReceived.value(callId, 0);
}

void EngineThread::onNuaEvent(nua_event_t event, int status, char const *phrase, nua_t *, EngineThread *self,
                              nua_handle_t *handle, HandleOwner *owner, sip_t const *sip, tagi_t tags[])
{
    // Wire messages are logged before the event that they cause is delivered: keep that order.
    self->flushLog();
    const NuaEvent nuaEvent{event, status, phrase, handle, sip, tags};
    if (owner)
        owner->onNuaEvent(nuaEvent);
    else
        self->handleStackEvent(nuaEvent);
    self->flushLog();
}

void EngineThread::handleStackEvent(const NuaEvent &event)
{
    for (const StackEventHandler &handler : m_stackHandlers) {
        if (handler(event))
            return;
    }
    switch (event.event) {
    case nua_r_shutdown:
        if (event.status >= 200) {
            m_log->appendStep(QString(), QStringLiteral("SIP stack shut down (%1 %2)")
                                             .arg(event.status)
                                             .arg(QString::fromUtf8(event.phrase ? event.phrase : "")));
            m_shutdownComplete = true; // nua_destroy() checks that a final r_shutdown was delivered
            finishShutdown();
        }
        return;
    case nua_i_invite:
        // No Sip::CallService takes calls on this engine: refuse instead of leaving the caller ringing.
        m_log->appendStep(QString(), QStringLiteral("Incoming call refused (480): calls are not taken here"));
        nua_respond(event.handle, SIP_480_TEMPORARILY_UNAVAILABLE, NUTAG_WITH_THIS(m_nua), TAG_END());
        nua_handle_destroy(event.handle);
        return;
    case nua_i_subscribe:
        nua_respond(event.handle, SIP_489_BAD_EVENT, NUTAG_WITH_THIS(m_nua), TAG_END());
        nua_handle_destroy(event.handle);
        return;
    case nua_i_info:
        // INFO is an application method (calls answer their own); one outside a call has no dialog here.
        nua_respond(event.handle, SIP_481_NO_TRANSACTION, NUTAG_WITH_THIS(m_nua), TAG_END());
        nua_handle_destroy(event.handle);
        return;
    default:
        break;
    }
    // Incoming out-of-dialog requests (OPTIONS, MESSAGE, NOTIFY, ...) each create a handle that is
    // ours now; nothing keeps them, so free them or they pile up with every server "qualify".
    if (event.handle && event.event >= nua_i_error && event.event != nua_r_shutdown)
        nua_handle_destroy(event.handle);
}

void EngineThread::onMessageLog(void *context, char const *format, va_list arguments)
{
    auto *self = static_cast<EngineThread *>(context);
    if (!self || !format)
        return;
    char buffer[4096];
    va_list copy;
    va_copy(copy, arguments);
    const int length = vsnprintf(buffer, sizeof buffer, format, copy);
    va_end(copy);
    if (length <= 0)
        return;
    self->m_parser.feed(buffer, qMin<qsizetype>(length, static_cast<qsizetype>(sizeof buffer) - 1));
}

void EngineThread::onDebugLog(void *context, char const *format, va_list arguments)
{
    auto *self = static_cast<EngineThread *>(context);
    if (!self || !format)
        return;
    char buffer[1024];
    va_list copy;
    va_copy(copy, arguments);
    const int length = vsnprintf(buffer, sizeof buffer, format, copy);
    va_end(copy);
    if (length <= 0)
        return;
    const QString line = QString::fromUtf8(buffer, qMin<qsizetype>(length, sizeof buffer - 1)).trimmed();
    static const QStringList markers = {QStringLiteral("error"), QStringLiteral("refused"),
                                        QStringLiteral("unreachable"), QStringLiteral("certificate"),
                                        QStringLiteral("failed"), QStringLiteral("denied")};
    for (const QString &marker : markers) {
        if (line.contains(marker, Qt::CaseInsensitive)) {
            // "nta: REGISTER (1234): Connection refused (111) with udp/[127.0.0.1]:5999" -> from "Connection"
            static const QRegularExpression prefix(QStringLiteral(R"(^\w+: \w+ \(\d+\): )"));
            self->m_lastTransportError = QString(line).remove(prefix).left(300);
            break;
        }
    }
}

void EngineThread::flushLog()
{
    const QList<LogEntry> messages = m_parser.takeMessages();
    for (LogEntry entry : messages) {
        const QByteArray callId = callIdOf(entry);
        entry.lineId = m_callIdLines.value(callId);
        if (entry.lineId.isEmpty()) {
            // A new incoming call is logged before CallAgent takes its INVITE: attribute it (and the rest of
            // its dialog) the way the agent will.
            entry.lineId = lineOfIncomingCall(entry);
            if (!entry.lineId.isEmpty())
                attributeCallId(callId, entry.lineId);
        }
        if (entry.kind == LogEntry::Kind::Received && entry.raw.startsWith("SIP/2.0 "))
            m_lastReceived.insert(callId, entry.raw.mid(8, 3).toInt());
        m_log->append(std::move(entry));
    }
    const QStringList debug = m_parser.takeDebugLines();
    for (const QString &line : debug) {
        if (line.contains(QLatin1String("error"), Qt::CaseInsensitive))
            m_lastTransportError = line.left(300);
    }
}

void EngineThread::requestShutdown(std::function<void()> finished)
{
    const bool posted = post([this, finished] {
        m_onShutdownFinished = finished;
        if (m_shuttingDown)
            return;
        m_shuttingDown = true;
        m_log->appendStep(QString(), QStringLiteral("Shutting down: unregistering all lines"));
        for (const auto &hook : m_shutdownHooks)
            hook();
        for (auto &entry : m_registrations)
            entry.second->stop();
        m_shutdownTimer = std::make_unique<EngineTimer>(m_root);
        m_shutdownDeadline = QDateTime::currentMSecsSinceEpoch() + m_options.shutdownTimeoutMs;
        continueShutdown();
    });
    if (!posted && finished) {
        // Not running (never started or already gone): nothing to shut down.
        finished();
    }
}

void EngineThread::continueShutdown()
{
    bool pending = false;
    for (auto &entry : m_registrations)
        pending = pending || entry.second->isBusy();
    for (const auto &busy : m_shutdownWaits)
        pending = pending || busy();
    if (pending && QDateTime::currentMSecsSinceEpoch() < m_shutdownDeadline) {
        m_shutdownTimer->start(50, [this] { continueShutdown(); });
        return;
    }
    if (pending)
        m_log->appendStep(QString(), QStringLiteral("Not waiting longer for answers to un-REGISTER/un-SUBSCRIBE"),
                          LogEntry::Kind::Error);
    m_registrations.clear(); // destroys every handle
    if (!m_nua) {
        finishShutdown();
        return;
    }
    nua_shutdown(m_nua);
    // nua answers within 30 s at most (500 "Shutdown timeout"); this is only a last resort.
    m_shutdownTimer->start(40000, [this] { finishShutdown(); });
}

void EngineThread::finishShutdown()
{
    if (m_shutdownTimer)
        m_shutdownTimer->stop();
    su_root_break(m_root);
}

} // namespace Sip::Internal
