// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The table of offhook-cli's commands: add a command here, in its own files.
#include "app/cli/Command.h"

#include "app/cli/CheckCommand.h"
#include "app/cli/LineOptions.h"
#include "app/cli/RegisterCommand.h"

namespace Cli {

QList<CommandInfo> allCommands()
{
    QList<CommandInfo> commands;
    commands.append({QStringLiteral("register"), QStringLiteral("register a line, print the SIP log and the result"),
                     [](QCommandLineParser &parser) { LineOptions::addTo(parser); },
                     [] { return std::unique_ptr<Command>(new RegisterCommand); }});
    commands.append({QStringLiteral("check"),
                     QStringLiteral("check a server without registering: DNS, then OPTIONS over UDP, TCP and TLS"),
                     [](QCommandLineParser &parser) { CheckCommand::addOptions(parser); },
                     [] { return std::unique_ptr<Command>(new CheckCommand); }});
    return commands;
}

} // namespace Cli
