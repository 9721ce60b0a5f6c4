// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/ContactPresence.h"
#include "sipcore/presence/PresenceParseLimits.h"

#include <QByteArray>
#include <QString>

namespace Sip {

/// Outcome of parsing one presence body. When ok is false the document was refused: presence.status is
/// Unknown and error says why in plain words. When ok is true error is empty.
struct PresenceParseResult
{
    bool ok = false;
    QString error;
    ContactPresence presence;
};

/// Reads an application/pidf+xml body (RFC 3863) with RPID (RFC 4480) and data-model (RFC 4479) extensions
/// into one PresenceStatus. Understands the documents Asterisk (chan_sip and res_pjsip), Kamailio, FreeSWITCH,
/// Cisco and the usual desk phones send; see PidfParser.cpp for the rules. Bodies are untrusted network data:
/// PresenceParseLimits bound size, nesting and element count, and DTDs are refused.
/// Stateless and reentrant; any thread.
class PidfParser
{
public:
    explicit PidfParser(PresenceParseLimits limits = {});

    PresenceParseResult parse(const QByteArray &body) const;
    PresenceParseLimits limits() const { return m_limits; }

    static QString contentType();  ///< "application/pidf+xml"
    static QString namespaceUri(); ///< "urn:ietf:params:xml:ns:pidf"

private:
    PresenceParseLimits m_limits;
};

} // namespace Sip
