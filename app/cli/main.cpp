// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli: the SIP engine from a terminal, for scripting and troubleshooting.

#include "app/cli/LineOptions.h"
#include "app/cli/RegisterCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <csignal>
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
        fprintf(stderr, "usage: offhook-cli register --server HOST[:PORT] --extension EXT [options]\n"
                        "       offhook-cli --version | --help | COMMAND --help\n");
    return kUsageError;
}

QStringList commands()
{
    return {QStringLiteral("register")};
}

} // namespace

int main(int argc, char *argv[])
{
    // A terminal tool needs no GLib main loop: Qt's own dispatcher keeps GLib unloaded.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("offhook-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OFFHOOK_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2)
        return usage(QStringLiteral("no command given"));
    const QString command = arguments.at(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printf("offhook-cli %s\n", OFFHOOK_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        printf("offhook-cli %s — the Offhook SIP engine from a terminal\n\n"
               "Commands:\n"
               "  register   register a line, print the SIP log and the result\n\n"
               "Run 'offhook-cli COMMAND --help' for a command's options.\n"
               "Exit status: 0 ok, 2 usage, 3 authentication failed, 4 rejected by the server,\n"
               "             5 no answer (timeout), 6 transport or DNS failure, 1 anything else.\n",
               OFFHOOK_VERSION);
        return 0;
    }
    if (!commands().contains(command))
        return usage(QStringLiteral("unknown command '%1'").arg(command));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Register a SIP line and show every step."));
    parser.addHelpOption();
    Cli::LineOptions::addTo(parser);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(1);
    if (!parser.parse(commandArguments))
        return usage(parser.errorText(), &parser);
    if (parser.isSet(QStringLiteral("help"))) {
        printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    Cli::LineOptions options;
    QString error;
    if (!options.read(parser, &error))
        return usage(error);

    Cli::RegisterCommand registerCommand(options);
    if (!registerCommand.start(&error)) {
        fprintf(stderr, "offhook-cli: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
