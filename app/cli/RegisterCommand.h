// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineCommand.h"
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
class RegisterCommand : public LineCommand
{
    Q_OBJECT
public:
    explicit RegisterCommand(QObject *parent = nullptr);
    ~RegisterCommand() override;

    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onDeadline();
    void stopTimers() override;

    QTimer m_hold;
    bool m_registered = false;
    int m_expires = 0;
};

} // namespace Cli
