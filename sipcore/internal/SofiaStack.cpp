// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/SofiaStack.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/NuaHandle.h"
#include "sipcore/internal/WireLog.h"

namespace Sip::Internal {

SofiaStack::SofiaStack(EngineThread &thread, WireLog &wireLog, SipLog *log, const EngineOptions &options)
    : m_thread(thread), m_wireLog(wireLog), m_log(log), m_options(options)
{
}

SofiaStack::~SofiaStack()
{
    if (m_nua && m_shutdownComplete)
        nua_destroy(m_nua);
    // else: nua_destroy() aborts on an unfinished shutdown; the process is leaving anyway.
    m_nua = nullptr;
}

bool SofiaStack::ensure(su_root_t *root, const QString &bindHost, bool wantTls, QString *error)
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
    const QString host = bindHost.isEmpty()                    ? QStringLiteral("*")
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
    m_nua = nua_create(root, &EngineThread::onNuaEvent, &m_thread, NUTAG_URL(url.constData()),
                       TAG_IF(tls, NUTAG_SIPS_URL(sipsUrl.constData())),
                       TAG_IF(tls, NUTAG_CERTIFICATE_DIR(certificateDirectory.constData())),
                       TAG_IF(tls, TPTAG_TLS_VERIFY_POLICY(TPTLS_VERIFY_OUT)),
                       SIPTAG_USER_AGENT_STR(userAgent.constData()), NUTAG_OUTBOUND("no-validate no-options-keepalive"),
                       NUTAG_KEEPALIVE(0), NUTAG_ALLOW("INFO"), NUTAG_APPL_METHOD("INVITE, REGISTER, PUBLISH, INFO"),
                       // Calls carry their own SDP (Sip::Sdp); a session-timer refresh goes by UPDATE without
                       // a body, which needs no offer/answer from us.
                       NUTAG_MEDIA_ENABLE(0), NUTAG_UPDATE_REFRESH(1),
                       // Session timers: accept RFC 4028's smallest interval (Sofia's own minimum is 120 s).
                       NUTAG_MIN_SE(90), NTATAG_SIP_T1X64(static_cast<unsigned>(m_options.transactionTimeoutMs)),
                       TPTAG_LOG(1), TAG_END());
    m_wireLog.flush();
    if (!m_nua) {
        if (error)
            *error = QStringLiteral("could not open SIP transports on %1 (%2)")
                         .arg(QString::fromUtf8(url), m_wireLog.lastTransportError().isEmpty()
                                                          ? QStringLiteral("address in use or not local")
                                                          : m_wireLog.lastTransportError());
        return false;
    }
    m_boundHost = bindHost;
    m_tlsBound = tls;
    m_log->appendStep(QString(),
                      tls ? QStringLiteral("SIP stack started on %1 (udp, tcp) and %2 (tls)")
                                .arg(QString::fromUtf8(url), QString::fromUtf8(sipsUrl))
                          : QStringLiteral("SIP stack started on %1 (udp, tcp)").arg(QString::fromUtf8(url)));
    return true;
}

void SofiaStack::answerUnclaimed(const NuaEvent &event)
{
    switch (event.event) {
    case nua_i_invite:
        // No Sip::CallService takes calls on this engine: refuse instead of leaving the caller ringing.
        m_log->appendStep(QString(), QStringLiteral("Incoming call refused (480): calls are not taken here"));
        nua_respond(event.handle, SIP_480_TEMPORARILY_UNAVAILABLE, NUTAG_WITH_THIS(m_nua), TAG_END());
        NuaHandle::discard(event.handle);
        return;
    case nua_i_subscribe:
        nua_respond(event.handle, SIP_489_BAD_EVENT, NUTAG_WITH_THIS(m_nua), TAG_END());
        NuaHandle::discard(event.handle);
        return;
    case nua_i_info:
        // INFO is an application method (calls answer their own); one outside a call has no dialog here.
        nua_respond(event.handle, SIP_481_NO_TRANSACTION, NUTAG_WITH_THIS(m_nua), TAG_END());
        NuaHandle::discard(event.handle);
        return;
    default:
        break;
    }
    // Incoming out-of-dialog requests (OPTIONS, MESSAGE, NOTIFY, ...) each create a handle that is
    // ours now; nothing keeps them, so free them or they pile up with every server "qualify".
    if (event.handle && event.event >= nua_i_error && event.event != nua_r_shutdown)
        NuaHandle::discard(event.handle);
}

bool SofiaStack::startShutdown()
{
    if (!m_nua)
        return false;
    nua_shutdown(m_nua);
    return true;
}

bool SofiaStack::onShutdownAnswer(const NuaEvent &event)
{
    if (event.status < 200)
        return false;
    m_log->appendStep(QString(), QStringLiteral("SIP stack shut down (%1 %2)")
                                     .arg(event.status)
                                     .arg(QString::fromUtf8(event.phrase ? event.phrase : "")));
    m_shutdownComplete = true; // nua_destroy() checks that a final r_shutdown was delivered
    return true;
}

} // namespace Sip::Internal
