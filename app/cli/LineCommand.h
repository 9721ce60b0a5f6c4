// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/Command.h"
#include "app/cli/LineOptions.h"

#include <QTimer>

namespace Sip {
class SipEngine;
class SipLog;
} // namespace Sip

namespace Core {
class ExitSignals;
}

namespace Cli {

class LogPrinter;

/// What the commands that register a line share: the engine with its log printed as it happens, the
/// line options, a deadline for the first result, and the way out — one result line, the engine shut
/// down (un-SUBSCRIBE, un-PUBLISH, un-REGISTER), the log flushed, the --pcapng capture saved, then the
/// exit status. Main thread.
class LineCommand : public Command
{
    Q_OBJECT
protected:
    explicit LineCommand(QObject *parent = nullptr);
    ~LineCommand() override;

    /// Reads the line options; no positional arguments are taken.
    bool readLineOptions(const QCommandLineParser &parser, QString *error);
    /// Opens --log and starts the engine (one registration attempt unless retries are wanted).
    bool startEngine(bool retryFailedRegistrations, QString *error);
    /// Adds the line to the engine (it registers at once) and starts the deadline for the first result.
    void registerLine(int deadlineMs);
    /// Ends the command once: the result line is printed after the engine has shut down.
    void finish(const QString &resultLine, int exitCode);
    /// Stops the command's own timers when it finishes.
    virtual void stopTimers() {}
    /// SIGINT, SIGTERM or SIGHUP arrived (a second one exits at once): end cleanly. By default the command
    /// finishes with its result so far (or "FAILED 0 Interrupted"), which hangs up, un-SUBSCRIBEs and
    /// un-REGISTERs first.
    virtual void onExitSignal(int signalNumber);

    /// Prints `NAT public=HOST:PORT local=HOST:PORT keepalive=N` once when the server saw this phone at
    /// another address than it sent from (received/rport of the REGISTER's answer).
    void printNat(const Sip::RegistrationEvent &event);

    static QString failureLine(int statusCode, const QString &reasonPhrase, const QString &diagnosis);
    static QString timeoutLine(int seconds);

    LineOptions m_options;
    Sip::SipLog *m_log;
    Sip::SipEngine *m_engine;
    LogPrinter *m_printer;
    Core::ExitSignals *m_exitSignals;
    QTimer m_deadline;
    bool m_finishing = false;
    QString m_resultLine;
    int m_exitCode = 1;
    bool m_natPrinted = false;

private:
    void onShutdownFinished();
    bool saveCapture(QString *error) const;
};

} // namespace Cli
