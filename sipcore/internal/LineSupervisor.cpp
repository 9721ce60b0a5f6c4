// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/LineSupervisor.h"

#include "sipcore/Diagnosis.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/HostResolver.h"
#include "sipcore/internal/RegistrationAgent.h"
#include "sipcore/internal/TlsProbe.h"
#include "sipcore/internal/TlsTrustStore.h"

namespace Sip::Internal {

LineSupervisor::LineSupervisor(SipEngine &engine, const LineConfig &config, const EngineOptions &options)
    : QObject(&engine), m_engine(engine), m_config(config), m_options(options), m_resolver(new HostResolver(this)),
      m_tlsProbe(new TlsProbe(this))
{
    m_retryTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LineSupervisor::startAttempt);
    connect(&m_deadline, &QTimer::timeout, this, &LineSupervisor::onDeadline);
    connect(m_resolver, &HostResolver::finished, this, &LineSupervisor::onResolved);
    connect(m_tlsProbe, &TlsProbe::finished, this, &LineSupervisor::onTlsChecked);
    m_last.lineId = config.id;
    m_last.state = RegistrationState::Unregistered;
}

LineSupervisor::~LineSupervisor() = default;

int LineSupervisor::backoffSeconds(int retry)
{
    static const int steps[] = {5, 10, 20, 40, 60, 120, 300};
    const int index = qBound(0, retry - 1, int(std::size(steps)) - 1);
    return steps[index];
}

bool LineSupervisor::isRetryable(const RegistrationEvent &event)
{
    switch (event.state) {
    case RegistrationState::TimedOut:
    case RegistrationState::NetworkFailed:
        return true;
    case RegistrationState::Rejected:
        // Server trouble heals; a refused extension does not.
        return event.statusCode >= 500 && event.statusCode < 600;
    default:
        return false;
    }
}

void LineSupervisor::registerNow()
{
    m_wanted = true;
    m_retries = 0;
    m_retryTimer.stop();
    startAttempt();
}

void LineSupervisor::unregister()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_deadline.stop();
    m_resolver->cancel();
    m_tlsProbe->cancel();
    const QString lineId = m_config.id;
    m_engine.postToRegistrations([lineId](RegistrationAgent &agent) { agent.stop(lineId); });
}

void LineSupervisor::retryIfWaiting()
{
    if (m_wanted && m_retryTimer.isActive()) {
        m_retryTimer.stop();
        m_engine.log()->appendStep(m_config.id, QStringLiteral("Network is back: retrying now"));
        startAttempt();
    }
}

void LineSupervisor::startAttempt()
{
    if (!m_wanted)
        return;
    ++m_attempt;
    const QStringList problems = m_config.validate();
    if (!problems.isEmpty()) {
        RegistrationEvent event;
        event.state = RegistrationState::Rejected;
        event.failure = FailureKind::Other;
        event.diagnosis = problems.join(QLatin1Char(' '));
        m_engine.log()->appendStep(m_config.id, QStringLiteral("Line settings are not usable: %1").arg(event.diagnosis),
                                   LogEntry::Kind::Error);
        publish(event);
        return;
    }
    const HostPort hop = HostPort::parse(m_config.outboundProxy.isEmpty() ? m_config.server : m_config.outboundProxy);
    quint16 port = hop.port;
    if (m_config.outboundProxy.isEmpty() && m_config.port != 0)
        port = m_config.port;
    RegistrationEvent resolving;
    resolving.state = RegistrationState::Resolving;
    publish(resolving);
    if (!hop.isIpLiteral())
        m_engine.log()->appendStep(m_config.id, QStringLiteral("Looking up %1").arg(hop.host));
    // Bound the whole attempt: DNS, the challenge round trip and a spare second.
    m_deadline.start(2 * m_options.transactionTimeoutMs + 8000);
    m_resolver->resolve(hop.host, port, m_config.transport);
}

void LineSupervisor::onResolved(const ResolvedTarget &target)
{
    if (!m_wanted)
        return;
    if (!target.ok) {
        failBeforeSending(QStringLiteral("DNS Error"),
                          QStringLiteral("The SIP server name could not be found (%1). Check the spelling of the "
                                         "part right of the @ and this computer's network/DNS settings.")
                              .arg(target.error),
                          QStringLiteral("DNS lookup failed: %1").arg(target.error));
        return;
    }
    if (!target.description.isEmpty() && !target.description.endsWith(QLatin1String("is an IP address")))
        m_engine.log()->appendStep(m_config.id, QStringLiteral("Resolved %1").arg(target.description));
    if (m_config.transport == Transport::Tls) {
        m_pendingTarget = target;
        const QString serverName =
            HostPort::parse(m_config.outboundProxy.isEmpty() ? m_config.server : m_config.outboundProxy).host;
        m_engine.log()->appendStep(m_config.id, QStringLiteral("Checking the TLS certificate of %1 at %2:%3")
                                                    .arg(serverName, target.address)
                                                    .arg(target.port));
        m_tlsProbe->start(serverName, target.address, target.port, m_engine.tlsTrust().certificates(),
                          qMin(m_options.transactionTimeoutMs, 10000));
        return;
    }
    startRegistration(target);
}

