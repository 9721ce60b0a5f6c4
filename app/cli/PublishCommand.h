// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineCommand.h"
#include "sipcore/PresenceEvents.h"
#include "sipcore/RegistrationState.h"

#include <QTimer>

namespace Sip {
class PresenceService;
class SipEngine;
class SipLog;
} // namespace Sip

namespace Cli {

class LogPrinter;

/// `offhook-cli publish`: registers the line, PUBLISHes the status (and note), prints
/// `PUBLISHED sip:EXT@SERVER <status> expires=N [note]` or `FAILED ...`, keeps it published (refreshing
/// with SIP-If-Match) for --hold seconds, then removes it (Expires: 0), unregisters and exits. Main thread.
class PublishCommand : public LineCommand
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
    void stopTimers() override;
    void onExitSignal(int signalNumber) override;

    Sip::OwnStatus m_status = Sip::OwnStatus::Invalid;
    QString m_note;
    Sip::PresenceService *m_presence;
    QTimer m_hold;
    bool m_published = false;
};

} // namespace Cli
