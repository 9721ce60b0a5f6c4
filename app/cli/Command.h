// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <functional>
#include <memory>

namespace Cli {

/// One offhook-cli command (register, watch, publish, call, answer). Main thread. A command runs
/// in the application's event loop and ends it with QCoreApplication::exit(status).
class Command : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Reads its options from the processed parser and starts. On bad input: false, error set, and
    /// main() exits with the usage status 2. On a start failure: false with usageError = false.
    virtual bool start(const QCommandLineParser &parser, QString *error, bool *usageError) = 0;
};

/// How main() knows a command: its name, one line of help, its options, and how to make it.
struct CommandInfo
{
    QString name;
    QString summary;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<std::unique_ptr<Command>()> create;
};

/// Every command offhook-cli has, in the order --help lists them.
QList<CommandInfo> allCommands();

} // namespace Cli
