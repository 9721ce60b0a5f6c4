// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/DtmfInfoBody.h"

#include <QList>

namespace Sip::Internal {
namespace {

constexpr qsizetype kMaxBodyBytes = 1024;

/// "5", "#", "b" or an RFC 4733 event number 0-15: the digit, or null.
QChar digitOf(const QByteArray &value)
{
    static const char events[] = "0123456789*#ABCD";
    if (value.size() == 1) {
        const char c = value.at(0);
        for (int i = 0; i < 16; ++i) {
            if (events[i] == (c >= 'a' && c <= 'd' ? char(c - 'a' + 'A') : c))
                return QChar::fromLatin1(events[i]);
        }
        return {};
    }
    bool ok = false;
    const int number = value.size() == 2 ? value.toInt(&ok) : -1;
    return ok && number >= 10 && number <= 15 ? QChar::fromLatin1(events[number]) : QChar();
}

QString shown(const QByteArray &value)
{
    QString text = QString::fromUtf8(value.left(40));
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return text;
}

DtmfInfoBody failed(int status, const QString &error)
{
    DtmfInfoBody result;
    result.status = status;
    result.error = error;
    return result;
}

} // namespace

DtmfInfoBody DtmfInfoBody::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    if (type.isEmpty())
        return body.trimmed().isEmpty() ? DtmfInfoBody{}
                                        : failed(415, QStringLiteral("an INFO body without Content-Type"));
    if (type != "application/dtmf-relay" && type != "application/dtmf")
        return failed(415, QStringLiteral("INFO of type %1, not DTMF").arg(shown(type)));
    if (body.size() > kMaxBodyBytes)
        return failed(400, QStringLiteral("a DTMF INFO body of %1 bytes").arg(body.size()));
    if (type == "application/dtmf") {
        const QChar digit = digitOf(body.trimmed());
        if (digit.isNull())
            return failed(400,
                          QStringLiteral("application/dtmf body '%1' is not a DTMF digit").arg(shown(body.trimmed())));
        DtmfInfoBody result;
        result.digit = digit;
        return result;
    }
    DtmfInfoBody result;
    bool signalSeen = false;
    for (QByteArray line : body.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            return failed(400, QStringLiteral("dtmf-relay line '%1' is not Name=Value").arg(shown(line)));
        const QByteArray name = line.left(equals).trimmed().toLower();
        const QByteArray value = line.mid(equals + 1).trimmed();
        if (name == "signal") {
            if (signalSeen)
                return failed(400, QStringLiteral("dtmf-relay body with two Signal lines"));
            signalSeen = true;
            result.digit = digitOf(value);
            if (result.digit.isNull())
                return failed(400, QStringLiteral("Signal=%1 is not a DTMF digit").arg(shown(value)));
        } else if (name == "duration") {
            bool ok = false;
            const int duration = value.toInt(&ok);
            if (!ok || duration < 0 || duration > 60000)
                return failed(400, QStringLiteral("Duration=%1 is not a duration in ms").arg(shown(value)));
            result.durationMs = duration;
        }
    }
    if (!signalSeen)
        return failed(400, QStringLiteral("dtmf-relay body without Signal="));
    return result;
}

} // namespace Sip::Internal
