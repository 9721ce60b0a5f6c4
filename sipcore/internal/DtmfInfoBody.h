// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>

namespace Sip::Internal {

/// One DTMF digit carried by a SIP INFO, read from its Content-Type and body, with the status to answer
/// the INFO with: application/dtmf-relay ("Signal=5\r\nDuration=160") or application/dtmf ("5"); the
/// RFC 4733 event numbers 10-15 stand for * # A B C D. An INFO without body or type is answered 200 and
/// carries no digit; another type gets 415, an unreadable body 400 (error says why). Pure; any thread.
struct DtmfInfoBody
{
    QChar digit;        ///< 0-9 * # A-D; null when the INFO carries none
    int status = 200;   ///< 200, 400 or 415
    QString error;      ///< Why status is not 200
    int durationMs = 0; ///< Duration= of dtmf-relay, 0 when absent

    static DtmfInfoBody parse(const QByteArray &contentType, const QByteArray &body);
};

} // namespace Sip::Internal
