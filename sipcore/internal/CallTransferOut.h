// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/HandleOwner.h"

#include <QString>

namespace Sip::Internal {

class CallSession;

/// Our blind transfer of one call (RFC 3515): REFER the peer to a target, follow the peer's NOTIFYs
/// (message/sipfrag) and leave the call once the target answered. Progress goes to the CallAgent as
/// TransferEvent. Part of its CallSession. Engine thread only.
class CallTransferOut
{
public:
    explicit CallTransferOut(CallSession &call) : m_call(call) {}

    void start(const QString &target);
    bool isBusy() const { return m_transferring; }
    void onReferAnswer(const NuaEvent &event); ///< nua_r_refer
    void onNotify(const NuaEvent &event);      ///< nua_i_notify of the refer subscription

private:
    void report(int status, const QString &reason, bool finished);

    CallSession &m_call;
    QString m_target;
    bool m_transferring = false;
};

} // namespace Sip::Internal
