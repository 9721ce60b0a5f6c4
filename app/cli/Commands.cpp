// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The table of offhook-cli's commands: add a command here, in its own files.
#include "app/cli/Command.h"

#include "app/cli/CheckCommand.h"
#include "app/cli/LineOptions.h"
#include "app/cli/PublishCommand.h"
#include "app/cli/RegisterCommand.h"
#include "app/cli/WatchCommand.h"

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
    commands.append({QStringLiteral("watch"),
                     QStringLiteral("register, subscribe to contacts' presence, print each state change"),
                     [](QCommandLineParser &parser) { WatchCommand::addOptions(parser); },
                     [] { return std::unique_ptr<Command>(new WatchCommand); }});
    commands.append({QStringLiteral("publish"), QStringLiteral("register and publish your own presence status"),
                     [](QCommandLineParser &parser) { PublishCommand::addOptions(parser); },
                     [] { return std::unique_ptr<Command>(new PublishCommand); }});
    return commands;
}

} // namespace Cli
