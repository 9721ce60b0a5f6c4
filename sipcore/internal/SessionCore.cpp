// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/SessionCore.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"

#include <QRandomGenerator>

namespace Sip::Internal {

SessionCore::SessionCore(EngineThread &engine, LineContext line) : m_line(std::move(line)), m_engine(engine)
{
    OFFHOOK_ON_ENGINE_THREAD(m_engine);
}

SessionCore::~SessionCore() = default; // m_handle unbinds first, so no event reaches a half-destroyed session

QByteArray SessionCore::newSipCallId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex() + "@offhook";
}

QString SessionCore::phraseOf(const NuaEvent &event)
{
    return QString::fromUtf8(event.phrase ? event.phrase : "");
}

bool SessionCore::openHandle(const QByteArray &toUri)
{
    releaseHandle();
    m_sipCallId = newSipCallId();
    m_engine.attributeCallId(m_sipCallId, m_line.lineId);
    const QByteArray to = "<" + toUri + ">";
    const QByteArray aor = "<" + m_line.addressOfRecord + ">";
    const QByteArray from =
        m_line.displayName.isEmpty() ? aor : "\"" + QByteArray(m_line.displayName).replace('"', '\'') + "\" " + aor;
    m_handle.reset(
        nua_handle(m_engine.nua(), this, NUTAG_PROXY(m_line.nextHopUri.constData()), SIPTAG_TO_STR(to.constData()),
                   SIPTAG_FROM_STR(from.constData()), SIPTAG_CALL_ID_STR(m_sipCallId.constData()),
                   TAG_IF(!m_line.contactUser.isEmpty(), NUTAG_M_USERNAME(m_line.contactUser.constData())), TAG_END()));
    return hasHandle();
}

void SessionCore::adoptHandle(const NuaEvent &incoming)
{
    m_handle = NuaHandle::adopt(incoming.handle, this);
    const sip_t *sip = incoming.sip;
    if (sip && sip->sip_call_id && sip->sip_call_id->i_id)
        m_sipCallId = sip->sip_call_id->i_id;
    m_engine.attributeCallId(m_sipCallId, m_line.lineId);
}

void SessionCore::step(const QString &text, bool error) const
{
    m_engine.log()->appendStep(m_line.lineId, text, error ? LogEntry::Kind::Error : LogEntry::Kind::Step);
}

bool SessionCore::stackGenerated(int status) const
{
    return m_engine.lastReceivedStatus(m_sipCallId) != status;
}

ChallengeResponder::Outcome SessionCore::answerChallenge(const NuaEvent &event, const QString &request,
                                                         ChallengeResponder &responder)
{
    if (!m_handle)
        return ChallengeResponder::Outcome::Invalid;
    const ChallengeResponder::Outcome outcome =
        responder.respond(m_handle.get(), event.sip, m_line.authUser, m_line.password);
    step(QStringLiteral("recv %1 %2: challenge %3").arg(event.status).arg(phraseOf(event), responder.describe()));
    if (outcome == ChallengeResponder::Outcome::Answered)
        step(QStringLiteral("Retrying %1 with updated authentication (Auth User %2)").arg(request, m_line.authUser));
    return outcome;
}

QString SessionCore::refusal(ChallengeResponder::Outcome outcome, const ChallengeResponder &responder)
{
    switch (outcome) {
    case ChallengeResponder::Outcome::Rejected:
        return QStringLiteral("the server refused the line's credentials (challenged again after they were sent)");
    case ChallengeResponder::Outcome::NoPassword:
        return QStringLiteral("the line has no password to answer the challenge with");
    case ChallengeResponder::Outcome::Unsupported:
        return QStringLiteral("no MD5 digest challenge that Offhook can answer (%1)").arg(responder.describe());
    case ChallengeResponder::Outcome::Answered:
    case ChallengeResponder::Outcome::Invalid:
        break;
    }
    return QStringLiteral("the request has no handle left to answer the challenge on");
}

} // namespace Sip::Internal
