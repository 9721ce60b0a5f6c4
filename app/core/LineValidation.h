// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Gui {

/// Checks of what a user types for a line, as plain sentences; empty when fine. Pure; any thread.
namespace LineValidation {
QString serverProblem(const QString &server);
QString extensionProblem(const QString &extension);
QString authUserProblem(const QString &authUser);   ///< Empty is fine (same as the extension)
QString proxyProblem(const QString &outboundProxy); ///< Empty is fine (no proxy)
QString expiryProblem(int expiresSeconds);
} // namespace LineValidation

} // namespace Gui
