// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sip::Internal {

/// One digest challenge from a WWW-Authenticate or Proxy-Authenticate header.
struct DigestChallenge
{
    QByteArray scheme;      ///< "Digest"
    QByteArray quotedRealm; ///< As sent, quotes included: Sofia matches it byte for byte
    QByteArray algorithm;   ///< Empty means MD5
    bool stale = false;
    bool proxy = false; ///< From Proxy-Authenticate (407)

    QByteArray realm() const; ///< Without quotes
    bool isDigest() const;
    bool isMd5() const; ///< MD5 or MD5-sess (or no algorithm given)
};

/// Parses the parameters of one challenge header value ("Digest realm=\"x\", nonce=...").
DigestChallenge parseChallenge(const QByteArray &headerValue, bool proxy);

/// The credential string for NUTAG_AUTH. Uses the pre-computed HA1 form so that a password with ':'
/// (which Sofia would cut at the colon) works, and the clear password never reaches Sofia.
QByteArray nuaAuthString(const DigestChallenge &challenge, const QString &user, const QString &password);

/// MD5(user ":" realm ":" password) in lower-case hex (RFC 2617 HA1).
QByteArray digestHa1(const QByteArray &user, const QByteArray &realm, const QByteArray &password);

} // namespace Sip::Internal
