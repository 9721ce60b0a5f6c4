// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

class QWidget;

namespace App {

/// The questions and warnings the desktop app puts to the user around its start. Main thread.
namespace StartupDialogs {
/// No keychain works: asks whether to keep passwords in a clear-text file readable only by the user.
/// True for the file, false for this session only.
bool askPlainTextConsent(QWidget *parent, const QString &reason);
/// The SIP engine did not start: lines cannot register.
void reportEngineFailed();
/// Shows a warning about the settings or the call history once the event loop runs; nothing if empty.
void warnSettingsProblem(QWidget *window, const QString &problem);
void warnHistoryProblem(QWidget *window, const QString &problem);
} // namespace StartupDialogs

} // namespace App
