// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/RegistrationTrace.h"

#include "tests/support/LogTraffic.h"
#include "app/core/LadderDiagram.h"

#include <QTest>

using Gui::RegistrationTrace;
using Gui::TraceStep;

class TestRegistrationTrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void successfulRegistration();
    void wrongPassword();
    void timeoutWithRetry();
    void onlyLastAttemptCounts();
    void ladder();
    void engineStyleText();

private:
    QDateTime m_start = QDateTime(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC);
};

void TestRegistrationTrace::successfulRegistration()
{
    Sip::RegistrationEvent event;
    event.lineId = QStringLiteral("l1");
    event.state = Sip::RegistrationState::Registered;
    const QList<TraceStep> steps =
        RegistrationTrace::build(LogTraffic::registration(QStringLiteral("l1"), m_start), QStringLiteral("l1"), event);
    QCOMPARE(RegistrationTrace::summary(steps),
             QStringLiteral("REGISTER sent → 401 challenge → REGISTER with digest → 200 OK"));
    QCOMPARE(steps[1].detail, QStringLiteral("realm \"127.0.0.1\", algorithm MD5"));
    QCOMPARE(steps[3].detail, QStringLiteral("registered, expires 300 s"));
    for (const TraceStep &step : steps)
        QCOMPARE(step.status, TraceStep::Status::Done);
}

void TestRegistrationTrace::wrongPassword()
{
    Sip::RegistrationEvent event;
    event.lineId = QStringLiteral("l1");
    event.state = Sip::RegistrationState::AuthFailed;
    event.statusCode = 401;
    const QList<TraceStep> steps = RegistrationTrace::build(
        LogTraffic::registration(QStringLiteral("l1"), m_start, 401), QStringLiteral("l1"), event);
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps.last().status, TraceStep::Status::Failed);
    QVERIFY(steps.last().title.contains(QStringLiteral("credentials rejected")));
    QVERIFY(steps[2].detail.contains(QStringLiteral("as 1001")));
}

void TestRegistrationTrace::timeoutWithRetry()
{
    QList<Sip::LogEntry> entries = LogTraffic::registration(QStringLiteral("l1"), m_start, 0).mid(0, 2);
    Sip::RegistrationEvent event;
    event.lineId = QStringLiteral("l1");
    event.state = Sip::RegistrationState::TimedOut;
    event.statusCode = 408;
    event.reasonPhrase = QStringLiteral("Request Timeout");
    event.retryInSeconds = 30;
    event.timestamp = m_start.addSecs(32);
    const QList<TraceStep> steps = RegistrationTrace::build(entries, QStringLiteral("l1"), event);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.last().status, TraceStep::Status::TimedOut);
    QCOMPARE(RegistrationTrace::retryText(event, m_start.addSecs(42)), QStringLiteral("Next try in 20 s."));
    event.retryInSeconds = 0;
    QVERIFY(RegistrationTrace::retryText(event, m_start).startsWith(QStringLiteral("No retry scheduled")));
}

void TestRegistrationTrace::onlyLastAttemptCounts()
{
    QList<Sip::LogEntry> entries = LogTraffic::registration(QStringLiteral("l1"), m_start, 403);
    entries += LogTraffic::registration(QStringLiteral("other"), m_start.addSecs(1));
    entries += LogTraffic::registration(QStringLiteral("l1"), m_start.addSecs(60));
    const QList<Sip::LogEntry> attempt = RegistrationTrace::lastAttempt(entries, QStringLiteral("l1"));
    QCOMPARE(attempt.size(), 5);
    QCOMPARE(attempt.first().timestamp, m_start.addSecs(60));
}

void TestRegistrationTrace::ladder()
{
    const Gui::LadderDiagram diagram =
        Gui::LadderDiagram::build(LogTraffic::registration(QStringLiteral("l1"), m_start));
    QCOMPARE(diagram.lanes, QStringList({QStringLiteral("Offhook"), QStringLiteral("127.0.0.1:5060")}));
    QCOMPARE(diagram.arrows.size(), 4);
    QCOMPARE(diagram.arrows[0].label, QStringLiteral("REGISTER"));
    QCOMPARE(diagram.arrows[0].from, 0);
    QCOMPARE(diagram.arrows[1].label, QStringLiteral("401 Unauthorized"));
    QCOMPARE(diagram.arrows[1].from, 1);
    QCOMPARE(diagram.arrows[2].label, QStringLiteral("REGISTER (with digest)"));
    QCOMPARE(diagram.arrows[3].offsetMs, 5);
}

void TestRegistrationTrace::engineStyleText()
{
    // The engine logs "REGISTER sip:…" and "401 Unauthorized" as text (no "SIP/2.0"); the raw message
    // is what tells a response from a request.
    QList<Sip::LogEntry> entries = LogTraffic::registration(QStringLiteral("l1"), m_start, 401);
    for (Sip::LogEntry &entry : entries) {
        if (entry.text.startsWith(QStringLiteral("SIP/2.0 ")))
            entry.text = entry.text.mid(8);
        else if (entry.text.endsWith(QStringLiteral(" SIP/2.0")))
            entry.text.chop(8);
    }
    Sip::RegistrationEvent event;
    event.lineId = QStringLiteral("l1");
    event.state = Sip::RegistrationState::AuthFailed;
    event.statusCode = 401;
    const QList<TraceStep> steps = RegistrationTrace::build(entries, QStringLiteral("l1"), event);
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps[0].title, QStringLiteral("REGISTER sent"));
    QCOMPARE(steps[1].title, QStringLiteral("401 challenge"));
    QCOMPARE(steps[2].title, QStringLiteral("REGISTER with digest"));
    QCOMPARE(steps[3].title, QStringLiteral("401 Unauthorized — credentials rejected"));
    QCOMPARE(steps[3].status, TraceStep::Status::Failed);

    const Gui::LadderDiagram diagram =
        Gui::LadderDiagram::build(RegistrationTrace::lastAttempt(entries, QStringLiteral("l1")));
    QCOMPARE(diagram.arrows.size(), 4);
    QCOMPARE(diagram.arrows[0].label, QStringLiteral("REGISTER"));
    QCOMPARE(diagram.arrows[1].label, QStringLiteral("401 Unauthorized"));
    QCOMPARE(diagram.arrows[2].label, QStringLiteral("REGISTER (with digest)"));
}

QTEST_GUILESS_MAIN(TestRegistrationTrace)
#include "TestRegistrationTrace.moc"
