// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/WireLog.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/SofiaIncludes.h"

#include <QRegularExpression>
#include <cstdio>
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

// Sofia's log redirect is process-wide; it points at the wire log of the engine that currently runs.
std::mutex g_logOwnerMutex;
WireLog *g_logOwner = nullptr;

/// Sofia's printf-style log line into buffer; its length (at most size - 1), or 0 when there is none.
template <std::size_t size> qsizetype formatLine(char (&buffer)[size], char const *format, va_list arguments)
{
    va_list copy;
    va_copy(copy, arguments);
    const int length = vsnprintf(buffer, size, format, copy);
    va_end(copy);
    return length <= 0 ? 0 : qMin<qsizetype>(length, static_cast<qsizetype>(size) - 1);
}

} // namespace

WireLog::WireLog(SipLog *log, LineOfUser lineOfUser) : m_log(log), m_lineOfUser(std::move(lineOfUser)) {}

WireLog::~WireLog()
{
    uninstall();
}

bool WireLog::install()
{
    std::lock_guard<std::mutex> lock(g_logOwnerMutex);
    if (g_logOwner)
        return g_logOwner == this;
    g_logOwner = this;
    m_installed = true;
    // Before nua_create: the redirect itself is not locked inside Sofia.
    su_log_redirect(nullptr, &WireLog::onMessageLog, this);
    for (su_log_t *module : {tport_log, nta_log, nua_log, iptsec_log, sresolv_log, nea_log, su_log_global})
        su_log_redirect(module, &WireLog::onDebugLog, this);
    return true;
}

void WireLog::uninstall()
{
    std::lock_guard<std::mutex> lock(g_logOwnerMutex);
    if (!m_installed)
        return;
    su_log_redirect(nullptr, nullptr, nullptr);
    m_installed = false;
    g_logOwner = nullptr;
}

void WireLog::attributeCallId(const QByteArray &callId, const QString &lineId)
{
    if (!callId.isEmpty())
        m_callIdLines.insert(callId, lineId);
}

void WireLog::onMessageLog(void *context, char const *format, va_list arguments)
{
    auto *self = static_cast<WireLog *>(context);
    if (!self || !format)
        return;
    char buffer[4096];
    if (const qsizetype length = formatLine(buffer, format, arguments))
        self->m_parser.feed(buffer, length);
}

void WireLog::onDebugLog(void *context, char const *format, va_list arguments)
{
    auto *self = static_cast<WireLog *>(context);
    if (!self || !format)
        return;
    char buffer[1024];
    if (const qsizetype length = formatLine(buffer, format, arguments))
        self->noteDebugLine(QString::fromUtf8(buffer, length).trimmed());
}

void WireLog::noteDebugLine(const QString &line)
{
    static const QStringList markers = {QStringLiteral("error"),       QStringLiteral("refused"),
                                        QStringLiteral("unreachable"), QStringLiteral("certificate"),
                                        QStringLiteral("failed"),      QStringLiteral("denied")};
    for (const QString &marker : markers) {
        if (line.contains(marker, Qt::CaseInsensitive)) {
            // "nta: REGISTER (1234): Connection refused (111) with udp/[127.0.0.1]:5999" -> from "Connection"
            static const QRegularExpression prefix(QStringLiteral(R"(^\w+: \w+ \(\d+\): )"));
            m_lastTransportError = QString(line).remove(prefix).left(300);
            return;
        }
    }
}

QString WireLog::lineOfIncomingCall(const LogEntry &entry) const
{
    if (entry.kind != LogEntry::Kind::Received || !entry.raw.startsWith("INVITE ") || !m_lineOfUser)
        return {};
    // "INVITE sip:1001@127.0.0.1:5080;transport=udp SIP/2.0": the Request-URI user is a line's contact user.
    const qsizetype end = entry.raw.indexOf(' ', 7);
    const QByteArray uri = entry.raw.mid(7, end < 0 ? -1 : end - 7);
    const qsizetype colon = uri.indexOf(':');
    const qsizetype at = uri.indexOf('@');
    const QByteArray user = colon >= 0 && at > colon ? uri.mid(colon + 1, at - colon - 1) : QByteArray();
    return m_lineOfUser(user);
}

void WireLog::flush()
{
    const QList<LogEntry> messages = m_parser.takeMessages();
    for (LogEntry entry : messages) {
        const QByteArray callId = entry.header("Call-ID");
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
        else if (entry.kind == LogEntry::Kind::Sent && entry.raw.startsWith("REGISTER "))
            m_lastSentContact.insert(callId, entry.header("Contact"));
        m_log->append(std::move(entry));
    }
    const QStringList debug = m_parser.takeDebugLines();
    for (const QString &line : debug) {
        if (line.contains(QLatin1String("error"), Qt::CaseInsensitive))
            m_lastTransportError = line.left(300);
    }
}

} // namespace Sip::Internal
