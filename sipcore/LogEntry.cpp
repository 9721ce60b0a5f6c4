// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/LogEntry.h"

namespace Sip {
namespace {

// RFC 3261 compact header forms
QByteArray compactFormOf(const QByteArray &lowerName)
{
    static const QList<QPair<QByteArray, QByteArray>> forms = {{"call-id", "i"},
                                                               {"contact", "m"},
                                                               {"content-encoding", "e"},
                                                               {"content-length", "l"},
                                                               {"content-type", "c"},
                                                               {"from", "f"},
                                                               {"subject", "s"},
                                                               {"supported", "k"},
                                                               {"to", "t"},
                                                               {"via", "v"},
                                                               {"event", "o"},
                                                               {"refer-to", "r"}};
    for (const auto &form : forms) {
        if (form.first == lowerName)
            return form.second;
    }
    return {};
}

} // namespace

QString kindName(LogEntry::Kind kind)
{
    switch (kind) {
    case LogEntry::Kind::Step:
        return QStringLiteral("step");
    case LogEntry::Kind::Sent:
        return QStringLiteral("send");
    case LogEntry::Kind::Received:
        return QStringLiteral("recv");
    case LogEntry::Kind::Error:
        return QStringLiteral("error");
    case LogEntry::Kind::Invalid:
        break;
    }
    return QStringLiteral("?");
}

QString LogEntry::methodOrStatus() const
{
    if (!isMessage())
        return {};
    const qsizetype end = raw.indexOf('\n');
    const QByteArray firstLine = (end < 0 ? raw : raw.left(end)).trimmed();
    if (firstLine.startsWith("SIP/2.0 ")) {
        const QByteArray code = firstLine.mid(8, 3);
        return QString::fromLatin1(code);
    }
    const qsizetype space = firstLine.indexOf(' ');
    return QString::fromLatin1(space < 0 ? firstLine : firstLine.left(space));
}

QByteArray LogEntry::header(const QByteArray &name) const
{
    const QByteArray wanted = name.toLower();
    const QByteArray compact = compactFormOf(wanted);
    qsizetype position = raw.indexOf('\n');
    while (position >= 0 && position + 1 < raw.size()) {
        const qsizetype lineStart = position + 1;
        qsizetype lineEnd = raw.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = raw.size();
        QByteArray line = raw.mid(lineStart, lineEnd - lineStart);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // end of headers
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArray headerName = line.left(colon).trimmed().toLower();
            if (headerName == wanted || (!compact.isEmpty() && headerName == compact))
                return line.mid(colon + 1).trimmed();
        }
        position = lineEnd;
    }
    return {};
}

QString LogEntry::cseqMethod() const
{
    const QByteArray cseq = header("CSeq");
    const qsizetype space = cseq.indexOf(' ');
    return space < 0 ? QString() : QString::fromLatin1(cseq.mid(space + 1).trimmed());
}

QString LogEntry::format(bool withRaw) const
{
    QString line = timestamp.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")) + QLatin1Char(' ');
    if (isMessage()) {
        line += kindName(kind) + QLatin1Char(' ') + text + QStringLiteral("  [") + transport + QLatin1Char(' ') +
                (kind == Kind::Sent ? QStringLiteral("to ") : QStringLiteral("from ")) + peer + QLatin1Char(']');
        if (withRaw) {
            QString body = QString::fromUtf8(raw);
            body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            if (body.endsWith(QLatin1Char('\n')))
                body.chop(1);
            line += QLatin1Char('\n') + body;
        }
    } else {
        if (kind == Kind::Error)
            line += QStringLiteral("error: ");
        line += text;
    }
    return line;
}

} // namespace Sip
