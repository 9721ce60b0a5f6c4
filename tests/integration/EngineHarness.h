// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/LogEntry.h"
#include "sipcore/RegistrationState.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QList>
#include <QObject>
#include <memory>

namespace Test {

/// A real SipEngine with its log, recording every registration event, for engine-level tests.
class EngineHarness : public QObject
{
    Q_OBJECT
public:
    explicit EngineHarness(const Sip::EngineOptions &options = {});
    ~EngineHarness() override;

    Sip::SipEngine &engine() { return *m_engine; }
    Sip::SipLog &log() { return *m_log; }

    static Sip::LineConfig line(const QString &id, const QString &extension, const QString &server,
                                const QString &password, int expiresSeconds = 300);

    QList<Sip::RegistrationEvent> events(const QString &lineId) const;
    Sip::RegistrationState state(const QString &lineId) const;
    int count(const QString &lineId, Sip::RegistrationState state) const;
    /// Raw messages of one line in the log.
    QList<Sip::LogEntry> messages(const QString &lineId, Sip::LogEntry::Kind kind) const;
    /// Sent requests of this method for the line.
    QList<Sip::LogEntry> sentRequests(const QString &lineId, const QString &method) const;
    bool shutdownAndWait(int timeoutMs = 20000);

private:
    std::unique_ptr<Sip::SipLog> m_log;
    std::unique_ptr<Sip::SipEngine> m_engine;
    QList<Sip::RegistrationEvent> m_events;
};

} // namespace Test
