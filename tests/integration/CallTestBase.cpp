// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/integration/CallTestBase.h"

#include "app/calls/CallMedia.h"
#include "audio/devices/NullBackend.h"
#include "sipcore/CallService.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/FreePort.h"
#include "tests/support/SippProcess.h"

#include <QDeadlineTimer>
#include <QTest>

namespace Test {

CallTestBase::CallTestBase() = default;

CallTestBase::~CallTestBase() = default;

bool CallTestBase::startKamailio()
{
    KamailioServer::Options options;
    options.presence = false;
    if (!m_kamailio.start(options)) {
        qWarning("%s", qPrintable(m_kamailio.stderrText()));
        return false;
    }
    return true;
}

void CallTestBase::stopKamailio()
{
    m_kamailio.stop();
}

bool CallTestBase::setUpEngine(const QStringList &forgetExtensions, bool answerIncoming)
{
    m_events.clear();
    m_transfers.clear();
    for (const QString &extension : forgetExtensions)
        m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:") + extension});
    m_harness = std::make_unique<EngineHarness>();
    m_calls = std::make_unique<Sip::CallService>(m_harness->engine());
    App::CallMediaOptions options;
    options.rtpBindAddress = QStringLiteral("127.0.0.1");
    options.rtpTimeoutMs = 0; // sipp sends no RTP; tests that want the timeout turn it on
    m_media = std::make_unique<App::CallMedia>(
        *m_calls, [] { return std::make_unique<Audio::NullBackend>(); }, options);
    connect(m_calls.get(), &Sip::CallService::callChanged, this, [this, answerIncoming](const Sip::CallEvent &event) {
        m_events.append(event);
        if (answerIncoming && event.state == Sip::CallState::Incoming)
            m_media->answer(event.callId);
    });
    connect(m_calls.get(), &Sip::CallService::transferChanged, this,
            [this](const Sip::TransferEvent &event) { m_transfers.append(event); });
    m_harness->engine().addLine(EngineHarness::line(QStringLiteral("a"), QStringLiteral("1001"), m_kamailio.address(),
                                                    m_kamailio.password(QStringLiteral("1001"))));
    return QTest::qWaitFor(
        [this] { return m_harness->state(QStringLiteral("a")) == Sip::RegistrationState::Registered; }, 10000);
}

void CallTestBase::tearDownEngine()
{
    if (QTest::currentTestFailed() && m_harness) {
        // The engine's own account of what happened, for the failure report.
        for (const Sip::LogEntry &entry : m_harness->log().snapshot())
            qInfo("%s", qPrintable(entry.format(true)));
    }
    m_media.reset();
    m_calls.reset();
    m_harness.reset();
}

bool CallTestBase::startSippAs(const QString &extension, const QString &scenario, SippProcess &sipp,
                               const QMap<QString, QString> &keys)
{
    // The port is free when picked, then bound in turn by the registering sipp and by the scenario:
    // another test on the machine may take it in between. Only then is another port tried.
    const auto portTaken = [](const SippProcess &process) {
        return process.errorText().contains(QLatin1String("Address already in use"));
    };
    for (int attempt = 0; attempt < 3; ++attempt) {
        const quint16 port = FreePort::pick();
        SippProcess registrar;
        SippProcess::Options options;
        options.port = port;
        options.service = extension;
        options.authUser = extension;
        options.authPassword = m_kamailio.password(extension);
        options.timeoutSeconds = 20;
        if (!registrar.startClient(QStringLiteral("uac_register_auth.xml"), m_kamailio.address(), options) ||
            !registrar.waitFinished(30000) || registrar.exitCode() != 0) {
            qWarning("%s", qPrintable(registrar.errorText()));
            if (portTaken(registrar))
                continue;
            return false;
        }
        SippProcess::Options serverOptions;
        serverOptions.port = port;
        serverOptions.timeoutSeconds = m_sippTimeoutSeconds;
        serverOptions.keys = keys;
        if (!sipp.startServer(scenario, serverOptions)) {
            qWarning("%s", qPrintable(sipp.errorText()));
            if (!portTaken(sipp))
                return false;
            // The registrar must not keep routing the extension to the port that was lost.
            m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:") + extension});
            continue;
        }
        return true;
    }
    return false;
}

bool CallTestBase::startSippCaller(const QString &scenario, SippProcess &caller, const QString &extension,
                                   const QString &target)
{
    SippProcess::Options options;
    options.service = extension;
    options.authUser = extension;
    options.authPassword = m_kamailio.password(extension);
    options.keys.insert(QStringLiteral("target"), target);
    options.timeoutSeconds = m_sippTimeoutSeconds;
    if (!caller.startClient(scenario, m_kamailio.address(), options)) {
        qWarning("%s", qPrintable(caller.errorText()));
        return false;
    }
    return true;
}

QList<Sip::CallState> CallTestBase::states(const QString &callId) const
{
    QList<Sip::CallState> result;
    for (const Sip::CallEvent &event : m_events) {
        if (event.callId == callId)
            result.append(event.state);
    }
    return result;
}

bool CallTestBase::waitForState(const QString &callId, Sip::CallState state, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!states(callId).contains(state) && !deadline.hasExpired())
        QTest::qWait(20);
    return states(callId).contains(state);
}

Sip::CallEvent CallTestBase::last(const QString &callId) const
{
    for (qsizetype i = m_events.size() - 1; i >= 0; --i) {
        if (m_events.at(i).callId == callId)
            return m_events.at(i);
    }
    return {};
}

} // namespace Test
