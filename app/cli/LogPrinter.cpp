// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/LogPrinter.h"

#include "sipcore/SipLog.h"

#include <cstdio>

namespace Cli {

LogPrinter::LogPrinter(Sip::SipLog *log, QObject *parent) : QObject(parent), m_log(log)
{
    connect(log, &Sip::SipLog::entriesAdded, this, &LogPrinter::print);
}

bool LogPrinter::openFile(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = QStringLiteral("cannot write the log file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

void LogPrinter::print(const QList<Sip::LogEntry> &entries)
{
    QByteArray text;
    for (const Sip::LogEntry &entry : entries) {
        if (entry.sequence <= m_lastSequence)
            continue;
        m_lastSequence = entry.sequence;
        text += entry.format(true).toUtf8();
        text += '\n';
        if (entry.isMessage())
            text += '\n';
    }
    write(text);
}

void LogPrinter::finish(const QString &resultLine)
{
    print(m_log->entriesSince(m_lastSequence));
    if (!resultLine.isEmpty())
        write(resultLine.toUtf8() + '\n');
}

void LogPrinter::printLine(const QString &line)
{
    print(m_log->entriesSince(m_lastSequence));
    write(line.toUtf8() + '\n');
}

void LogPrinter::write(const QByteArray &text)
{
    if (text.isEmpty())
        return;
    fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    fflush(stdout);
    if (m_file.isOpen()) {
        m_file.write(text);
        m_file.flush();
    }
}

} // namespace Cli
