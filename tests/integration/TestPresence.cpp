// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Presence against real servers: Kamailio's presence modules for the normal life of a subscription and a
// publication, sipp as a notifier that misbehaves or ends subscriptions.

#include "sipcore/PresenceService.h"
#include "tests/integration/EngineHarness.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"

#include <QSignalSpy>
#include <QTest>

using namespace Sip;
using Test::EngineHarness;

namespace {

/// Every presence signal of one service, in order.
class PresenceRecorder : public QObject
{
public:
    explicit PresenceRecorder(PresenceService &service)
    {
        connect(&service, &PresenceService::contactPresenceChanged, this,
                [this](const ContactPresenceEvent &event) { contacts.append(event); });
        connect(&service, &PresenceService::subscriptionChanged, this,
                [this](const SubscriptionEvent &event) { subscriptions.append(event); });
        connect(&service, &PresenceService::publicationChanged, this,
                [this](const PublicationEvent &event) { publications.append(event); });
    }
    int count(SubscriptionState state) const
    {
        int n = 0;
        for (const SubscriptionEvent &event : subscriptions)
            n += event.state == state ? 1 : 0;
        return n;
    }
    int count(PresenceStatus status) const
    {
        int n = 0;
        for (const ContactPresenceEvent &event : contacts)
            n += event.status == status ? 1 : 0;
        return n;
    }

    QList<ContactPresenceEvent> contacts;
    QList<SubscriptionEvent> subscriptions;
    QList<PublicationEvent> publications;
};

WatchedContact contact(const QString &lineId, const QString &uri)
{
    WatchedContact watched;
    watched.lineId = lineId;
    watched.contactId = uri;
    watched.uri = uri;
    return watched;
}

/// Sent requests of a method, one per transaction: UDP retransmissions are in the log too.
QList<LogEntry> requests(const EngineHarness &harness, const QString &lineId, const QString &method)
{
    QList<LogEntry> result;
    QSet<QByteArray> seen;
    for (const LogEntry &entry : harness.sentRequests(lineId, method)) {
        const QByteArray key = entry.header("Call-ID") + ' ' + entry.header("CSeq");
        if (!seen.contains(key)) {
            seen.insert(key);
            result.append(entry);
        }
    }
    return result;
}

/// SUBSCRIBE requests that start or refresh a subscription (not the un-SUBSCRIBE with Expires: 0).
int subscribes(const EngineHarness &harness, const QString &lineId)
{
    int n = 0;
    for (const LogEntry &entry : requests(harness, lineId, QStringLiteral("SUBSCRIBE")))
        n += entry.header("Expires").trimmed() != "0" ? 1 : 0;
    return n;
}

/// un-SUBSCRIBE requests (Expires: 0).
int unsubscribes(const EngineHarness &harness, const QString &lineId)
{
    int n = 0;
    for (const LogEntry &entry : requests(harness, lineId, QStringLiteral("SUBSCRIBE")))
        n += entry.header("Expires").trimmed() == "0" ? 1 : 0;
    return n;
}

int stepsContaining(EngineHarness &harness, const QString &text)
{
    int n = 0;
    for (const LogEntry &entry : harness.log().snapshot())
        n += !entry.isMessage() && entry.text.contains(text) ? 1 : 0;
    return n;
}

} // namespace

class TestPresence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void watcherSeesPublishedStatusThenOffline();
    void contactLeavingShowsOffline();
    void subscribeChallengeAnsweredOnce();
    void refreshesWithShortExpires();
    void unwatchSendsUnsubscribe();
    void followsLineReRegistration();
    void refusedTargetStopsWithoutRetry();
    void hostileNotifyBodiesAndRejected();
    void terminatedSubscriptionIsReestablished();
    void deactivatedSubscriptionIsReestablished();
    void busyLampFollowsDialogState();
    void refusedCredentialsStopAfterOneAnswer();

private:
    Test::KamailioServer m_kamailio;
};

