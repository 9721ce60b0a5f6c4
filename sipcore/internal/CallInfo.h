// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/HandleOwner.h"

#include <QString>

namespace Sip::Internal {

class CallSession;

/// SIP INFO inside one call: DTMF digits sent as application/dtmf-relay for peers without
/// telephone-event, and every INFO of the peer answered (200 with the digit reported, 415 for another
/// body type, 400 for an unreadable one). Part of its CallSession. Engine thread only.
class CallInfo
{
public:
    explicit CallInfo(CallSession &call) : m_call(call) {}

    void send(const QString &digits);
    void onRequest(const NuaEvent &event); ///< nua_i_info
    void onAnswer(const NuaEvent &event);  ///< nua_r_info

private:
    CallSession &m_call;
};

} // namespace Sip::Internal
