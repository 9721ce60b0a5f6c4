// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

namespace Gui {
class MainWindow;
}

namespace App {

class AppSettings;

/// Keeps the main window's size, position and dock layout across runs: restores them from the settings
/// and stores them again when the window closes. GUI thread.
class WindowPersistence
{
public:
    /// Restores now; saves on MainWindow::closing. settings must outlive window.
    static void attach(Gui::MainWindow &window, AppSettings &settings);
};

} // namespace App
