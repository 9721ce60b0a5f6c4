// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/SippTraceMessage.h"

#include <QRegularExpression>
#include <QStringList>

namespace Test {

namespace {

// sipp separates entries with a line of 47 dashes, followed by a timestamp for real entries.
const QByteArray separator = QByteArray(47, '-');
const QByteArray separatorLine = QByteArray(1, '\n') + separator;

QString compactForm(const QString &lowerName)
{
    static const QList<QPair<QString, QString>> forms = {
        {QStringLiteral("via"), QStringLiteral("v")},          {QStringLiteral("from"), QStringLiteral("f")},
        {QStringLiteral("to"), QStringLiteral("t")},           {QStringLiteral("call-id"), QStringLiteral("i")},
        {QStringLiteral("contact"), QStringLiteral("m")},      {QStringLiteral("content-length"), QStringLiteral("l")},
        {QStringLiteral("content-type"), QStringLiteral("c")}, {QStringLiteral("event"), QStringLiteral("o")},
        {QStringLiteral("supported"), QStringLiteral("k")},    {QStringLiteral("subject"), QStringLiteral("s")},
    };
    for (const auto &[full, compact] : forms) {
        if (full == lowerName)
            return compact;
    }
    return QString();
}

QStringList headerLines(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1String("\n\n"));
    return (end < 0 ? text : text.left(end)).split(QLatin1Char('\n'));
}

} // namespace

QString SippTraceMessage::firstLine() const
{
    return text.section(QLatin1Char('\n'), 0, 0);
}

bool SippTraceMessage::isRequest() const
{
    return !text.startsWith(QLatin1String("SIP/"));
}

QString SippTraceMessage::method() const
{
    if (isRequest())
        return firstLine().section(QLatin1Char(' '), 0, 0);
    return header(QStringLiteral("CSeq")).section(QLatin1Char(' '), 1, 1, QString::SectionSkipEmpty);
}

int SippTraceMessage::statusCode() const
{
    if (isRequest())
        return 0;
    return firstLine().section(QLatin1Char(' '), 1, 1).toInt();
}

QString SippTraceMessage::header(const QString &name) const
{
    const QString lower = name.toLower();
    const QString compact = compactForm(lower);
    const QStringList lines = headerLines(text);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = lines.at(i).left(colon).trimmed().toLower();
        if (key == lower || (!compact.isEmpty() && key == compact))
            return lines.at(i).mid(colon + 1).trimmed();
    }
    return QString();
}

bool SippTraceMessage::hasHeader(const QString &name) const
{
    const QString lower = name.toLower();
    const QString compact = compactForm(lower);
    const QStringList lines = headerLines(text);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString key = lines.at(i).section(QLatin1Char(':'), 0, 0).trimmed().toLower();
        if (key == lower || (!compact.isEmpty() && key == compact))
            return true;
    }
    return false;
}

QString SippTraceMessage::body() const
{
    const qsizetype end = text.indexOf(QLatin1String("\n\n"));
    return end < 0 ? QString() : text.mid(end + 2);
}

QList<SippTraceMessage> SippTraceMessage::parseTrace(const QByteArray &trace)
{
    static const QRegularExpression entryHeader(
        QStringLiteral("^(\\w+) message (sent|received) (?:\\((\\d+) bytes\\)|\\[(\\d+)\\] bytes ?):$"));
    static const QRegularExpression unexpectedHeader(QStringLiteral("^Unexpected \\w+ message received:$"));

    QList<SippTraceMessage> messages;
    qsizetype position = trace.indexOf(separator);
    while (position >= 0) {
        const qsizetype lineEnd = trace.indexOf('\n', position);
        if (lineEnd < 0)
            break;
        const QString stamp =
            QString::fromLatin1(trace.mid(position + separator.size(), lineEnd - position - separator.size()))
                .trimmed();
        const qsizetype headerEnd = trace.indexOf('\n', lineEnd + 1);
        const QString entry =
            QString::fromLatin1(trace.mid(lineEnd + 1, (headerEnd < 0 ? trace.size() : headerEnd) - lineEnd - 1))
                .trimmed();
        const auto nextEntry = [&](qsizetype from) {
            const qsizetype found = trace.indexOf(separatorLine, from);
            return found < 0 ? found : found + 1;
        };
        qsizetype next = -1;

        const QRegularExpressionMatch match = entryHeader.match(entry);
        if (match.hasMatch() && headerEnd >= 0) {
            // The message follows one empty line; sipp gives its exact size, so a body line that
            // looks like a separator does not end it. A message cut short ends at the next entry.
            const qsizetype start = qMin(headerEnd + 2, trace.size());
            const qsizetype size = QString(match.captured(3) + match.captured(4)).toLongLong();
            QByteArray raw;
            if (start + size <= trace.size()) {
                raw = trace.mid(start, size);
                next = nextEntry(start + size - 1);
            } else {
                next = nextEntry(lineEnd);
                raw = trace.mid(start, (next < 0 ? trace.size() : next) - start);
            }
            SippTraceMessage message;
            message.direction = match.captured(2) == QLatin1String("sent") ? Direction::Sent : Direction::Received;
            message.transport = match.captured(1);
            message.timestamp = QDateTime::fromString(stamp.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
            message.text = QString::fromUtf8(raw).replace(QLatin1String("\r\n"), QLatin1String("\n")).trimmed();
            messages.append(message);
        } else {
            next = nextEntry(lineEnd);
            if (unexpectedHeader.match(entry).hasMatch()) {
                for (qsizetype i = messages.size() - 1; i >= 0; --i) {
                    if (messages.at(i).direction == Direction::Received) {
                        messages[i].unexpected = true;
                        break;
                    }
                }
            }
        }
        position = next;
    }
    return messages;
}

} // namespace Test
