// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/CallInfo.h"

#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/CallSession.h"
#include "sipcore/internal/DtmfInfoBody.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/SipMessageText.h"

namespace Sip::Internal {
namespace {

bool isDigit(QChar digit)
{
    return QStringLiteral("0123456789*#ABCDabcd").contains(digit);
}

} // namespace

void CallInfo::send(const QString &digits)
{
    if (!m_call.hasHandle() || !isActive(m_call.m_state))
        return;
    for (const QChar digit : digits) {
        if (!isDigit(digit))
            continue;
        const QByteArray body = "Signal=" + QString(digit).toUpper().toUtf8() + "\r\nDuration=160\r\n";
        m_call.step(QStringLiteral("Sending DTMF %1 by SIP INFO").arg(digit));
        nua_info(m_call.handle(), SIPTAG_CONTENT_TYPE_STR("application/dtmf-relay"),
                 SIPTAG_PAYLOAD_STR(body.constData()), TAG_END());
    }
}

void CallInfo::onRequest(const NuaEvent &event)
{
    // INFO is an application method: every INFO of the call is answered here.
    const DtmfInfoBody info =
        DtmfInfoBody::parse(SipMessageText::contentTypeOf(event.sip), SipMessageText::bodyOf(event.sip));
    nua_t *nua = m_call.engine().nua();
    if (info.status == 415) {
        m_call.step(QStringLiteral("SIP INFO refused (415): %1").arg(info.error), true);
        nua_respond(m_call.handle(), SIP_415_UNSUPPORTED_MEDIA,
                    SIPTAG_ACCEPT_STR("application/dtmf-relay, application/dtmf"), NUTAG_WITH_THIS(nua), TAG_END());
        return;
    }
    if (info.status != 200) {
        m_call.step(QStringLiteral("SIP INFO refused (400): %1").arg(info.error), true);
        m_call.refuse(400, info.error);
        return;
    }
    nua_respond(m_call.handle(), SIP_200_OK, NUTAG_WITH_THIS(nua), TAG_END());
    if (info.digit.isNull())
        return;
    m_call.step(QStringLiteral("DTMF %1 received by SIP INFO").arg(info.digit));
    m_call.m_agent.reportDigit(m_call.callId(), info.digit);
}

void CallInfo::onAnswer(const NuaEvent &event)
{
    if (m_call.answerDialogChallenge(event, QStringLiteral("SIP INFO")))
        return;
    if (event.status >= 300)
        m_call.step(QStringLiteral("SIP INFO answered %1 %2").arg(event.status).arg(CallSession::phraseOf(event)),
                    true);
}

} // namespace Sip::Internal
