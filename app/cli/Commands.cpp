// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The table of offhook-cli's commands: add a command here, in its own files.
#include "app/cli/Command.h"

#include "app/cli/BindingsCommand.h"
#include "app/cli/CheckCommand.h"
#include "app/cli/LineOptions.h"
#include "app/cli/PublishCommand.h"
#include "app/cli/RegisterCommand.h"
#include "app/cli/WatchCommand.h"
#if OFFHOOK_CLI_CALLS
#include "app/cli/CallCommand.h"
#endif

namespace Cli {

QList<CommandInfo> allCommands()
{
    QList<CommandInfo> commands;
    commands.append({QStringLiteral("register"), QStringLiteral("register a line, print the SIP log and the result"),
                     [](QCommandLineParser &parser) {
                         LineOptions::addTo(parser);
                         LineOptions::addCaptureTo(parser);
                     },
                     [] { return std::unique_ptr<Command>(new RegisterCommand); }});
    commands.append({QStringLiteral("bindings"),
                     QStringLiteral("register, list every binding of the extension; --remove CONTACT, --remove-others"),
                     [](QCommandLineParser &parser) { BindingsCommand::addOptions(parser); },
                     [] { return std::unique_ptr<Command>(new BindingsCommand); }});
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
#if OFFHOOK_CLI_CALLS
    commands.append({QStringLiteral("call"),
                     QStringLiteral("register, call sip:EXT@SERVER, stream --play, record to --record, hang up"),
                     [](QCommandLineParser &parser) {
                         CallCommand::addOptions(parser, CallCommand::Mode::Dial);
                         parser.addPositionalArgument(QStringLiteral("target"),
                                                      QStringLiteral("Whom to call: sip:EXT@SERVER or EXT."));
                     },
                     [] { return std::unique_ptr<Command>(new CallCommand(CallCommand::Mode::Dial)); }});
    commands.append({QStringLiteral("answer"),
                     QStringLiteral("register, wait for one call, answer it, stream and record like call"),
                     [](QCommandLineParser &parser) { CallCommand::addOptions(parser, CallCommand::Mode::Answer); },
                     [] { return std::unique_ptr<Command>(new CallCommand(CallCommand::Mode::Answer)); }});
#endif
    return commands;
}

} // namespace Cli
