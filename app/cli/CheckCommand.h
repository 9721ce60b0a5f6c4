// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/Command.h"
#include "sipcore/PreflightReport.h"

namespace Sip {
class Preflight;
}

namespace Cli {

/// `offhook-cli check`: the preflight check of a server without registering: DNS (SRV, A/AAAA), one
/// OPTIONS over UDP, TCP and TLS, and what answered where, in words. Exit status 0 when the chosen
/// transport answers, 4 when only another transport does, 6 when nothing answers or the name is not
/// found, 2 on bad options. Main thread.
class CheckCommand : public Command
{
    Q_OBJECT
public:
    explicit CheckCommand(QObject *parent = nullptr);
    ~CheckCommand() override;

    static void addOptions(QCommandLineParser &parser);
    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    void onFinished(const Sip::PreflightReport &report);

    Sip::Preflight *m_preflight;
};

} // namespace Cli
