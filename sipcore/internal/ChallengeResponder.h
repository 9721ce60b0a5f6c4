// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/DigestCredentials.h"
#include "sipcore/internal/SofiaIncludes.h"

#include <QList>
#include <QString>

namespace Sip::Internal {

/// Answers 401/407 challenges on one nua handle with the line's digest credentials — once per realm
/// and request. A challenge again for a realm already answered means the credentials were rejected:
/// respond() then returns Outcome::Rejected and sends nothing, so no request ever loops. A new realm
/// (a proxy's 407, then the called party's own 401) is answered, up to kMaxRealms of them. Used by
/// every session that owns a handle (REGISTER, SUBSCRIBE, PUBLISH, INVITE). Engine thread only.
class ChallengeResponder
{
public:
    enum class Outcome
    {
        Invalid = 0,
        Answered,    ///< nua_authenticate() sent with our credentials
        Rejected,    ///< Its realm was answered already: the server refused the credentials
        NoPassword,  ///< The line has no password to answer with
        Unsupported, ///< No MD5 digest challenge (e.g. SHA-256 only)
    };

    /// Reads the challenges of this 401/407 response and answers them.
    Outcome respond(nua_handle_t *handle, const sip_t *response, const QString &authUser, const QString &password);
    /// Call after a success: a later refresh may be challenged anew and answered once again.
    void reset() { m_answeredRealms.clear(); }
    bool answered() const { return !m_answeredRealms.isEmpty(); }
    const QList<DigestChallenge> &challenges() const { return m_challenges; }
    /// "Digest realm "x", algorithm MD5; ..." for the log.
    QString describe() const;
    QString realm() const;
    QString algorithm() const; ///< Of the first challenge; for SHA-256-only, "SHA-256"

private:
    static constexpr qsizetype kMaxRealms = 3;

    QList<DigestChallenge> m_challenges;
    QList<QByteArray> m_answeredRealms;
};

} // namespace Sip::Internal