void TestPresence::initTestCase()
{
    Test::KamailioServer::Options options;
    options.presence = true;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestPresence::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestPresence::watcherSeesPublishedStatusThenOffline()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1002")));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1001"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        service.subscription(QStringLiteral("w"), QStringLiteral("1002"), EventPackage::Presence).state,
        SubscriptionState::Active, 15000);
    QCOMPARE(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).uri,
             QStringLiteral("sip:1002@127.0.0.1"));

    // The contact registers and publishes.
    service.setOwnStatus(QStringLiteral("c"), OwnStatus::Available, QStringLiteral("in the office"));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("c"), QStringLiteral("1002"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1002"))));
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).status,
                              PresenceStatus::Online, 15000);
    QCOMPARE(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).note,
             QStringLiteral("in the office"));
    QCOMPARE(service.publication(QStringLiteral("c")).state, PublicationState::Published);
    QVERIFY(service.publication(QStringLiteral("c")).expiresSeconds > 0);

    // A changed status goes out on the same publication (SIP-If-Match with the server's SIP-ETag).
    service.setOwnStatus(QStringLiteral("c"), OwnStatus::Away, QStringLiteral("lunch"));
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).status,
                              PresenceStatus::Away, 15000);
    QCOMPARE(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).note, QStringLiteral("lunch"));
    const QList<LogEntry> publishes = requests(harness, QStringLiteral("c"), QStringLiteral("PUBLISH"));
    QVERIFY(publishes.size() >= 3); // challenged first PUBLISH, its digest retry, the change
    QVERIFY(publishes.constFirst().header("SIP-If-Match").isEmpty());
    QVERIFY(!publishes.constLast().header("SIP-If-Match").isEmpty());
    QVERIFY(publishes.constLast().raw.contains("lunch"));

    // Removing the status (un-PUBLISH) leaves nothing published: the watcher sees offline.
    service.setOwnStatus(QStringLiteral("c"), OwnStatus::Invalid);
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("w"), QStringLiteral("1002")).status,
                              PresenceStatus::Offline, 15000);
    QTRY_COMPARE(service.publication(QStringLiteral("c")).state, PublicationState::Unpublished);
    QCOMPARE(
        harness.sentRequests(QStringLiteral("c"), QStringLiteral("PUBLISH")).constLast().header("Expires").trimmed(),
        QByteArray("0"));
    // Every SUBSCRIBE, NOTIFY and PUBLISH is in the live log, attributed to its line.
    QVERIFY(!harness.sentRequests(QStringLiteral("w"), QStringLiteral("SUBSCRIBE")).isEmpty());
    int notifies = 0;
    for (const LogEntry &entry : harness.messages(QStringLiteral("w"), LogEntry::Kind::Received))
        notifies += entry.methodOrStatus() == QLatin1String("NOTIFY") ? 1 : 0;
    QVERIFY(notifies >= 4);
}

void TestPresence::contactLeavingShowsOffline()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1004")));
    service.setOwnStatus(QStringLiteral("c"), OwnStatus::Busy, QStringLiteral("meeting"));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1003"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1003"))));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("c"), QStringLiteral("1004"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1004"))));
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("w"), QStringLiteral("1004")).status,
                              PresenceStatus::Busy, 15000);
    QCOMPARE(service.contactPresence(QStringLiteral("w"), QStringLiteral("1004")).note, QStringLiteral("meeting"));
    // The contact's line goes away: its publication is taken back with it.
    harness.engine().removeLine(QStringLiteral("c"));
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("w"), QStringLiteral("1004")).status,
                              PresenceStatus::Offline, 15000);
}

void TestPresence::subscribeChallengeAnsweredOnce()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1003")));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1005"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1005"))));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Active), 1, 15000);
    QCOMPARE(recorder.count(SubscriptionState::Authenticating), 1);
    const QList<LogEntry> sent = requests(harness, QStringLiteral("w"), QStringLiteral("SUBSCRIBE"));
    QCOMPARE(sent.size(), 2);
    QVERIFY2(sent.at(0).header("Authorization").isEmpty(), "credentials must never be sent unasked");
    QVERIFY(sent.at(1).header("Authorization").contains("algorithm=MD5"));
    QCOMPARE(sent.at(0).header("Event"), QByteArray("presence"));
    QCOMPARE(sent.at(0).header("Accept"), QByteArray("application/pidf+xml"));
    int challenges = 0;
    for (const LogEntry &entry : harness.messages(QStringLiteral("w"), LogEntry::Kind::Received))
        challenges += entry.methodOrStatus() == QLatin1String("401") ? 1 : 0;
    QCOMPARE(challenges, 2); // REGISTER's and SUBSCRIBE's, each answered once
}

void TestPresence::refreshesWithShortExpires()
{
    EngineHarness harness;
    PresenceOptions options;
    options.subscribeExpiresSeconds = 4;
    PresenceService service(&harness.engine(), options);
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1002")));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1001"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Active), 1, 15000);
    QCOMPARE(service.subscription(QStringLiteral("w"), QStringLiteral("1002"), EventPackage::Presence).expiresSeconds,
             4);
    // Two refreshes within the dialog; the subscription never lapses or restarts.
    QTRY_VERIFY_WITH_TIMEOUT(subscribes(harness, QStringLiteral("w")) >= 4, 15000);
    QCOMPARE(recorder.count(SubscriptionState::Retrying), 0);
    QCOMPARE(recorder.count(SubscriptionState::Subscribing), 1);
    QVERIFY(stepsContaining(harness, QStringLiteral("refreshed")) >= 2);
    QCOMPARE(service.subscription(QStringLiteral("w"), QStringLiteral("1002"), EventPackage::Presence).state,
             SubscriptionState::Active);
}

