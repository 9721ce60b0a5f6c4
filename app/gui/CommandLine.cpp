// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CommandLine.h"

#include <QCoreApplication>

namespace App {

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--version" || argument == u"-v") {
            result.showVersion = true;
        } else if (argument == u"--help" || argument == u"-h") {
            result.showHelp = true;
        } else if (argument == u"--demo") {
            result.demo = true;
        } else if (argument == u"--no-tray") {
            result.noTray = true;
        } else if (argument == u"--settings" || argument.startsWith(u"--settings=")) {
            if (argument.contains(u'=')) {
                result.settingsFile = argument.section(u'=', 1);
            } else if (i + 1 < arguments.size()) {
                result.settingsFile = arguments[++i];
            } else {
                result.error = QStringLiteral("--settings needs a file name");
            }
        } else if (argument.startsWith(u'-') && argument.size() > 1 && !argument.at(1).isDigit()) {
            // Qt's own options (-platform, -style, …) are taken by QApplication before this runs.
            result.error = QStringLiteral("unknown option %1").arg(argument);
        } else if (result.dialTarget.isEmpty()) {
            result.dialTarget = argument;
        } else {
            result.error = QStringLiteral("only one number or sip: address can be given");
        }
    }
    return result;
}

QString CommandLine::helpText()
{
    return QStringLiteral("Usage: offhook [options] [sip:user@host | tel:number | number]\n"
                          "\n"
                          "Desktop SIP softphone that shows why a line does or does not register.\n"
                          "\n"
                          "Options:\n"
                          "  --demo            Start with the demo line 1001@127.0.0.1 (server from\n"
                          "                    OFFHOOK_DEMO_SERVER, default 127.0.0.1:5060) in a separate\n"
                          "                    profile; the password stays in memory\n"
                          "  --settings FILE   Use FILE as the settings file\n"
                          "  --no-tray         Do not show a tray icon\n"
                          "  -v, --version     Print the version and exit\n"
                          "  -h, --help        Print this help and exit\n");
}

} // namespace App
