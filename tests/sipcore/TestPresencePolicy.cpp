// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// What a subscription or publication does after it ended or failed (RFC 6665 4.1.3, back-off).
#include "sipcore/internal/PresencePolicy.h"

#include <QTest>

using namespace Sip;
using namespace Sip::Internal;

Q_DECLARE_METATYPE(Sip::Internal::PresencePolicy::Next)

class TestPresencePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesAndCaps();
    void termination_data();
    void termination();
    void repeatedTerminationBacksOff();
    void failure_data();
    void failure();
};

void TestPresencePolicy::backoffDoublesAndCaps()
{
    PresenceOptions options;
    options.firstRetrySeconds = 5;
    options.maxRetrySeconds = 300;
    QCOMPARE(PresencePolicy::backoffSeconds(1, options), 5);
    QCOMPARE(PresencePolicy::backoffSeconds(2, options), 10);
    QCOMPARE(PresencePolicy::backoffSeconds(3, options), 20);
    QCOMPARE(PresencePolicy::backoffSeconds(7, options), 300);
    QCOMPARE(PresencePolicy::backoffSeconds(1000, options), 300); // no overflow
    options.firstRetrySeconds = 0;                                // nonsense settings still never give a tight loop
    QVERIFY(PresencePolicy::backoffSeconds(1, options) >= 1);
}

void TestPresencePolicy::termination_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<PresencePolicy::Next>("next");
    QTest::addColumn<int>("delay");
    QTest::addColumn<FailureKind>("failure");
    using N = PresencePolicy::Next;
    QTest::newRow("deactivated: at once") << "deactivated" << -1 << N::Retry << 0 << FailureKind::None;
    QTest::newRow("timeout: at once") << "timeout" << -1 << N::Retry << 0 << FailureKind::None;
    QTest::newRow("TIMEOUT, any case") << " TimeOut " << -1 << N::Retry << 0 << FailureKind::None;
    QTest::newRow("rejected: stop") << "rejected" << -1 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("noresource: stop") << "noresource" << -1 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("invariant: stop") << "invariant" << -1 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("probation: retry-after") << "probation" << 45 << N::Retry << 45 << FailureKind::None;
    QTest::newRow("giveup: back-off") << "giveup" << -1 << N::Retry << 5 << FailureKind::None;
    QTest::newRow("no reason: back-off") << "" << -1 << N::Retry << 5 << FailureKind::None;
    QTest::newRow("unknown reason: back-off") << "weather" << -1 << N::Retry << 5 << FailureKind::None;
}

void TestPresencePolicy::termination()
{
    QFETCH(QString, reason);
    QFETCH(int, retryAfter);
    QFETCH(PresencePolicy::Next, next);
    QFETCH(int, delay);
    QFETCH(FailureKind, failure);
    const PresencePolicy::Decision decision = PresencePolicy::afterTermination(
        reason, retryAfter, 0, QStringLiteral("sip:1002@pbx"), EventPackage::Presence, PresenceOptions{});
    QCOMPARE(decision.next, next);
    QCOMPARE(decision.delaySeconds, delay);
    QCOMPARE(decision.failure, failure);
    QVERIFY(!decision.diagnosis.isEmpty());
    if (next == PresencePolicy::Next::Stop)
        QVERIFY2(decision.diagnosis.contains(QLatin1String("sip:1002@pbx")), qPrintable(decision.diagnosis));
}

void TestPresencePolicy::repeatedTerminationBacksOff()
{
    // A server that keeps ending the subscription "at once" gets slower and slower answers, never a loop.
    int previous = -1;
    for (int retries = 0; retries < 8; ++retries) {
        const PresencePolicy::Decision decision = PresencePolicy::afterTermination(
            QStringLiteral("timeout"), -1, retries, QStringLiteral("sip:x@y"), EventPackage::Dialog, PresenceOptions{});
        QCOMPARE(decision.next, PresencePolicy::Next::Retry);
        QVERIFY(decision.delaySeconds >= previous);
        previous = decision.delaySeconds;
    }
    QCOMPARE(previous, 300);
}

void TestPresencePolicy::failure_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<bool>("credentialsSent");
    QTest::addColumn<bool>("stackGenerated");
    QTest::addColumn<int>("retries");
    QTest::addColumn<PresencePolicy::Next>("next");
    QTest::addColumn<int>("delay");
    QTest::addColumn<FailureKind>("failure");
    using N = PresencePolicy::Next;
    QTest::newRow("401 after our digest")
        << 401 << -1 << true << false << 0 << N::Stop << 0 << FailureKind::Authentication;
    QTest::newRow("407 unanswerable") << 407 << -1 << false << false << 0 << N::Stop << 0
                                      << FailureKind::Authentication;
    QTest::newRow("408 from the stack") << 408 << -1 << false << true << 0 << N::Retry << 5 << FailureKind::Timeout;
    QTest::newRow("503 from the stack, 3rd retry")
        << 503 << -1 << false << true << 2 << N::Retry << 20 << FailureKind::Network;
    QTest::newRow("503 with Retry-After")
        << 503 << 120 << false << false << 0 << N::Retry << 120 << FailureKind::Rejected;
    QTest::newRow("500 from the server") << 500 << -1 << false << false << 1 << N::Retry << 10 << FailureKind::Rejected;
    QTest::newRow("481 first time: at once") << 481 << -1 << false << false << 0 << N::Retry << 0 << FailureKind::None;
    QTest::newRow("481 again: back-off") << 481 << -1 << false << false << 1 << N::Retry << 10 << FailureKind::None;
    QTest::newRow("403") << 403 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("404") << 404 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("489 bad event") << 489 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("415") << 415 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("302") << 302 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
    QTest::newRow("603") << 603 << -1 << false << false << 0 << N::Stop << 0 << FailureKind::Rejected;
}

void TestPresencePolicy::failure()
{
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(bool, credentialsSent);
    QFETCH(bool, stackGenerated);
    QFETCH(int, retries);
    QFETCH(PresencePolicy::Next, next);
    QFETCH(int, delay);
    QFETCH(FailureKind, failure);
    const PresencePolicy::Decision decision = PresencePolicy::afterFailure(
        QStringLiteral("SUBSCRIBE"), status, QStringLiteral("Phrase"), retryAfter, credentialsSent, stackGenerated,
        retries, QStringLiteral("sip:1002@pbx"), EventPackage::Presence, PresenceOptions{});
    QCOMPARE(decision.next, next);
    QCOMPARE(decision.delaySeconds, delay);
    QCOMPARE(decision.failure, failure);
    QVERIFY(!decision.diagnosis.isEmpty());
}

QTEST_GUILESS_MAIN(TestPresencePolicy)
#include "TestPresencePolicy.moc"
