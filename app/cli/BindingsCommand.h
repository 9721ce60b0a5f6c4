// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineCommand.h"
#include "sipcore/RegistrationState.h"

#include <QCommandLineParser>

namespace Cli {

/// `offhook-cli bindings`: registers the line, lists every binding of its extension (one
/// `BINDING <contact> expires=N [q=Q] [self]` line each), optionally removes one (--remove CONTACT) or all
/// others (--remove-others) and lists them again, then un-REGISTERs and exits. Main thread.
class BindingsCommand : public LineCommand
{
    Q_OBJECT
public:
    explicit BindingsCommand(QObject *parent = nullptr);

    static void addOptions(QCommandLineParser &parser);
    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onBindings(const Sip::BindingsEvent &event);
    void print(const QList<Sip::RegistrationBinding> &bindings);

    QString m_remove;
    bool m_removeOthers = false;
    bool m_registered = false;
};

} // namespace Cli
