// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/Command.h"
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
class RegisterCommand : public Command
{
    Q_OBJECT
public:
    explicit RegisterCommand(QObject *parent = nullptr);
    ~RegisterCommand() override;

    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

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
