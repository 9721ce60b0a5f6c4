// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QByteArray>
#include <QString>

namespace Sip::Internal {

/// What every session of a line needs on the engine thread: who we are, where packets go, and the
/// credentials to answer challenges with. Set by the line's supervisor once the server is resolved.
/// Plain value.
struct LineContext
{
    QString lineId;
    QByteArray addressOfRecord; ///< sip:EXT@DOMAIN
    QByteArray domainUri;       ///< sip:DOMAIN (for building targets like sip:OTHER@DOMAIN)
    QByteArray displayName;
    QByteArray nextHopUri; ///< sip:IP:PORT;transport=X
    QByteArray contactUser;
    QByteArray instance; ///< +sip.instance value: "<urn:uuid:...>"; empty = none
    QString authUser;
    QString password;
    Transport transport = Transport::Udp;
    int keepaliveSeconds = 0; ///< While registered; 0 = none

    /// A line known only by its id so far (its server not resolved yet).
    static LineContext named(const QString &lineId)
    {
        LineContext line;
        line.lineId = lineId;
        return line;
    }
    bool isValid() const { return !lineId.isEmpty() && !nextHopUri.isEmpty(); }
    /// "sip:USER@DOMAIN" for a user part or a full URI typed by a person ("1002", "sip:1002@pbx").
    QByteArray targetUri(const QString &userOrUri) const;
};

} // namespace Sip::Internal
