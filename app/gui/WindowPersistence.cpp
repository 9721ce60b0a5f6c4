// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/WindowPersistence.h"

#include "app/gui/AppSettings.h"
#include "ui/main/MainWindow.h"

namespace App {

void WindowPersistence::attach(Gui::MainWindow &window, AppSettings &settings)
{
    QObject::connect(&window, &Gui::MainWindow::closing, &window,
                     [&window, &settings] { settings.setWindowGeometry(window.saveGeometry(), window.saveState()); });
    window.restoreGeometry(settings.windowGeometry());
    window.restoreState(settings.windowState());
}

} // namespace App
