// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/integration/EngineHarness.h"

#include <QSignalSpy>
#include <QTest>

namespace Test {

EngineHarness::EngineHarness(const Sip::EngineOptions &options)
    : m_log(std::make_unique<Sip::SipLog>()), m_engine(std::make_unique<Sip::SipEngine>(m_log.get()))
{
    m_log->setFlushInterval(10);
    connect(m_engine.get(), &Sip::SipEngine::registrationChanged, this,
            [this](const Sip::RegistrationEvent &event) { m_events.append(event); });
    m_engine->start(options);
}

EngineHarness::~EngineHarness()
{
    shutdownAndWait();
}

Sip::LineConfig EngineHarness::line(const QString &id, const QString &extension, const QString &server,
                                    const QString &password, int expiresSeconds)
{
    Sip::LineConfig config;
    config.id = id;
    config.extension = extension;
    config.server = server;
    config.password = password;
    config.expiresSeconds = expiresSeconds;
    return config;
}

QList<Sip::RegistrationEvent> EngineHarness::events(const QString &lineId) const
{
    QList<Sip::RegistrationEvent> result;
    for (const Sip::RegistrationEvent &event : m_events) {
        if (event.lineId == lineId)
            result.append(event);
    }
    return result;
}

Sip::RegistrationState EngineHarness::state(const QString &lineId) const
{
    const QList<Sip::RegistrationEvent> all = events(lineId);
    return all.isEmpty() ? Sip::RegistrationState::Invalid : all.constLast().state;
}

int EngineHarness::count(const QString &lineId, Sip::RegistrationState state) const
{
    int n = 0;
    for (const Sip::RegistrationEvent &event : events(lineId))
        n += event.state == state ? 1 : 0;
    return n;
}

QList<Sip::LogEntry> EngineHarness::messages(const QString &lineId, Sip::LogEntry::Kind kind) const
{
    QList<Sip::LogEntry> result;
    for (const Sip::LogEntry &entry : m_log->snapshot()) {
        if (entry.kind == kind && entry.lineId == lineId)
            result.append(entry);
    }
    return result;
}

QList<Sip::LogEntry> EngineHarness::sentRequests(const QString &lineId, const QString &method) const
{
    QList<Sip::LogEntry> result;
    for (const Sip::LogEntry &entry : messages(lineId, Sip::LogEntry::Kind::Sent)) {
        if (entry.methodOrStatus() == method)
            result.append(entry);
    }
    return result;
}

bool EngineHarness::shutdownAndWait(int timeoutMs)
{
    if (!m_engine || !m_engine->isRunning())
        return true;
    QSignalSpy finished(m_engine.get(), &Sip::SipEngine::shutdownFinished);
    m_engine->shutdown();
    return finished.wait(timeoutMs) || finished.count() > 0;
}

} // namespace Test
