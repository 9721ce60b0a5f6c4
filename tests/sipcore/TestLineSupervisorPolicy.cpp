// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/LineSupervisor.h"

#include <QTest>

using namespace Sip;
using Sip::Internal::LineSupervisor;

class TestLineSupervisorPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffGrowsAndCaps();
    void retryOnlyWhatHeals_data();
    void retryOnlyWhatHeals();
};

void TestLineSupervisorPolicy::backoffGrowsAndCaps()
{
    int previous = 0;
    for (int retry = 1; retry <= 7; ++retry) {
        const int seconds = LineSupervisor::backoffSeconds(retry);
        QVERIFY(seconds > previous);
        previous = seconds;
    }
    QCOMPARE(LineSupervisor::backoffSeconds(1), 5);
    QCOMPARE(LineSupervisor::backoffSeconds(100), 300);
}

void TestLineSupervisorPolicy::retryOnlyWhatHeals_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("retry");
    QTest::newRow("timeout") << int(RegistrationState::TimedOut) << 408 << true;
    QTest::newRow("network") << int(RegistrationState::NetworkFailed) << 503 << true;
    QTest::newRow("server 503") << int(RegistrationState::Rejected) << 503 << true;
    QTest::newRow("server 500") << int(RegistrationState::Rejected) << 500 << true;
    QTest::newRow("auth") << int(RegistrationState::AuthFailed) << 401 << false;
    QTest::newRow("forbidden") << int(RegistrationState::Rejected) << 403 << false;
    QTest::newRow("not found") << int(RegistrationState::Rejected) << 404 << false;
    QTest::newRow("decline") << int(RegistrationState::Rejected) << 603 << false;
    QTest::newRow("registered") << int(RegistrationState::Registered) << 200 << false;
}

void TestLineSupervisorPolicy::retryOnlyWhatHeals()
{
    QFETCH(int, state);
    QFETCH(int, code);
    QFETCH(bool, retry);
    RegistrationEvent event;
    event.state = RegistrationState(state);
    event.statusCode = code;
    QCOMPARE(LineSupervisor::isRetryable(event), retry);
}

QTEST_GUILESS_MAIN(TestLineSupervisorPolicy)
#include "TestLineSupervisorPolicy.moc"
