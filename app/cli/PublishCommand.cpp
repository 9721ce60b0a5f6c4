// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/PublishCommand.h"

#include "app/cli/LogPrinter.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QCoreApplication>

namespace Cli {

PublishCommand::PublishCommand(QObject *parent)
    : LineCommand(parent), m_presence(new Sip::PresenceService(m_engine, {}, this))
{
    m_hold.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &PublishCommand::onDeadline);
    connect(&m_hold, &QTimer::timeout, this, [this] { finish(m_resultLine, m_exitCode); });
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &PublishCommand::onRegistration);
    connect(m_presence, &Sip::PresenceService::publicationChanged, this, &PublishCommand::onPublication);
}

PublishCommand::~PublishCommand() = default;

void PublishCommand::addOptions(QCommandLineParser &parser)
{
    LineOptions::addTo(parser);
    parser.addOption({QStringLiteral("status"), QStringLiteral("The status to publish."),
                      QStringLiteral("available|away|busy|dnd|offline")});
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("Free text others see next to the status."), QStringLiteral("TEXT")});
}

bool PublishCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!readLineOptions(parser, error))
        return false;
    if (!parser.isSet(QStringLiteral("status"))) {
        *error = QStringLiteral("--status is required (available, away, busy, dnd or offline)");
        return false;
    }
    m_status = Sip::ownStatusFromName(parser.value(QStringLiteral("status")));
    if (m_status == Sip::OwnStatus::Invalid) {
        *error = QStringLiteral("--status must be available, away, busy, dnd or offline");
        return false;
    }
    m_note = parser.value(QStringLiteral("note"));
    *usageError = false;
    if (!startEngine(false, error))
        return false;
    m_presence->setOwnStatus(m_options.line.id, m_status, m_note);
    // Bounds registration plus the PUBLISH with its challenge.
    registerLine(m_options.timeoutSeconds * 1000 * 2);
    return true;
}

void PublishCommand::onRegistration(const Sip::RegistrationEvent &event)
{
    if (m_finishing || !Sip::isFailure(event.state))
        return;
    finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis), Sip::Diagnosis::exitCode(event.failure));
}

void PublishCommand::onPublication(const Sip::PublicationEvent &event)
{
    if (m_finishing)
        return;
    if (event.state == Sip::PublicationState::Published && !m_published) {
        m_published = true;
        m_deadline.stop();
        m_exitCode = 0;
        m_resultLine = QStringLiteral("PUBLISHED %1 %2 expires=%3")
                           .arg(Sip::Address::addressOfRecord(m_options.line), Sip::ownStatusName(event.status))
                           .arg(event.expiresSeconds);
        if (!event.note.isEmpty())
            m_resultLine += QLatin1Char(' ') + event.note;
        if (m_options.holdSeconds > 0) {
            m_printer->printLine(m_resultLine);
            m_resultLine.clear();
            m_hold.start(m_options.holdSeconds * 1000);
        } else {
            finish(m_resultLine, 0);
        }
        return;
    }
    if (event.state == Sip::PublicationState::Failed ||
        (!m_published && event.state == Sip::PublicationState::Retrying)) {
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               Sip::Diagnosis::exitCode(event.failure == Sip::FailureKind::None ? Sip::FailureKind::Rejected
                                                                                : event.failure));
    }
}

void PublishCommand::onDeadline()
{
    if (m_published || m_finishing)
        return;
    finish(timeoutLine(m_options.timeoutSeconds * 2), Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
}

void PublishCommand::stopTimers()
{
    m_hold.stop();
}

void PublishCommand::onExitSignal(int)
{
    finish(m_published ? m_resultLine : QStringLiteral("FAILED 0 Interrupted: stopped before the status was published"),
           m_published ? m_exitCode : 1);
}

} // namespace Cli
