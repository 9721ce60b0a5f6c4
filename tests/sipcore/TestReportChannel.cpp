// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The one way back from the engine thread: reports arrive on the target's thread, in order, and none
// arrives after detach() — not even one that was already queued.
#include "sipcore/internal/ReportChannel.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <thread>

class Target : public QObject
{
    Q_OBJECT
public:
    QList<int> received;
    QList<QThread *> threads;
};

using Channel = Sip::Internal::ReportChannel<Target>;

class TestReportChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversOnTargetThreadInOrder();
    void detachDropsQueuedReports();
    void deliverAfterDetachIsNoOp();
};

void TestReportChannel::deliversOnTargetThreadInOrder()
{
    Target target;
    auto channel = std::make_shared<Channel>(&target);
    std::thread engine([channel] {
        for (int i = 0; i < 100; ++i)
            channel->deliver([i](Target &t) {
                t.received.append(i);
                t.threads.append(QThread::currentThread());
            });
    });
    engine.join();
    QVERIFY(target.received.isEmpty()); // queued, not called on the engine thread
    QTRY_COMPARE(target.received.size(), 100);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(target.received.at(i), i);
        QCOMPARE(target.threads.at(i), QThread::currentThread());
    }
}

void TestReportChannel::detachDropsQueuedReports()
{
    Target target;
    auto channel = std::make_shared<Channel>(&target);
    std::thread([channel] { channel->deliver([](Target &t) { t.received.append(1); }); }).join();
    channel->detach(); // the façade goes away with the report still queued
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QVERIFY(target.received.isEmpty());
    QVERIFY(!channel->isAttached());
}

void TestReportChannel::deliverAfterDetachIsNoOp()
{
    auto *target = new Target;
    auto channel = std::make_shared<Channel>(target);
    channel->detach();
    delete target; // nothing may touch it from now on
    std::thread([channel] { channel->deliver([](Target &t) { t.received.append(1); }); }).join();
    QCoreApplication::processEvents();
    QVERIFY(!channel->isAttached());
}

QTEST_GUILESS_MAIN(TestReportChannel)
#include "TestReportChannel.moc"
