// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/ExitSignals.h"
#include "app/gui/AppSettings.h"
#include "app/gui/CallAlerts.h"
#include "app/gui/CallController.h"
#include "app/gui/ContactController.h"
#include "app/gui/LaunchProfile.h"
#include "app/gui/LineController.h"
#include "app/gui/SecretStore.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/main/MainWindow.h"

#include <memory>

namespace App {

class SingleInstance;

/// The composition root of the desktop app: owns the settings, the SIP log and engine, the main window,
/// the password stores and the controllers (lines, calls, ringing, contacts), and wires them to each other.
/// The decisions of the start (which profile, which stores, the demo line) come from LaunchProfile; the
/// questions put to the user from StartupDialogs. Members are built in declaration order and torn down
/// in reverse: controllers before the window, the window before the engine. Main thread.
class Application
{
public:
    Application(const LaunchProfile &profile, SingleInstance &instance);
    ~Application();
    Application(const Application &) = delete;
    Application &operator=(const Application &) = delete;

    /// Starts the engine, adds the lines, loads the contacts, shows the window; the engine shuts down when
    /// the application is about to quit.
    void start();

private:
    void wireLines();
    void wireAudio();
    void wireWindow(SingleInstance &instance);
    void traceStartup();

    const LaunchProfile m_profile;
    AppSettings m_settings;
    Sip::SipLog m_log;
    Sip::SipEngine m_engine;
    Gui::MainWindow m_window;
    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<SecretStore> m_plainFile;
    LineController m_lines;
    CallController m_calls;
    QString m_historyProblem; ///< Set while building: the history file is read before the ringing is wired
    CallAlerts m_alerts;
    Sip::PresenceService m_presence;
    ContactController m_contacts;
    /// SIGINT, SIGTERM, SIGHUP (systemd, the desktop session, kill): quit as from the menu, which hangs up,
    /// un-SUBSCRIBEs and un-REGISTERs first; a second signal exits at once.
    Core::ExitSignals m_exitSignals;
};

} // namespace App
