// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineOptions.h"
#include "sipcore/RegistrationState.h"

#include <QObject>
#include <QTimer>

namespace Sip {
class SipEngine;
class SipLog;
} // namespace Sip

namespace Cli {

class LogPrinter;

/// `offhook-cli register`: one registration attempt (no automatic retries), an optional hold, then
/// un-REGISTER and exit with a status that says what happened. Main thread.
class RegisterCommand : public QObject
{
    Q_OBJECT
public:
    RegisterCommand(const LineOptions &options, QObject *parent = nullptr);
    ~RegisterCommand() override;

    /// Starts; the application quits with exitCode() when done.
    bool start(QString *error);
    int exitCode() const { return m_exitCode; }

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onDeadline();
    void finish(const QString &resultLine, int exitCode);
    void onShutdownFinished();

    LineOptions m_options;
    Sip::SipLog *m_log;
    Sip::SipEngine *m_engine;
    LogPrinter *m_printer;
    QTimer m_deadline;
    QTimer m_hold;
    bool m_registered = false;
    bool m_finishing = false;
    int m_expires = 0;
    QString m_resultLine;
    int m_exitCode = 1;
};

} // namespace Cli
