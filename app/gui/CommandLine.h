// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <QStringList>

namespace App {

/// What `offhook` was asked to do on its command line. Pure value; parse() needs no QApplication, so
/// --version and --help work without a display.
struct CommandLine
{
    bool showVersion = false;
    bool showHelp = false;
    bool demo = false;
    bool noTray = false;
    QString settingsFile; ///< --settings FILE: use this settings file instead of the user's
    QString dialTarget;   ///< sip:, sips: or tel: URI, or a number, to put into the dial pad
    QString error;        ///< Non-empty when the arguments make no sense

    static CommandLine parse(const QStringList &arguments); ///< arguments[0] is the program
    static QString helpText();
};

} // namespace App
