// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/CallHistoryEntry.h"

#include <QByteArray>
#include <QList>

namespace Gui {

/// The call history file: a versioned JSON document, newest call first.
///
///     {"format": "offhook-call-history", "version": 1, "calls": [{"started": "2026-11-29T14:02:11Z",
///      "line": "...", "lineLabel": "1001@pbx", "peer": "sip:1002@pbx", "name": "Front desk",
///      "direction": "outgoing", "outcome": "answered", "durationSeconds": 74, "status": 0,
///      "reason": "BYE sent", "seen": true}, ...]}
///
/// Pure functions over bytes, QtCore only (fuzzed by FuzzCallHistoryFormat).
namespace CallHistoryFormat {

constexpr int CurrentVersion = 1;

struct ParseResult
{
    enum class Status
    {
        Invalid = 0,
        Ok,
        Corrupt,
        NewerVersion
    };
    Status status = Status::Invalid;
    QList<CallHistoryEntry> entries; ///< Readable entries (also for NewerVersion, as far as understood)
    int skippedEntries = 0;          ///< Entries that were not objects or lacked a required field
    QString error;                   ///< Why the document is Corrupt or NewerVersion
};

QByteArray serialize(const QList<CallHistoryEntry> &entries);
ParseResult parse(const QByteArray &bytes);

} // namespace CallHistoryFormat
} // namespace Gui