void TestPresence::unwatchSendsUnsubscribe()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    WatchedContact both = contact(QStringLiteral("w"), QStringLiteral("1004"));
    both.busyLamp = true;
    service.watch(both);
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1002"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1002"))));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Active), 2, 15000);
    bool sawDialog = false;
    for (const LogEntry &entry : harness.sentRequests(QStringLiteral("w"), QStringLiteral("SUBSCRIBE")))
        sawDialog =
            sawDialog || (entry.header("Event") == "dialog" && entry.header("Accept") == "application/dialog-info+xml");
    QVERIFY(sawDialog);
    service.unwatch(QStringLiteral("w"), QStringLiteral("1004"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Idle), 2, 15000);
    QCOMPARE(unsubscribes(harness, QStringLiteral("w")), 2);
    for (const SubscriptionEvent &event : recorder.subscriptions) {
        if (event.state == SubscriptionState::Idle)
            QCOMPARE(event.statusCode, 200);
    }
    QVERIFY(service.contacts(QStringLiteral("w")).isEmpty());
}

void TestPresence::followsLineReRegistration()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1004")));
    service.setOwnStatus(QStringLiteral("w"), OwnStatus::Available);
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1003"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1003"))));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Active), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(service.publication(QStringLiteral("w")).state, PublicationState::Published, 15000);

    // The line goes down: un-SUBSCRIBE and un-PUBLISH, the contact shows unknown.
    harness.engine().unregisterLine(QStringLiteral("w"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Idle), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(service.publication(QStringLiteral("w")).state, PublicationState::Unpublished, 15000);
    QCOMPARE(service.contactPresence(QStringLiteral("w"), QStringLiteral("1004")).status, PresenceStatus::Unknown);
    QCOMPARE(unsubscribes(harness, QStringLiteral("w")), 1);
    for (const SubscriptionEvent &event : recorder.subscriptions) {
        if (event.state == SubscriptionState::Idle)
            QCOMPARE(event.statusCode, 200);
    }
    QTest::qWait(500);
    QCOMPARE(recorder.count(SubscriptionState::Subscribing), 1); // nothing while the line is down

    // It registers again: a fresh subscription and publication.
    harness.engine().registerLine(QStringLiteral("w"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Active), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(service.publication(QStringLiteral("w")).state, PublicationState::Published, 15000);
    QCOMPARE(recorder.count(SubscriptionState::Subscribing), 2);
    QSet<QByteArray> callIds;
    for (const LogEntry &entry : harness.sentRequests(QStringLiteral("w"), QStringLiteral("SUBSCRIBE")))
        callIds.insert(entry.header("Call-ID"));
    QCOMPARE(callIds.size(), 2);
}

void TestPresence::refusedTargetStopsWithoutRetry()
{
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    // Kamailio does not relay to other domains: 403, which needs the user, not a retry.
    service.watch(contact(QStringLiteral("w"), QStringLiteral("1002@elsewhere.invalid")));
    harness.engine().addLine(EngineHarness::line(QStringLiteral("w"), QStringLiteral("1001"), m_kamailio.address(),
                                                 m_kamailio.password(QStringLiteral("1001"))));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Failed), 1, 15000);
    const SubscriptionEvent failed = recorder.subscriptions.constLast();
    QCOMPARE(failed.statusCode, 403);
    QCOMPARE(failed.failure, FailureKind::Rejected);
    QVERIFY2(failed.diagnosis.contains(QLatin1String("sip:1002@elsewhere.invalid")), qPrintable(failed.diagnosis));
    QTest::qWait(1500);
    QCOMPARE(recorder.count(SubscriptionState::Retrying), 0);
    QCOMPARE(subscribes(harness, QStringLiteral("w")), 2); // the challenged one and its digest retry
}

