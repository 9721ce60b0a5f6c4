// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/BindingsCommand.h"

#include "app/cli/LogPrinter.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/SipEngine.h"

namespace Cli {

BindingsCommand::BindingsCommand(QObject *parent) : LineCommand(parent)
{
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(timeoutLine(m_options.timeoutSeconds), Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
    });
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &BindingsCommand::onRegistration);
    connect(m_engine, &Sip::SipEngine::bindingsListed, this, &BindingsCommand::onBindings);
}

void BindingsCommand::addOptions(QCommandLineParser &parser)
{
    LineOptions::addTo(parser);
    parser.addOption(
        {QStringLiteral("remove"),
         QStringLiteral("Remove this binding of the extension (a Contact URI as listed), then list again."),
         QStringLiteral("CONTACT")});
    parser.addOption({QStringLiteral("remove-others"),
                      QStringLiteral("Remove every binding of the extension but this one, then list again.")});
}

bool BindingsCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!readLineOptions(parser, error))
        return false;
    m_remove = parser.value(QStringLiteral("remove")).trimmed();
    m_removeOthers = parser.isSet(QStringLiteral("remove-others"));
    if (!m_remove.isEmpty() && m_removeOthers) {
        *error = QStringLiteral("--remove and --remove-others exclude each other");
        return false;
    }
    *usageError = false;
    if (!startEngine(false, error))
        return false;
    registerLine(m_options.timeoutSeconds * 1000);
    return true;
}

void BindingsCommand::onRegistration(const Sip::RegistrationEvent &event)
{
    if (m_finishing)
        return;
    if (event.state == Sip::RegistrationState::Registered && !m_registered) {
        m_registered = true;
        QStringList others;
        for (const Sip::RegistrationBinding &binding : event.bindings) {
            if (!binding.self)
                others << binding.contact;
        }
        if (m_removeOthers && others.isEmpty()) {
            print(event.bindings);
            finish(QStringLiteral("BINDINGS %1 (no other binding to remove)").arg(event.bindings.size()), 0);
        } else if (m_removeOthers) {
            print(event.bindings);
            m_engine->removeBindings(m_options.line.id, others);
        } else if (!m_remove.isEmpty()) {
            print(event.bindings);
            m_engine->removeBindings(m_options.line.id, {m_remove});
        } else {
            m_engine->queryBindings(m_options.line.id);
        }
        return;
    }
    if (Sip::isFailure(event.state))
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               Sip::Diagnosis::exitCode(event.failure));
}

void BindingsCommand::onBindings(const Sip::BindingsEvent &event)
{
    if (m_finishing)
        return;
    m_deadline.stop();
    if (!event.ok) {
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               event.statusCode == 401 || event.statusCode == 407 ? 3 : 4);
        return;
    }
    print(event.bindings);
    finish(event.removed.isEmpty()
               ? QStringLiteral("BINDINGS %1").arg(event.bindings.size())
               : QStringLiteral("BINDINGS %1 (removed %2)").arg(event.bindings.size()).arg(event.removed.size()),
           0);
}

void BindingsCommand::print(const QList<Sip::RegistrationBinding> &bindings)
{
    for (const Sip::RegistrationBinding &binding : bindings)
        m_printer->printLine(QStringLiteral("BINDING %1 expires=%2%3%4")
                                 .arg(binding.contact)
                                 .arg(binding.expiresSeconds)
                                 .arg(binding.q.isEmpty() ? QString() : QStringLiteral(" q=%1").arg(binding.q),
                                      binding.self ? QStringLiteral(" self") : QString()));
}

} // namespace Cli
