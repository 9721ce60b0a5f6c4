// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QFile>
#include <QObject>

namespace Sip {
class SipLog;
}

namespace Cli {

/// Prints the live SIP log to standard output (and optionally a file) as batches arrive.
/// Main thread.
class LogPrinter : public QObject
{
    Q_OBJECT
public:
    explicit LogPrinter(Sip::SipLog *log, QObject *parent = nullptr);
    bool openFile(const QString &path, QString *error);
    /// Print everything not printed yet, then this line (the command's result).
    void finish(const QString &resultLine);
    /// Print everything not printed yet, then this line as it is (no time stamp).
    void printLine(const QString &line);

private:
    void print(const QList<Sip::LogEntry> &entries);
    void write(const QByteArray &text);

    Sip::SipLog *m_log;
    quint64 m_lastSequence = 0;
    QFile m_file;
};

} // namespace Cli
