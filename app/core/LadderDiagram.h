// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Gui {

/// A sequence ("ladder") diagram of SIP messages: "Offhook" and each peer as a lane, one arrow per
/// message with its time offset from the first. Pure value built from log entries; any thread.
struct LadderDiagram
{
    struct Arrow
    {
        int from = 0; ///< Lane index; 0 is Offhook
        int to = 0;
        QString label;        ///< "REGISTER", "401 Unauthorized"
        QString detail;       ///< "CSeq 2 REGISTER", transport
        qint64 offsetMs = 0;  ///< Since the first message
        quint64 sequence = 0; ///< Log entry
        Sip::LogEntry::Kind kind = Sip::LogEntry::Kind::Invalid;
    };

    QStringList lanes; ///< "Offhook", then peers in order of appearance
    QList<Arrow> arrows;

    /// Messages only; steps are skipped. Optionally only those of one SIP dialog/transaction kind
    /// (cseqMethod, e.g. "REGISTER"); empty = all.
    static LadderDiagram build(const QList<Sip::LogEntry> &entries, const QString &cseqMethod = {});
};

} // namespace Gui
