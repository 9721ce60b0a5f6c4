// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli: the SIP engine from a terminal, for scripting and troubleshooting.

#include "app/cli/Command.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

namespace {

constexpr int kUsageError = 2;

int usage(const QString &message, const QCommandLineParser *parser = nullptr)
{
    if (!message.isEmpty())
        fprintf(stderr, "offhook-cli: %s\n", qPrintable(message));
    if (parser)
        fprintf(stderr, "\n%s", qPrintable(parser->helpText()));
    else
        fprintf(stderr, "usage: offhook-cli COMMAND [options]   (offhook-cli --help lists the commands)\n");
    return kUsageError;
}

void printHelp(const QList<Cli::CommandInfo> &commands)
{
    printf("offhook-cli %s - the Offhook SIP engine from a terminal\n\nCommands:\n", OFFHOOK_VERSION);
    for (const Cli::CommandInfo &command : commands)
        printf("  %-10s %s\n", qPrintable(command.name), qPrintable(command.summary));
    printf("\nRun 'offhook-cli COMMAND --help' for a command's options.\n"
           "The password comes from OFFHOOK_PASSWORD or --password-file, never from the command line.\n"
           "Exit status: 0 ok, 2 usage, 3 authentication failed, 4 rejected by the server,\n"
           "             5 no answer (timeout), 6 transport or DNS failure, 7 call connected but audio\n"
           "             did not flow both ways, 1 anything else.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // A terminal tool needs no GLib main loop: Qt's own dispatcher keeps GLib unloaded.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("offhook-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OFFHOOK_VERSION));

    const QList<Cli::CommandInfo> commands = Cli::allCommands();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2)
        return usage(QStringLiteral("no command given"));
    const QString &name = arguments.at(1);
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        printf("offhook-cli %s\n", OFFHOOK_VERSION);
        return 0;
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printHelp(commands);
        return 0;
    }
    const Cli::CommandInfo *info = nullptr;
    for (const Cli::CommandInfo &command : commands) {
        if (command.name == name)
            info = &command;
    }
    if (!info)
        return usage(QStringLiteral("unknown command '%1'").arg(name));

    QCommandLineParser parser;
    parser.setApplicationDescription(info->summary);
    parser.addHelpOption();
    info->addOptions(parser);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(1);
    if (!parser.parse(commandArguments))
        return usage(parser.errorText(), &parser);
    if (parser.isSet(QStringLiteral("help"))) {
        printf("%s", qPrintable(parser.helpText()));
        return 0;
    }

    std::unique_ptr<Cli::Command> command = info->create();
    QString error;
    bool usageError = false;
    if (!command->start(parser, &error, &usageError)) {
        if (usageError)
            return usage(error);
        fprintf(stderr, "offhook-cli: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
