// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SipEngine.h"

#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/LineSupervisor.h"
#include "sipcore/internal/RegistrationAgent.h"
#include "sipcore/internal/ReportChannel.h"
#include "sipcore/internal/ThreadCheck.h"
#include "sipcore/internal/TlsTrustStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkInformation>
#include <QThread>
#include <atomic>
#include <memory>

namespace Sip {

using Internal::LineSupervisor;

SipEngine::SipEngine(SipLog *log, QObject *parent) : QObject(parent), m_log(log)
{
    qRegisterMetaType<Sip::RegistrationEvent>();
    qRegisterMetaType<Sip::LineConfig>();
    qRegisterMetaType<Sip::BindingsEvent>();
}

SipEngine::~SipEngine()
{
    OFFHOOK_ON_OWNER_THREAD();
    if (m_registrationReports)
        m_registrationReports->detach();
    if (m_thread) {
        auto done = std::make_shared<std::atomic_bool>(false);
        m_thread->requestShutdown([done] { done->store(true); });
        m_thread->join();
        m_thread.reset();
    }
}

bool SipEngine::start(const EngineOptions &options)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (m_thread)
        return true;
    m_options = options;
    m_shuttingDown = false;
    m_tlsTrust = std::make_unique<Internal::TlsTrustStore>();
    QString trustError;
    if (!m_tlsTrust->prepare(options.caCertificatesFile, &trustError))
        m_log->appendStep(QString(), QStringLiteral("TLS trust store: %1").arg(trustError), LogEntry::Kind::Error);
    m_thread = std::make_unique<Internal::EngineThread>(m_log, options);
    m_thread->setCertificateDirectory(m_tlsTrust->directory());
    QString error;
    if (!m_thread->start(&error)) {
        m_thread.reset();
        Q_EMIT engineFailed(error);
        return false;
    }
    if (m_registrationReports)
        m_registrationReports->detach();
    m_registrationReports = std::make_shared<Internal::ReportChannel<SipEngine>>(this);
    auto agent = std::make_shared<Internal::RegistrationAgent>(*m_thread, m_registrationReports);
    m_registrations = agent;
    m_thread->install(agent);
    if (options.watchNetwork &&
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability != QNetworkInformation::Reachability::Online)
                        return;
                    for (LineSupervisor *line : std::as_const(m_lines))
                        line->retryIfWaiting();
                });
    }
    Q_EMIT engineStarted();
    return true;
}

bool SipEngine::usesTransport(Transport transport) const
{
    for (const Internal::LineSupervisor *line : m_lines) {
        if (line->config().enabled && line->config().transport == transport)
            return true;
    }
    return false;
}

void SipEngine::shutdown()
{
    OFFHOOK_ON_OWNER_THREAD();
    if (!m_thread) {
        QMetaObject::invokeMethod(this, &SipEngine::shutdownFinished, Qt::QueuedConnection);
        return;
    }
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_thread->requestShutdown([channel = m_registrationReports] {
        // Engine thread, at its very end: finish on the façade's thread.
        channel->deliver([](SipEngine &engine) { engine.onEngineStopped(); });
    });
}

void SipEngine::onEngineStopped()
{
    OFFHOOK_ON_OWNER_THREAD();
    if (!m_thread)
        return;
    m_thread->join();
    m_thread.reset();
    for (LineSupervisor *line : std::as_const(m_lines)) {
        RegistrationEvent event = line->lastEvent();
        if (event.state != RegistrationState::Unregistered && !isFailure(event.state)) {
            event.state = RegistrationState::Unregistered;
            event.retryInSeconds = 0;
            event.timestamp = QDateTime::currentDateTimeUtc();
            publish(event);
        }
    }
    Q_EMIT shutdownFinished();
}

bool SipEngine::isRunning() const
{
    return m_thread != nullptr && !m_shuttingDown;
}

void SipEngine::addLine(const LineConfig &line)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (m_lines.contains(line.id)) {
        updateLine(line);
        return;
    }
    if (!m_thread)
        start(m_options);
    if (!m_thread)
        return;
    auto *supervisor = new LineSupervisor(*this, line, m_options);
    m_lines.insert(line.id, supervisor);
    if (line.enabled)
        supervisor->registerNow();
}

void SipEngine::updateLine(const LineConfig &line)
{
    OFFHOOK_ON_OWNER_THREAD();
    LineSupervisor *supervisor = m_lines.value(line.id);
    if (!supervisor) {
        addLine(line);
        return;
    }
    const bool wasActive = supervisor->lastEvent().state != RegistrationState::Unregistered;
    if (wasActive)
        supervisor->unregister();
    supervisor->setConfig(line);
    if (line.enabled) {
        // Let the un-REGISTER of the old binding go out first; commands run in order on the engine thread.
        supervisor->registerNow();
    }
}

void SipEngine::removeLine(const QString &lineId)
{
    OFFHOOK_ON_OWNER_THREAD();
    LineSupervisor *supervisor = m_lines.take(lineId);
    if (!supervisor)
        return;
    supervisor->unregister();
    postToRegistrations([lineId](Internal::RegistrationAgent &agent) { agent.forget(lineId); });
    supervisor->deleteLater();
    Q_EMIT lineRemoved(lineId);
}

void SipEngine::registerLine(const QString &lineId)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (LineSupervisor *supervisor = m_lines.value(lineId))
        supervisor->registerNow();
}

void SipEngine::unregisterLine(const QString &lineId)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (LineSupervisor *supervisor = m_lines.value(lineId))
        supervisor->unregister();
}

void SipEngine::queryBindings(const QString &lineId)
{
    OFFHOOK_ON_OWNER_THREAD();
    postToRegistrations([lineId](Internal::RegistrationAgent &agent) { agent.queryBindings(lineId); });
}

void SipEngine::removeBindings(const QString &lineId, const QStringList &contacts)
{
    OFFHOOK_ON_OWNER_THREAD();
    postToRegistrations(
        [lineId, contacts](Internal::RegistrationAgent &agent) { agent.removeBindings(lineId, contacts); });
}

QList<LineConfig> SipEngine::lines() const
{
    QList<LineConfig> result;
    for (const LineSupervisor *line : m_lines)
        result.append(line->config());
    return result;
}

RegistrationEvent SipEngine::lastEvent(const QString &lineId) const
{
    const LineSupervisor *line = m_lines.value(lineId);
    return line ? line->lastEvent() : RegistrationEvent{};
}

void SipEngine::publish(const RegistrationEvent &event)
{
    Q_EMIT registrationChanged(event);
}

void SipEngine::onRegistrationReport(const QString &lineId, quint64 attempt, const RegistrationEvent &event)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (LineSupervisor *line = m_lines.value(lineId))
        line->onEngineEvent(attempt, event);
}

void SipEngine::postToRegistrations(std::function<void(Internal::RegistrationAgent &)> command)
{
    OFFHOOK_ON_OWNER_THREAD();
    if (!m_thread)
        return;
    // Thread hop: the command runs on the engine thread, if the agent still lives there.
    m_thread->post([weak = m_registrations, command = std::move(command)] {
        if (const std::shared_ptr<Internal::RegistrationAgent> agent = weak.lock())
            command(*agent);
    });
}

} // namespace Sip