void LineSupervisor::onTlsChecked(const TlsProbeResult &result)
{
    if (!m_wanted)
        return;
    if (!result.ok) {
        failBeforeSending(result.reasonPhrase, result.diagnosis, result.summary);
        return;
    }
    m_engine.log()->appendStep(m_config.id, result.summary);
    startRegistration(m_pendingTarget);
}

void LineSupervisor::failBeforeSending(const QString &reasonPhrase, const QString &diagnosis, const QString &logText)
{
    m_deadline.stop();
    RegistrationEvent event;
    event.state = RegistrationState::NetworkFailed;
    event.failure = FailureKind::Network;
    event.statusCode = 503; // as Sofia reports transport failures
    event.reasonPhrase = reasonPhrase;
    event.diagnosis = diagnosis;
    m_engine.log()->appendStep(m_config.id, logText, LogEntry::Kind::Error);
    scheduleRetry(event);
    publish(event);
}

void LineSupervisor::startRegistration(const ResolvedTarget &target)
{
    RegistrationRequest request;
    request.attempt = m_attempt;
    request.registrarUri = Address::registrarUri(m_config).toUtf8();
    request.expires = QByteArray::number(m_config.expiresSeconds);
    request.peerDescription =
        QStringLiteral("%1:%2 (%3)")
            .arg(target.address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(target.address)
                                                           : target.address)
            .arg(target.port)
            .arg(transportName(m_config.transport));
    const QString bindHost = m_options.bindAddress.isEmpty()
                                 ? HostResolver::localAddressFor(target.address, target.port)
                                 : m_options.bindAddress;
    const QString lineId = m_config.id;
    LineContext context;
    context.lineId = lineId;
    context.addressOfRecord = Address::addressOfRecord(m_config).toUtf8();
    context.domainUri = QString(QStringLiteral("sip:") + HostPort::parse(m_config.server).host).toUtf8();
    context.displayName = m_config.displayName.toUtf8();
    context.nextHopUri = Address::nextHopUri(target.address, target.port, m_config.transport).toUtf8();
    context.contactUser = Address::escapeUserPart(m_config.extension).toUtf8();
    context.instance = "<urn:uuid:" + m_config.instanceUuid().toUtf8() + ">";
    context.authUser = m_config.effectiveAuthUser();
    context.password = m_config.password;
    context.transport = m_config.transport;
    context.keepaliveSeconds = m_config.keepaliveSeconds;
    const bool tls = m_engine.usesTransport(Transport::Tls);
    m_engine.postToRegistrations(
        [context, request, bindHost, tls](RegistrationAgent &agent) { agent.start(context, request, bindHost, tls); });
}

void LineSupervisor::onDeadline()
{
    if (!m_wanted)
        return;
    const QString lineId = m_config.id;
    m_resolver->cancel();
    m_tlsProbe->cancel();
    m_engine.postToRegistrations([lineId](RegistrationAgent &agent) {
        agent.abort(lineId, QStringLiteral("No final answer in time; giving up this attempt"));
    });
    RegistrationEvent event;
    event.state = RegistrationState::TimedOut;
    event.failure = FailureKind::Timeout;
    event.statusCode = 408;
    event.reasonPhrase = QStringLiteral("Request Timeout");
    event.diagnosis = Diagnosis::explain(408, event.reasonPhrase);
    ++m_attempt; // late events of the abandoned attempt are ignored
    scheduleRetry(event);
    publish(event);
}

void LineSupervisor::onEngineEvent(quint64 attempt, const RegistrationEvent &incoming)
{
    if (attempt != m_attempt)
        return; // from an attempt that was replaced or abandoned
    RegistrationEvent event = incoming;
    switch (event.state) {
    case RegistrationState::Registered:
        m_deadline.stop();
        m_retries = 0;
        break;
    case RegistrationState::Unregistered:
        m_deadline.stop();
        break;
    default:
        if (isFailure(event.state)) {
            m_deadline.stop();
            scheduleRetry(event);
        }
        break;
    }
    publish(event);
}

void LineSupervisor::scheduleRetry(RegistrationEvent &event)
{
    if (!m_wanted || !m_options.retryFailedRegistrations || !isRetryable(event))
        return;
    ++m_retries;
    const int seconds = backoffSeconds(m_retries);
    event.retryInSeconds = seconds;
    m_engine.log()->appendStep(m_config.id, QStringLiteral("Retrying registration in %1 s").arg(seconds));
    m_retryTimer.start(seconds * 1000);
}

void LineSupervisor::publish(RegistrationEvent event)
{
    event.lineId = m_config.id;
    if (event.timestamp.isNull())
        event.timestamp = QDateTime::currentDateTimeUtc();
    m_last = event;
    m_engine.publish(event);
}

} // namespace Sip::Internal
