// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/RegisterCommand.h"

#include "app/cli/LogPrinter.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QCoreApplication>

namespace Cli {

RegisterCommand::RegisterCommand(QObject *parent) : LineCommand(parent)
{
    m_hold.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &RegisterCommand::onDeadline);
    connect(&m_hold, &QTimer::timeout, this, [this] { m_engine->unregisterLine(m_options.line.id); });
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &RegisterCommand::onRegistration);
}

RegisterCommand::~RegisterCommand() = default;

bool RegisterCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!readLineOptions(parser, error) || !m_options.readCapture(parser, error))
        return false;
    *usageError = false;
    if (!startEngine(false, error))
        return false;
    registerLine(m_options.timeoutSeconds * 1000);
    return true;
}

void RegisterCommand::onRegistration(const Sip::RegistrationEvent &event)
{
    if (m_finishing && event.state != Sip::RegistrationState::Unregistered)
        return;
    switch (event.state) {
    case Sip::RegistrationState::Registered:
        if (!m_registered) {
            m_registered = true;
            printNat(event);
            m_expires = event.expiresSeconds;
            m_deadline.stop();
            m_resultLine = QStringLiteral("REGISTERED %1 expires=%2")
                               .arg(Sip::Address::addressOfRecord(m_options.line))
                               .arg(event.expiresSeconds);
            m_exitCode = 0;
            if (m_options.holdSeconds > 0)
                m_hold.start(m_options.holdSeconds * 1000);
            else
                m_engine->unregisterLine(m_options.line.id);
        }
        return;
    case Sip::RegistrationState::Unregistered:
        if (m_registered && !m_finishing)
            finish(m_resultLine, m_exitCode);
        return;
    default:
        break;
    }
    if (Sip::isFailure(event.state)) {
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               Sip::Diagnosis::exitCode(event.failure));
    }
}

void RegisterCommand::onDeadline()
{
    if (m_registered || m_finishing)
        return;
    finish(timeoutLine(m_options.timeoutSeconds), Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
}

void RegisterCommand::stopTimers()
{
    m_hold.stop();
}

} // namespace Cli
