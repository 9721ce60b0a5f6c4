// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoTracker.h"

#include <algorithm>

namespace Sip {

namespace {

bool isLive(const DialogInfoEntry &dialog)
{
    return dialog.state != QLatin1String("terminated");
}

} // namespace

DialogInfoTracker::Outcome DialogInfoTracker::apply(const DialogInfoResult &result)
{
    if (!result.ok)
        return Outcome::Refused;
    // Without version numbers there is no order to check; take documents as they come.
    if (result.version >= 0 && m_version >= 0 && result.version <= m_version)
        return Outcome::Stale;

    bool gap = false;
    if (result.fullState) {
        m_dialogs.clear();
        m_haveFullState = true;
    } else {
        gap = !m_haveFullState || (result.version >= 0 && m_version >= 0 && result.version != m_version + 1);
    }
    for (const DialogInfoEntry &dialog : result.dialogs) {
        const auto known = std::find_if(m_dialogs.begin(), m_dialogs.end(),
                                        [&dialog](const DialogInfoEntry &entry) { return entry.id == dialog.id; });
        if (known != m_dialogs.end())
            m_dialogs.erase(known);
        if (isLive(dialog))
            m_dialogs.append(dialog);
    }
    while (m_dialogs.size() > maxDialogs)
        m_dialogs.removeFirst();
    if (result.version >= 0)
        m_version = result.version;

    m_presence.entity = result.presence.entity;
    DialogInfoParser::summarize(m_dialogs, m_presence);
    if (m_dialogs.isEmpty() && !result.dialogs.isEmpty())
        m_presence.dialogState = QStringLiteral("terminated");
    return gap ? Outcome::NeedsFullState : Outcome::Applied;
}

void DialogInfoTracker::reset()
{
    *this = DialogInfoTracker();
}

} // namespace Sip
