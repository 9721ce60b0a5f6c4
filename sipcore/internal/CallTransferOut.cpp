// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/CallTransferOut.h"

#include "sipcore/internal/CallAgent.h"
#include "sipcore/internal/CallSession.h"
#include "sipcore/internal/SipMessageText.h"

#include <QRegularExpression>

namespace Sip::Internal {

void CallTransferOut::start(const QString &target)
{
    if (!m_call.hasHandle() || !isActive(m_call.m_state) || m_transferring)
        return;
    m_target = QString::fromUtf8(m_call.line().targetUri(target));
    m_transferring = true;
    const QByteArray referTo = "<" + m_target.toUtf8() + ">";
    const QByteArray referredBy = "<" + m_call.line().addressOfRecord + ">";
    m_call.step(QStringLiteral("Transferring %1 to %2 (REFER)").arg(m_call.m_peer, m_target));
    nua_refer(m_call.handle(), SIPTAG_REFER_TO_STR(referTo.constData()), SIPTAG_REFERRED_BY_STR(referredBy.constData()),
              TAG_END());
    report(0, QStringLiteral("REFER sent"), false);
}

void CallTransferOut::onReferAnswer(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if (m_call.answerDialogChallenge(event, QStringLiteral("REFER")))
        return;
    const QString phrase = CallSession::phraseOf(event);
    if (event.status >= 300) {
        m_transferring = false;
        m_call.step(QStringLiteral("Transfer refused: %1 %2").arg(event.status).arg(phrase), true);
        report(event.status, phrase, true);
        return;
    }
    report(event.status, phrase, false);
}

void CallTransferOut::onNotify(const NuaEvent &event)
{
    if (!m_transferring)
        return;
    // message/sipfrag: "SIP/2.0 180 Ringing"
    static const QRegularExpression statusLine(QStringLiteral(R"(^SIP/2\.0\s+(\d{3})\s*([^\r\n]*))"));
    const QRegularExpressionMatch match =
        statusLine.match(QString::fromUtf8(SipMessageText::bodyOf(event.sip).left(200)));
    if (!match.hasMatch())
        return;
    const int status = match.captured(1).toInt();
    const QString reason = match.captured(2).trimmed();
    const bool finished = status >= 200;
    m_call.step(QStringLiteral("Transfer to %1: %2 %3").arg(m_target).arg(status).arg(reason),
                finished && status >= 300);
    if (finished)
        m_transferring = false;
    report(status, reason, finished);
    if (finished && status < 300) {
        m_call.step(QStringLiteral("Transfer succeeded; leaving the call"));
        m_call.hangUp(HangUpCause::User);
    }
}

void CallTransferOut::report(int status, const QString &reason, bool finished)
{
    TransferEvent event;
    event.callId = m_call.callId();
    event.target = m_target;
    event.statusCode = status;
    event.reason = reason;
    event.finished = finished;
    event.succeeded = finished && status >= 200 && status < 300;
    m_call.m_agent.reportTransfer(event);
}

} // namespace Sip::Internal
