// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Test {

/// Where an external program used by tests (kamailio, kamcmd, sipp) lives, or why it was not
/// found. Tests skip when a tool is missing on a developer machine, and fail on CI (CI=true), where
/// the tools are installed by scripts/install-deps.sh.
struct ExternalTool
{
    QString name;
    QString path;          ///< Absolute path; empty when not found.
    QString missingReason; ///< Human-readable, set when not found.

    bool found() const { return !path.isEmpty(); }

    /// Looks for `name` in $PATH, /usr/sbin, /usr/local/sbin and /sbin. The environment variable
    /// `overrideVariable` (e.g. "SIPP"), when set, names the binary to use instead.
    static ExternalTool find(const QString &name, const char *overrideVariable, const QString &package);

    /// True on CI, where a missing tool is an error rather than a reason to skip.
    static bool requiredByEnvironment();
};

} // namespace Test

/// In a test function: skips (developer machine) or fails (CI=true) when the tool is missing.
#define OFFHOOK_REQUIRE_TOOL(tool)                                                                                     \
    do {                                                                                                               \
        const ::Test::ExternalTool &offhookTool_ = (tool);                                                             \
        if (!offhookTool_.found()) {                                                                                   \
            if (::Test::ExternalTool::requiredByEnvironment())                                                         \
                QFAIL(qPrintable(offhookTool_.missingReason + QLatin1String(" (required on CI)")));                    \
            QSKIP(qPrintable(offhookTool_.missingReason));                                                             \
        }                                                                                                              \
    } while (false)
