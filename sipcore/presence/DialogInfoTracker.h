// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/DialogInfoParser.h"

#include <QList>

namespace Sip {

/// The dialogs of one dialog-info subscription across its NOTIFYs (RFC 4235 section 4.1): a full document
/// replaces what is known, a partial one updates dialogs by id, versions must rise. Only live dialogs are
/// kept, at most maxDialogs of them, so a misbehaving server cannot make it grow. Owned by whoever holds the
/// subscription (the engine thread); not thread-safe. Start a new tracker, or reset(), per subscription.
class DialogInfoTracker
{
public:
    static constexpr int maxDialogs = 64;

    enum class Outcome
    {
        Invalid = 0,
        Applied,        ///< State updated
        Stale,          ///< Version not newer than the last one; ignored
        NeedsFullState, ///< Applied, but a version was skipped or no full state came first: refresh the subscription
        Refused,        ///< The parse had failed; nothing changed
    };

    DialogInfoTracker() { m_presence.status = PresenceStatus::Unknown; }

    Outcome apply(const DialogInfoResult &result);
    void reset();

    /// Status from the live dialogs; Unknown before the first document.
    ContactPresence presence() const { return m_presence; }
    QList<DialogInfoEntry> dialogs() const { return m_dialogs; }
    qint64 version() const { return m_version; }

private:
    QList<DialogInfoEntry> m_dialogs;
    ContactPresence m_presence;
    qint64 m_version = -1;
    bool m_haveFullState = false;
};

} // namespace Sip
