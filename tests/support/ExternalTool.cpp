// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/ExternalTool.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace Test {

ExternalTool ExternalTool::find(const QString &name, const char *overrideVariable, const QString &package)
{
    ExternalTool tool;
    tool.name = name;
    const QString override = qEnvironmentVariable(overrideVariable);
    if (!override.isEmpty()) {
        const QFileInfo info(override);
        if (info.isFile() && info.isExecutable())
            tool.path = info.absoluteFilePath();
        else
            tool.missingReason =
                QStringLiteral("%1=%2 is not an executable file").arg(QLatin1String(overrideVariable), override);
        return tool;
    }
    tool.path = QStandardPaths::findExecutable(name);
    if (tool.path.isEmpty()) {
        // Server tools live in sbin, which is not on every user's PATH.
        tool.path = QStandardPaths::findExecutable(
            name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
    }
    if (tool.path.isEmpty())
        tool.missingReason = QStringLiteral("%1 not found in PATH or sbin (install the %2 package or set %3)")
                                 .arg(name, package, QLatin1String(overrideVariable));
    return tool;
}

bool ExternalTool::requiredByEnvironment()
{
    const QString ci = qEnvironmentVariable("CI").toLower();
    return ci == QLatin1String("true") || ci == QLatin1String("1");
}

} // namespace Test