void TestPresence::hostileNotifyBodiesAndRejected()
{
    Test::SippProcess notifier;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = 2;
    sippOptions.timeoutSeconds = 40;
    // An entity-expansion bomb (a billion-laughs kind, 10^4 characters per reference).
    sippOptions.keys.insert(QStringLiteral("doctype"),
                            QStringLiteral("<!DOCTYPE presence [<!ENTITY a \"aaaaaaaaaa\">"
                                           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                                           "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"));
    QVERIFY2(notifier.startServer(QStringLiteral("uas_notify_hostile.xml"), sippOptions),
             qPrintable(notifier.errorText()));
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("h"), QStringLiteral("2001")));
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("h"), QStringLiteral("1001"), notifier.address(), QStringLiteral("x")));

    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Failed), 1, 20000);
    const SubscriptionEvent failed = recorder.subscriptions.constLast();
    QCOMPARE(failed.state, SubscriptionState::Failed);
    QCOMPARE(failed.terminationReason, QStringLiteral("rejected"));
    QCOMPARE(failed.failure, FailureKind::Rejected);
    QVERIFY2(failed.diagnosis.contains(QLatin1String("rejected")), qPrintable(failed.diagnosis));
    QCOMPARE(failed.retryInSeconds, 0);

    // Each bad body reads as unknown, each good one after it as online: the client kept going.
    QList<PresenceStatus> statuses;
    for (const ContactPresenceEvent &event : recorder.contacts)
        statuses.append(event.status);
    const QList<PresenceStatus> expected = {PresenceStatus::Unknown, PresenceStatus::Online,  PresenceStatus::Unknown,
                                            PresenceStatus::Online,  PresenceStatus::Unknown, PresenceStatus::Online,
                                            PresenceStatus::Unknown, PresenceStatus::Online,  PresenceStatus::Unknown,
                                            PresenceStatus::Online};
    QCOMPARE(statuses, expected);
    QCOMPARE(recorder.contacts.constLast().note, QStringLiteral("still fine"));
    QCOMPARE(stepsContaining(harness, QStringLiteral("body not understood")), 5);
    // Every NOTIFY was answered 200 OK.
    QTRY_VERIFY_WITH_TIMEOUT(notifier.countReceived(QStringLiteral("200")) >= 11, 5000);

    // No loop: rejected is final, nothing else goes out.
    QTest::qWait(3000);
    QCOMPARE(subscribes(harness, QStringLiteral("h")), 1);
    QCOMPARE(recorder.count(SubscriptionState::Retrying), 0);
}

void TestPresence::terminatedSubscriptionIsReestablished()
{
    Test::SippProcess notifier;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = 3;
    sippOptions.timeoutSeconds = 40;
    QVERIFY2(notifier.startServer(QStringLiteral("uas_notify_terminated_timeout.xml"), sippOptions),
             qPrintable(notifier.errorText()));
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("t"), QStringLiteral("2002")));
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("t"), QStringLiteral("1001"), notifier.address(), QStringLiteral("x")));

    QTRY_VERIFY_WITH_TIMEOUT(recorder.count(SubscriptionState::Active) >= 2, 20000);
    QVERIFY(recorder.count(SubscriptionState::Retrying) >= 1);
    bool sawTimeout = false;
    for (const SubscriptionEvent &event : recorder.subscriptions)
        sawTimeout = sawTimeout || (event.state == SubscriptionState::Retrying &&
                                    event.terminationReason == QLatin1String("timeout"));
    QVERIFY(sawTimeout);
    QCOMPARE(recorder.count(SubscriptionState::Failed), 0);
    QVERIFY(notifier.countReceived(QStringLiteral("SUBSCRIBE")) >= 2);
    // Each re-subscription is a new dialog (new Call-ID), so a stale dialog never lingers.
    QSet<QByteArray> callIds;
    for (const LogEntry &entry : harness.sentRequests(QStringLiteral("t"), QStringLiteral("SUBSCRIBE")))
        callIds.insert(entry.header("Call-ID"));
    QVERIFY(callIds.size() >= 2);
    QCOMPARE(recorder.contacts.constFirst().status, PresenceStatus::Online);
    QCOMPARE(recorder.contacts.constFirst().note, QStringLiteral("round"));
}

void TestPresence::deactivatedSubscriptionIsReestablished()
{
    Test::SippProcess notifier;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = 3;
    sippOptions.timeoutSeconds = 40;
    QVERIFY2(notifier.startServer(QStringLiteral("uas_notify_deactivated.xml"), sippOptions),
             qPrintable(notifier.errorText()));
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("d"), QStringLiteral("2003")));
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("d"), QStringLiteral("1001"), notifier.address(), QStringLiteral("x")));

    // The stack subscribes again by itself; the contact's state follows the new subscription.
    QTRY_COMPARE_WITH_TIMEOUT(service.contactPresence(QStringLiteral("d"), QStringLiteral("2003")).note,
                              QStringLiteral("again"), 20000);
    QCOMPARE(service.subscription(QStringLiteral("d"), QStringLiteral("2003"), EventPackage::Presence).state,
             SubscriptionState::Active);
    bool sawDeactivated = false;
    for (const SubscriptionEvent &event : recorder.subscriptions)
        sawDeactivated = sawDeactivated || (event.state == SubscriptionState::Retrying &&
                                            event.terminationReason == QLatin1String("deactivated"));
    QVERIFY(sawDeactivated);
    QCOMPARE(recorder.count(SubscriptionState::Failed), 0);
    QCOMPARE(subscribes(harness, QStringLiteral("d")), 2);
    // Ending: un-SUBSCRIBE, answered, and the final NOTIFY.
    QVERIFY(harness.shutdownAndWait());
    QCOMPARE(unsubscribes(harness, QStringLiteral("d")), 1);
    QCOMPARE(stepsContaining(harness, QStringLiteral("after un-SUBSCRIBE: the subscription has ended")), 1);
}

