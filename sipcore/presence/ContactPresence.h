// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Sip {

/// What a contact's presence or dialog state means for someone about to call them.
enum class PresenceStatus
{
    Invalid = 0,
    Online,     ///< Reachable and idle
    Away,       ///< Reachable but not at the device (away, lunch, vacation, idle input, …)
    Busy,       ///< Does not want calls (busy, meeting, do not disturb, …)
    OnThePhone, ///< In a call, or placing one
    Ringing,    ///< A call is ringing at the contact (can be picked up)
    Offline,    ///< Not reachable (every tuple closed)
    Unknown,    ///< Nothing usable was said, or the document was refused
};

/// The word offhook-cli prints: online, away, busy, on-the-phone, ringing, offline, unknown ("invalid" for Invalid).
QString presenceStatusName(PresenceStatus status);
/// Inverse of presenceStatusName(), case-insensitive; Invalid when the word is not known.
PresenceStatus presenceStatusFromName(const QString &name);

/// One contact's presence as read from a PIDF or dialog-info document. Small copyable value; any thread.
/// status is the one word the UI shows; the raw fields explain it (tooltips, the CLI's verbose output).
struct ContactPresence
{
    PresenceStatus status = PresenceStatus::Invalid;
    QString note;           ///< Free text the contact published, whitespace simplified; may be empty
    QString entity;         ///< Presentity / dialog-info entity URI as given in the document
    QString basicStatus;    ///< PIDF: "open" if any tuple is open, else "closed", else empty
    QStringList activities; ///< PIDF/RPID activity names in document order, e.g. "on-the-phone"
    QString dialogState;    ///< dialog-info: state of the dialog that decided status, e.g. "early"

    bool operator==(const ContactPresence &other) const = default;
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::PresenceStatus)
Q_DECLARE_METATYPE(Sip::ContactPresence)
