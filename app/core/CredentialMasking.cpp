// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/CredentialMasking.h"

#include <QRegularExpression>

namespace Gui {

namespace {

bool isCredentialsHeader(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArray name = line.first(colon).trimmed().toByteArray().toLower();
    return name == "authorization" || name == "proxy-authorization";
}

QByteArray maskLine(const QByteArray &line)
{
    static const QRegularExpression parameter(
        QStringLiteral(R"((?<![A-Za-z0-9_-])(response|nonce|cnonce)(\s*=\s*)("[^"]*"?|[^\s,;]+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(line);
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = parameter.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const bool quoted = match.captured(3).startsWith(u'"');
        result += QStringView(text).mid(last, match.capturedStart(3) - last);
        result +=
            quoted ? QStringLiteral("\"%1\"").arg(QLatin1StringView(MaskedValue)) : QLatin1StringView(MaskedValue);
        last = match.capturedEnd(3);
    }
    if (last == 0)
        return line;
    result += QStringView(text).mid(last);
    return result.toLatin1();
}

} // namespace

QByteArray maskCredentials(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size());
    qsizetype start = 0;
    bool inHeaders = true;
    bool inCredentials = false;
    bool firstLine = true;
    while (start < message.size()) {
        qsizetype end = message.indexOf('\n', start);
        end = end < 0 ? message.size() : end + 1;
        const QByteArray line = message.mid(start, end - start);
        start = end;
        if (!inHeaders) {
            out += line;
            continue;
        }
        const QByteArray content = line.trimmed();
        if (content.isEmpty() && !firstLine) {
            inHeaders = false; // the body follows; it is never masked
            out += line;
            continue;
        }
        const bool continuation = !firstLine && (line.startsWith(' ') || line.startsWith('\t'));
        if (!continuation)
            inCredentials = !firstLine && isCredentialsHeader(line);
        firstLine = false;
        out += inCredentials ? maskLine(line) : line;
    }
    return out;
}

} // namespace Gui
