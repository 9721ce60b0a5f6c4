// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineCommand.h"
#include "sipcore/PresenceEvents.h"
#include "sipcore/RegistrationState.h"

#include <QHash>
#include <QTimer>

namespace Sip {
class PresenceService;
class SipEngine;
class SipLog;
} // namespace Sip

namespace Cli {

class LogPrinter;

/// `offhook-cli watch`: registers the line, subscribes to each buddy and prints one line per state
/// change (`PRESENCE sip:EXT@SERVER <state> [note]`); after --duration seconds or an interrupt it
/// un-SUBSCRIBEs, unregisters and exits. Main thread.
class WatchCommand : public LineCommand
{
    Q_OBJECT
public:
    explicit WatchCommand(QObject *parent = nullptr);
    ~WatchCommand() override;

    static void addOptions(QCommandLineParser &parser);
    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onPresence(const Sip::ContactPresenceEvent &event);
    void onSubscription(const Sip::SubscriptionEvent &event);
    void onDeadline();
    void stopTimers() override;
    void onExitSignal(int signalNumber) override;

    QStringList m_buddies;
    Sip::EventPackage m_package = Sip::EventPackage::Presence;
    int m_durationSeconds = 0;
    Sip::PresenceService *m_presence;
    QTimer m_duration;
    QHash<QString, QString> m_printed;         ///< contactId -> last printed line
    QHash<QString, Sip::FailureKind> m_failed; ///< contactId -> why its subscription stopped
    bool m_registered = false;
};

} // namespace Cli
