// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/DigestCredentials.h"

#include <QCryptographicHash>

namespace Sip::Internal {
namespace {

// Value of one auth-param, raw (quotes kept). Handles quoted strings with escaped characters and commas.
QByteArray paramValue(const QByteArray &params, const QByteArray &name)
{
    qsizetype i = 0;
    const qsizetype n = params.size();
    while (i < n) {
        while (i < n && (params.at(i) == ' ' || params.at(i) == '\t' || params.at(i) == ','))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && params.at(i) != '=' && params.at(i) != ',')
            ++i;
        const QByteArray key = params.mid(nameStart, i - nameStart).trimmed().toLower();
        if (i >= n || params.at(i) != '=')
            continue;
        ++i;
        while (i < n && (params.at(i) == ' ' || params.at(i) == '\t'))
            ++i;
        const qsizetype valueStart = i;
        if (i < n && params.at(i) == '"') {
            ++i;
            while (i < n && params.at(i) != '"') {
                if (params.at(i) == '\\')
                    ++i;
                ++i;
            }
            if (i < n)
                ++i;
        } else {
            while (i < n && params.at(i) != ',')
                ++i;
        }
        if (key == name)
            return params.mid(valueStart, i - valueStart).trimmed();
    }
    return {};
}

QByteArray unquote(const QByteArray &value)
{
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
        QByteArray result;
        for (qsizetype i = 1; i < value.size() - 1; ++i) {
            if (value.at(i) == '\\' && i + 1 < value.size() - 1)
                ++i;
            result += value.at(i);
        }
        return result;
    }
    return value;
}

} // namespace

QByteArray DigestChallenge::realm() const
{
    return unquote(quotedRealm);
}

bool DigestChallenge::isDigest() const
{
    return scheme.compare("Digest", Qt::CaseInsensitive) == 0;
}

bool DigestChallenge::isMd5() const
{
    const QByteArray plain = unquote(algorithm);
    return plain.isEmpty() || plain.compare("MD5", Qt::CaseInsensitive) == 0 ||
           plain.compare("MD5-sess", Qt::CaseInsensitive) == 0;
}

DigestChallenge parseChallenge(const QByteArray &headerValue, bool proxy)
{
    DigestChallenge challenge;
    challenge.proxy = proxy;
    const QByteArray trimmed = headerValue.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    challenge.scheme = space < 0 ? trimmed : trimmed.left(space);
    const QByteArray params = space < 0 ? QByteArray() : trimmed.mid(space + 1);
    challenge.quotedRealm = paramValue(params, "realm");
    challenge.algorithm = unquote(paramValue(params, "algorithm"));
    challenge.stale = unquote(paramValue(params, "stale")).compare("true", Qt::CaseInsensitive) == 0;
    return challenge;
}

QByteArray digestHa1(const QByteArray &user, const QByteArray &realm, const QByteArray &password)
{
    const QByteArray input = QByteArray(user).append(':').append(realm).append(':').append(password);
    return QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex();
}

QByteArray nuaAuthString(const DigestChallenge &challenge, const QString &user, const QString &password)
{
    const QByteArray userBytes = user.toUtf8();
    const QByteArray ha1 = digestHa1(userBytes, challenge.realm(), password.toUtf8());
    QByteArray result("HA1+");
    result.append(challenge.scheme).append(':').append(challenge.quotedRealm).append(':').append(userBytes);
    return result.append(":HA1+").append(ha1);
}

} // namespace Sip::Internal
