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

RegisterCommand::RegisterCommand(QObject *parent)
    : Command(parent)
    , m_log(new Sip::SipLog(this))
    , m_engine(new Sip::SipEngine(m_log, this))
    , m_printer(new LogPrinter(m_log, this))
{
    m_log->setFlushInterval(20);
    m_deadline.setSingleShot(true);
    m_hold.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &RegisterCommand::onDeadline);
    connect(&m_hold, &QTimer::timeout, this, [this] { m_engine->unregisterLine(m_options.line.id); });
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &RegisterCommand::onRegistration);
    connect(m_engine, &Sip::SipEngine::shutdownFinished, this, &RegisterCommand::onShutdownFinished);
}

RegisterCommand::~RegisterCommand() = default;

bool RegisterCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return false;
    }
    if (!m_options.read(parser, error))
        return false;
    *usageError = false;
    if (!m_options.logFile.isEmpty() && !m_printer->openFile(m_options.logFile, error))
        return false;
    Sip::EngineOptions engineOptions = m_options.engineOptions();
    engineOptions.retryFailedRegistrations = false; // one attempt
    if (!m_engine->start(engineOptions)) {
        *error = QStringLiteral("the SIP engine could not start");
        return false;
    }
    m_deadline.start(m_options.timeoutSeconds * 1000);
    m_engine->addLine(m_options.line);
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
        const QString line = QStringLiteral("FAILED %1 %2: %3")
                                 .arg(event.statusCode)
                                 .arg(event.reasonPhrase.isEmpty() ? QStringLiteral("Error") : event.reasonPhrase,
                                      event.diagnosis);
        finish(line, Sip::Diagnosis::exitCode(event.failure));
    }
}

void RegisterCommand::onDeadline()
{
    if (m_registered || m_finishing)
        return;
    finish(QStringLiteral("FAILED 408 Request Timeout: %1 (no result within %2 s)")
               .arg(Sip::Diagnosis::explain(408, QString()))
               .arg(m_options.timeoutSeconds),
           Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
}

void RegisterCommand::finish(const QString &resultLine, int exitCode)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_deadline.stop();
    m_hold.stop();
    m_resultLine = resultLine;
    m_exitCode = exitCode;
    m_engine->shutdown();
}

void RegisterCommand::onShutdownFinished()
{
    m_printer->finish(m_resultLine);
    QCoreApplication::exit(m_exitCode);
}

} // namespace Cli
