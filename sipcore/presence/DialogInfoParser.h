// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/ContactPresence.h"
#include "sipcore/presence/PresenceParseLimits.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Sip {

/// One <dialog> of a dialog-info document. Small copyable value.
struct DialogInfoEntry
{
    QString id;
    QString callId;
    QString direction;         ///< "initiator", "recipient" or empty (lower case)
    QString state;             ///< "trying", "proceeding", "early", "confirmed", "terminated" (lower case), or empty
    QString stateEvent;        ///< Why it ended, e.g. "rejected", "replaced"; may be empty
    int stateCode = 0;         ///< SIP status from <state code="…">, 0 when absent
    QString remoteIdentity;    ///< The other party's URI, e.g. who is calling
    QString remoteDisplayName; ///< Its display name, may be empty

    bool operator==(const DialogInfoEntry &other) const = default;
};

/// Outcome of parsing one dialog-info body. When ok is false the document was refused: presence.status is
/// Unknown, error says why, and the other fields are meaningless.
struct DialogInfoResult
{
    bool ok = false;
    QString error;
    ContactPresence presence; ///< status from the dialogs of this document alone; dialogState says which state won
    bool fullState = true;    ///< state="full"; false for "partial", which lists only changed dialogs
    qint64 version = -1;      ///< Document version, -1 when absent or not a number
    QList<DialogInfoEntry> dialogs;
};

/// Reads an application/dialog-info+xml body (RFC 4235), the BLF format of Asterisk, FreeSWITCH and Kamailio,
/// into one PresenceStatus: Ringing when a call rings at the entity (early/proceeding/trying, not initiator),
/// OnThePhone for a confirmed dialog or one it placed, Online when there is none or all are terminated.
/// Ringing wins over OnThePhone so a waiting call can be picked up. Bodies are untrusted network data, bounded
/// like PidfParser's. Stateless and reentrant; any thread. Merging partial documents is DialogInfoTracker's job.
class DialogInfoParser
{
public:
    explicit DialogInfoParser(PresenceParseLimits limits = {});

    DialogInfoResult parse(const QByteArray &body) const;
    PresenceParseLimits limits() const { return m_limits; }

    /// Status of one dialog by the rules above; Invalid for terminated or unknown states.
    static PresenceStatus statusForDialog(const DialogInfoEntry &dialog);
    /// status and dialogState for a set of dialogs by the rules above.
    static void summarize(const QList<DialogInfoEntry> &dialogs, ContactPresence &presence);

    static QString contentType();  ///< "application/dialog-info+xml"
    static QString namespaceUri(); ///< "urn:ietf:params:xml:ns:dialog-info"

private:
    PresenceParseLimits m_limits;
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::DialogInfoEntry)
