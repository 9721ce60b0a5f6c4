// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/Command.h"
#include "app/cli/LineOptions.h"
#include "sipcore/PresenceEvents.h"
#include "sipcore/RegistrationState.h"

#include <QTimer>

namespace Sip {
class PresenceService;
class SipEngine;
class SipLog;
} // namespace Sip

namespace Cli {

class InterruptWatcher;
class LogPrinter;

/// `offhook-cli publish`: registers the line, PUBLISHes the status (and note), prints
/// `PUBLISHED sip:EXT@SERVER <status> expires=N [note]` or `FAILED ...`, keeps it published (refreshing
/// with SIP-If-Match) for --hold seconds, then removes it (Expires: 0), unregisters and exits. Main thread.
class PublishCommand : public Command
{
    Q_OBJECT
public:
    explicit PublishCommand(QObject *parent = nullptr);
    ~PublishCommand() override;

    static void addOptions(QCommandLineParser &parser);
    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onPublication(const Sip::PublicationEvent &event);
    void onDeadline();
    void finish(const QString &resultLine, int exitCode);
    void onShutdownFinished();

    LineOptions m_options;
    Sip::OwnStatus m_status = Sip::OwnStatus::Invalid;
    QString m_note;
    Sip::SipLog *m_log;
    Sip::SipEngine *m_engine;
    Sip::PresenceService *m_presence;
    LogPrinter *m_printer;
    InterruptWatcher *m_interrupt;
    QTimer m_deadline;
    QTimer m_hold;
    bool m_published = false;
    bool m_finishing = false;
    QString m_resultLine;
    int m_exitCode = 1;
};

} // namespace Cli
