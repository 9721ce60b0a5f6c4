// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/gui/CommandLine.h"

#include <QString>
#include <memory>

namespace App {

class LineController;
class SecretStore;

/// What this start of the desktop app is — the user's own profile, another settings file (--settings) or
/// the demo — and the decisions that follow from it: where settings live, whether lines, contacts and
/// recent calls are kept, which password stores are used, the demo line. Pure value; main thread.
struct LaunchProfile
{
    static LaunchProfile fromCommandLine(const CommandLine &command);

    QString settingsPath;
    bool demo = false;
    bool trayEnabled = true;
    QString dialTarget;   ///< Put into the dial pad at start; empty for none
    QString profileLabel; ///< Shown in the window title; empty for the user's own profile

    /// Lines, contacts and recent calls are written back (the demo keeps them for this run only).
    bool persists() const { return !demo; }
    /// The keychain, or memory only for the demo: its password never touches the keychain.
    std::unique_ptr<SecretStore> makeKeychain() const;
    /// The clear-text password file beside the settings (asked for when no keychain works); none for the demo.
    std::unique_ptr<SecretStore> makePlainFileStore() const;
    /// The recent calls file beside the settings; empty for the demo.
    QString historyPath() const;
    /// The demo line (OFFHOOK_DEMO_SERVER), or the saved lines.
    void addLines(LineController &lines) const;
};

} // namespace App