void TestPresence::busyLampFollowsDialogState()
{
    Test::SippProcess notifier;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = 2;
    sippOptions.timeoutSeconds = 40;
    QVERIFY2(notifier.startServer(QStringLiteral("uas_notify_dialog.xml"), sippOptions),
             qPrintable(notifier.errorText()));
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    WatchedContact lamp = contact(QStringLiteral("b"), QStringLiteral("2004"));
    lamp.presence = false;
    lamp.busyLamp = true;
    service.watch(lamp);
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("b"), QStringLiteral("1001"), notifier.address(), QStringLiteral("x")));

    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Failed), 1, 20000);
    const QList<LogEntry> sent = requests(harness, QStringLiteral("b"), QStringLiteral("SUBSCRIBE"));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).header("Event"), QByteArray("dialog"));
    QCOMPARE(sent.at(0).header("Accept"), QByteArray("application/dialog-info+xml"));
    // Idle, ringing, answered, ended; the repeated version 3 is stale and changes nothing.
    QList<PresenceStatus> statuses;
    for (const ContactPresenceEvent &event : recorder.contacts)
        statuses.append(event.status);
    QCOMPARE(statuses, QList<PresenceStatus>({PresenceStatus::Online, PresenceStatus::Ringing,
                                              PresenceStatus::OnThePhone, PresenceStatus::Online}));
    QCOMPARE(recorder.contacts.at(1).dialogStatus, PresenceStatus::Ringing);
    QCOMPARE(recorder.contacts.at(1).presenceStatus, PresenceStatus::Invalid); // presence not watched
    QCOMPARE(stepsContaining(harness, QStringLiteral("is not newer; ignored")), 1);
    // noresource: the contact is gone; stop and say why.
    const SubscriptionEvent failed = recorder.subscriptions.constLast();
    QCOMPARE(failed.terminationReason, QStringLiteral("noresource"));
    QVERIFY2(failed.diagnosis.contains(QLatin1String("sip:2004@127.0.0.1")), qPrintable(failed.diagnosis));
    QTest::qWait(1500);
    QCOMPARE(subscribes(harness, QStringLiteral("b")), 1);
}

void TestPresence::refusedCredentialsStopAfterOneAnswer()
{
    Test::SippProcess notifier;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = 2;
    sippOptions.timeoutSeconds = 40;
    QVERIFY2(notifier.startServer(QStringLiteral("uas_subscribe_401_twice.xml"), sippOptions),
             qPrintable(notifier.errorText()));
    EngineHarness harness;
    PresenceService service(&harness.engine());
    PresenceRecorder recorder(service);
    service.watch(contact(QStringLiteral("a"), QStringLiteral("2005")));
    harness.engine().addLine(
        EngineHarness::line(QStringLiteral("a"), QStringLiteral("1001"), notifier.address(), QStringLiteral("wrong")));

    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(SubscriptionState::Failed), 1, 20000);
    const SubscriptionEvent failed = recorder.subscriptions.constLast();
    QCOMPARE(failed.statusCode, 401);
    QCOMPARE(failed.failure, FailureKind::Authentication);
    QVERIFY2(failed.diagnosis.contains(QLatin1String("credentials")), qPrintable(failed.diagnosis));
    QCOMPARE(recorder.count(SubscriptionState::Authenticating), 1);
    QTest::qWait(2000); // nothing more may go out: no loop, no retry
    const QList<LogEntry> sent = requests(harness, QStringLiteral("a"), QStringLiteral("SUBSCRIBE"));
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.at(0).header("Authorization").isEmpty());
    QVERIFY(sent.at(1).header("Authorization").contains("nonce=\"first0nonce\""));
    QCOMPARE(recorder.count(SubscriptionState::Retrying), 0);
}

QTEST_GUILESS_MAIN(TestPresence)
#include "TestPresence.moc"
