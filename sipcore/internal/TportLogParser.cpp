// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/TportLogParser.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace Sip::Internal {
namespace {

constexpr qsizetype kMaxDebugLines = 500;
constexpr qsizetype kMaxPartialLine = 64 * 1024;

bool isSeparator(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    return trimmed.size() >= 60 && trimmed.count('-') == trimmed.size();
}

QDateTime stampToday(int hour, int minute, int second, int micro)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime stamp(now.date(), QTime(hour, minute, second, micro / 1000), QTimeZone::utc());
    // The stamp is time-of-day only; a record logged just before midnight is read just after it.
    if (stamp > now.addSecs(3600))
        stamp = stamp.addDays(-1);
    return stamp;
}

} // namespace

QString summarizeFirstLine(const QByteArray &raw)
{
    qsizetype end = raw.indexOf('\n');
    QByteArray first = (end < 0 ? raw : raw.left(end)).trimmed();
    if (first.startsWith("SIP/2.0 "))
        return QString::fromUtf8(first.mid(8));
    if (first.endsWith(" SIP/2.0"))
        first.chop(8);
    return QString::fromUtf8(first);
}

void TportLogParser::feed(const char *text, qsizetype length)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < length; ++i) {
        if (text[i] == '\n') {
            m_partialLine.append(text + start, i - start);
            processLine(std::move(m_partialLine));
            m_partialLine.clear();
            start = i + 1;
        }
    }
    if (start < length && m_partialLine.size() < kMaxPartialLine)
        m_partialLine.append(text + start, qMin(length - start, kMaxPartialLine - m_partialLine.size()));
}

QList<LogEntry> TportLogParser::takeMessages()
{
    QList<LogEntry> result;
    result.swap(m_done);
    return result;
}

QStringList TportLogParser::takeDebugLines()
{
    QStringList result;
    result.swap(m_debug);
    return result;
}

void TportLogParser::processLine(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    switch (m_state) {
    case State::Idle:
        if (!startRecord(line) && !line.trimmed().isEmpty()) {
            if (m_debug.size() >= kMaxDebugLines)
                m_debug.removeFirst();
            m_debug.append(QString::fromUtf8(line.trimmed()));
        }
        return;
    case State::ExpectSeparator:
        if (isSeparator(line)) {
            m_state = State::Body;
            return;
        }
        // Older layouts put the first message line right after the stamp.
        m_state = State::Body;
        [[fallthrough]];
    case State::Body:
        if (isSeparator(line)) {
            finishRecord();
            return;
        }
        if (line.startsWith("   "))
            line.remove(0, 3);
        m_lines.append(line);
        return;
    }
}

bool TportLogParser::startRecord(const QByteArray &line)
{
    static const QRegularExpression header(QStringLiteral(
        R"(^(send|recv) (\d+) bytes (to|from) (\w+)/\[([^\]]*)\]:(\d+)\S* at (\d\d):(\d\d):(\d\d)\.(\d{1,6}):)"));
    const QRegularExpressionMatch match = header.match(QString::fromLatin1(line));
    if (!match.hasMatch())
        return false;
    m_current = LogEntry();
    m_current.kind = match.captured(1) == QLatin1String("send") ? LogEntry::Kind::Sent : LogEntry::Kind::Received;
    m_expectedBytes = match.captured(2).toLongLong();
    m_current.transport = match.captured(4).toLower();
    const QString address = match.captured(5);
    const QString port = match.captured(6);
    m_current.peer = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address, port)
                                                        : QStringLiteral("%1:%2").arg(address, port);
    QString micro = match.captured(10);
    while (micro.size() < 6)
        micro += QLatin1Char('0');
    m_current.timestamp =
        stampToday(match.captured(7).toInt(), match.captured(8).toInt(), match.captured(9).toInt(), micro.toInt());
    m_lines.clear();
    m_state = State::ExpectSeparator;
    // A separator may follow on the same line in some layouts.
    return true;
}

void TportLogParser::finishRecord()
{
    QByteArray raw;
    for (const QByteArray &line : std::as_const(m_lines)) {
        raw += line;
        raw += "\r\n";
    }
    // The log re-creates line ends; the stamp knows the real size, so drop a surplus final CRLF.
    if (m_expectedBytes > 0 && raw.size() > m_expectedBytes && raw.endsWith("\r\n") &&
        raw.size() - 2 >= m_expectedBytes)
        raw.chop(2);
    m_current.raw = raw;
    m_current.text = summarizeFirstLine(raw);
    m_done.append(m_current);
    m_lines.clear();
    m_state = State::Idle;
}

} // namespace Sip::Internal
