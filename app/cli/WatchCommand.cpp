// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/WatchCommand.h"

#include "app/cli/LogPrinter.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QCoreApplication>

namespace Cli {

WatchCommand::WatchCommand(QObject *parent)
    : LineCommand(parent), m_presence(new Sip::PresenceService(m_engine, {}, this))
{
    m_duration.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &WatchCommand::onDeadline);
    connect(&m_duration, &QTimer::timeout, this, [this] { finish(QString(), m_exitCode); });
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &WatchCommand::onRegistration);
    connect(m_presence, &Sip::PresenceService::contactPresenceChanged, this, &WatchCommand::onPresence);
    connect(m_presence, &Sip::PresenceService::subscriptionChanged, this, &WatchCommand::onSubscription);
}

WatchCommand::~WatchCommand() = default;

void WatchCommand::addOptions(QCommandLineParser &parser)
{
    LineOptions::addTo(parser);
    parser.addOption({QStringLiteral("buddy"), QStringLiteral("Extensions (or addresses) to watch, comma-separated."),
                      QStringLiteral("EXT[,EXT...]")});
    parser.addOption({QStringLiteral("event"),
                      QStringLiteral("presence (default, PIDF) or dialog (busy lamp, dialog-info)."),
                      QStringLiteral("presence|dialog")});
    parser.addOption({QStringLiteral("duration"),
                      QStringLiteral("Watch this long, then un-subscribe and exit (default: until interrupted)."),
                      QStringLiteral("SECONDS")});
}

bool WatchCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!readLineOptions(parser, error))
        return false;
    for (const QString &buddy : parser.value(QStringLiteral("buddy")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = buddy.trimmed();
        if (!trimmed.isEmpty() && !m_buddies.contains(trimmed))
            m_buddies.append(trimmed);
    }
    if (m_buddies.isEmpty()) {
        *error = QStringLiteral("--buddy needs at least one extension to watch");
        return false;
    }
    if (parser.isSet(QStringLiteral("event"))) {
        m_package = Sip::eventPackageFromName(parser.value(QStringLiteral("event")));
        if (m_package == Sip::EventPackage::Invalid) {
            *error = QStringLiteral("--event must be presence or dialog");
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        m_durationSeconds = parser.value(QStringLiteral("duration")).toInt(&ok);
        if (!ok || m_durationSeconds < 1 || m_durationSeconds > 7 * 86400) {
            *error = QStringLiteral("--duration needs a number of seconds (1..604800)");
            return false;
        }
    }
    *usageError = false;
    if (!startEngine(true, error))
        return false;
    for (const QString &buddy : std::as_const(m_buddies)) {
        Sip::WatchedContact contact;
        contact.lineId = m_options.line.id;
        contact.contactId = buddy;
        contact.uri = buddy;
        contact.presence = m_package == Sip::EventPackage::Presence;
        contact.busyLamp = m_package == Sip::EventPackage::Dialog;
        m_presence->watch(contact);
    }
    registerLine(m_options.timeoutSeconds * 1000);
    return true;
}

void WatchCommand::onRegistration(const Sip::RegistrationEvent &event)
{
    if (m_finishing)
        return;
    if (event.state == Sip::RegistrationState::Registered) {
        if (!m_registered) {
            m_registered = true;
            m_exitCode = 0;
            m_deadline.stop();
            if (m_durationSeconds > 0)
                m_duration.start(m_durationSeconds * 1000);
        }
        return;
    }
    // Once up, a failing line is retried by the engine (and subscriptions follow it); before, it ends the run.
    if (!m_registered && Sip::isFailure(event.state)) {
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               Sip::Diagnosis::exitCode(event.failure));
    }
}

void WatchCommand::onPresence(const Sip::ContactPresenceEvent &event)
{
    if (m_finishing)
        return;
    QString line = QStringLiteral("PRESENCE %1 %2").arg(event.uri, Sip::presenceStatusName(event.status));
    if (!event.note.isEmpty())
        line += QLatin1Char(' ') + event.note;
    if (m_printed.value(event.contactId) == line)
        return;
    m_printed.insert(event.contactId, line);
    m_printer->printLine(line);
}

void WatchCommand::onSubscription(const Sip::SubscriptionEvent &event)
{
    if (m_finishing || event.state != Sip::SubscriptionState::Failed)
        return;
    m_printer->printLine(
        QStringLiteral("SUBSCRIPTION %1 %2 failed %3 %4: %5")
            .arg(event.uri, Sip::eventPackageName(event.package))
            .arg(event.statusCode)
            .arg(event.reasonPhrase.isEmpty() ? event.terminationReason : event.reasonPhrase, event.diagnosis));
    m_failed.insert(event.contactId, event.failure);
    if (m_failed.size() == m_buddies.size()) {
        // Nothing is left to watch.
        finish(QString(), Sip::Diagnosis::exitCode(event.failure == Sip::FailureKind::None ? Sip::FailureKind::Rejected
                                                                                           : event.failure));
    }
}

void WatchCommand::onDeadline()
{
    if (m_registered || m_finishing)
        return;
    finish(timeoutLine(m_options.timeoutSeconds), Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
}

void WatchCommand::stopTimers()
{
    m_duration.stop();
}

void WatchCommand::onExitSignal(int)
{
    finish(QString(), m_registered ? m_exitCode : 1);
}

} // namespace Cli
