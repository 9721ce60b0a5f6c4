// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/LineCommand.h"

#include "app/cli/LogPrinter.h"
#include "app/core/ExitSignals.h"
#include "app/core/LogExport.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QCoreApplication>
#include <cstdio>

namespace Cli {

LineCommand::LineCommand(QObject *parent)
    : Command(parent), m_log(new Sip::SipLog(this)), m_engine(new Sip::SipEngine(m_log, this)),
      m_printer(new LogPrinter(m_log, this)), m_exitSignals(new Core::ExitSignals(this))
{
    m_log->setFlushInterval(20);
    connect(m_exitSignals, &Core::ExitSignals::received, this, [this](int signalNumber) {
        if (m_finishing)
            return;
        m_log->appendStep(m_options.line.id,
                          QStringLiteral("%1 received: ending cleanly (hang up, un-SUBSCRIBE, un-REGISTER); a second "
                                         "signal exits at once")
                              .arg(Core::ExitSignals::name(signalNumber)));
        onExitSignal(signalNumber);
    });
    m_deadline.setSingleShot(true);
    connect(m_engine, &Sip::SipEngine::shutdownFinished, this, &LineCommand::onShutdownFinished);
}

LineCommand::~LineCommand() = default;

bool LineCommand::readLineOptions(const QCommandLineParser &parser, QString *error)
{
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return false;
    }
    return m_options.read(parser, error);
}

bool LineCommand::startEngine(bool retryFailedRegistrations, QString *error)
{
    if (!m_options.logFile.isEmpty() && !m_printer->openFile(m_options.logFile, error))
        return false;
    Sip::EngineOptions engineOptions = m_options.engineOptions();
    engineOptions.retryFailedRegistrations = retryFailedRegistrations;
    if (!m_engine->start(engineOptions)) {
        *error = QStringLiteral("the SIP engine could not start");
        return false;
    }
    return true;
}

void LineCommand::registerLine(int deadlineMs)
{
    m_deadline.start(deadlineMs);
    m_engine->addLine(m_options.line);
}

void LineCommand::onExitSignal(int signalNumber)
{
    if (!m_resultLine.isEmpty()) {
        finish(m_resultLine, m_exitCode);
        return;
    }
    finish(
        QStringLiteral("FAILED 0 Interrupted: %1 arrived before a result").arg(Core::ExitSignals::name(signalNumber)),
        1);
}

void LineCommand::finish(const QString &resultLine, int exitCode)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_deadline.stop();
    stopTimers();
    m_resultLine = resultLine;
    m_exitCode = exitCode;
    m_engine->shutdown(); // un-SUBSCRIBE and un-PUBLISH (presence's shutdown hook), then un-REGISTER
}

void LineCommand::printNat(const Sip::RegistrationEvent &event)
{
    if (m_natPrinted || event.publicAddress.isEmpty())
        return;
    m_natPrinted = true;
    m_printer->printLine(QStringLiteral("NAT public=%1 local=%2 keepalive=%3")
                             .arg(event.publicAddress, event.localAddress)
                             .arg(m_options.line.keepaliveSeconds));
}

QString LineCommand::failureLine(int statusCode, const QString &reasonPhrase, const QString &diagnosis)
{
    return QStringLiteral("FAILED %1 %2: %3")
        .arg(statusCode)
        .arg(reasonPhrase.isEmpty() ? QStringLiteral("Error") : reasonPhrase, diagnosis);
}

QString LineCommand::timeoutLine(int seconds)
{
    return QStringLiteral("FAILED 408 Request Timeout: %1 (no result within %2 s)")
        .arg(Sip::Diagnosis::explain(408, QString()))
        .arg(seconds);
}

void LineCommand::onShutdownFinished()
{
    m_printer->finish(m_resultLine);
    QString error;
    if (!saveCapture(&error)) {
        fprintf(stderr, "offhook-cli: cannot write the capture %s: %s\n", qPrintable(m_options.pcapngFile),
                qPrintable(error));
        if (m_exitCode == 0)
            m_exitCode = 1;
    }
    QCoreApplication::exit(m_exitCode);
}

bool LineCommand::saveCapture(QString *error) const
{
    if (m_options.pcapngFile.isEmpty())
        return true;
    // After shutdown, so the un-REGISTER is in; the log holds far more than one run's messages.
    return Gui::LogExport::savePcapng(m_options.pcapngFile, m_log->snapshot(), m_options.maskCapture, error);
}

} // namespace Cli
