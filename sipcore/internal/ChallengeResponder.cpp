// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/ChallengeResponder.h"

#include <QStringList>
#include <vector>

namespace Sip::Internal {
namespace {

QByteArray headerText(const msg_auth_t *header)
{
    QByteArray text = header->au_scheme ? QByteArray(header->au_scheme) : QByteArray();
    bool first = true;
    for (msg_param_t const *param = header->au_params; param && *param; ++param) {
        text += first ? " " : ", ";
        text += *param;
        first = false;
    }
    return text;
}

} // namespace

ChallengeResponder::Outcome ChallengeResponder::respond(nua_handle_t *handle, const sip_t *response,
                                                        const QString &authUser, const QString &password)
{
    m_challenges.clear();
    if (response) {
        for (const msg_auth_t *header = response->sip_www_authenticate; header; header = header->au_next)
            m_challenges.append(parseChallenge(headerText(header), false));
        for (const msg_auth_t *header = response->sip_proxy_authenticate; header; header = header->au_next)
            m_challenges.append(parseChallenge(headerText(header), true));
    }
    std::vector<QByteArray> credentials;
    QList<QByteArray> realms;
    bool repeated = false;
    for (const DigestChallenge &challenge : std::as_const(m_challenges)) {
        if (!challenge.isDigest() || !challenge.isMd5() || challenge.quotedRealm.isEmpty())
            continue;
        if (m_answeredRealms.contains(challenge.quotedRealm)) {
            repeated = true; // never loop: a realm's second challenge is the server's "no"
            continue;
        }
        realms.append(challenge.quotedRealm);
        credentials.push_back(nuaAuthString(challenge, authUser, password));
    }
    if (repeated || (!realms.isEmpty() && m_answeredRealms.size() + realms.size() > kMaxRealms))
        return Outcome::Rejected;
    if (password.isEmpty())
        return Outcome::NoPassword;
    if (credentials.empty())
        return Outcome::Unsupported;
    std::vector<tagi_t> tags;
    for (const QByteArray &credential : credentials)
        tags.push_back(tagi_t{nutag_auth, reinterpret_cast<tag_value_t>(credential.constData())});
    tags.push_back(tagi_t{nullptr, 0});
    m_answeredRealms.append(realms);
    nua_authenticate(handle, TAG_NEXT(tags.data())); // tag values are copied before this returns
    return Outcome::Answered;
}

QString ChallengeResponder::describe() const
{
    QStringList described;
    for (const DigestChallenge &challenge : m_challenges)
        described << QStringLiteral("%1 realm %2, algorithm %3")
                         .arg(QString::fromUtf8(challenge.scheme), QString::fromUtf8(challenge.quotedRealm),
                              challenge.algorithm.isEmpty() ? QStringLiteral("MD5")
                                                            : QString::fromUtf8(challenge.algorithm));
    return described.isEmpty() ? QStringLiteral("(none)") : described.join(QStringLiteral("; "));
}

QString ChallengeResponder::realm() const
{
    return m_challenges.isEmpty() ? QString() : QString::fromUtf8(m_challenges.constFirst().realm());
}

QString ChallengeResponder::algorithm() const
{
    for (const DigestChallenge &challenge : m_challenges) {
        if (!challenge.isMd5())
            return QString::fromUtf8(challenge.algorithm);
    }
    return m_challenges.isEmpty() ? QString() : QString::fromUtf8(m_challenges.constFirst().algorithm);
}

} // namespace Sip::Internal
