// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SipLog.h"

#include <QSignalSpy>
#include <QTest>
#include <thread>
#include <vector>

using namespace Sip;

class TestSipLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsInOrderAndBatches();
    void boundedByCount();
    void boundedByBytes();
    void manyThreadsAppend();
    void clearReportsDrop();
};

void TestSipLog::appendsInOrderAndBatches()
{
    SipLog log;
    QSignalSpy added(&log, &SipLog::entriesAdded);
    for (int i = 0; i < 100; ++i)
        log.appendStep(QStringLiteral("l"), QStringLiteral("step %1").arg(i));
    QCOMPARE(log.size(), 100);
    QTRY_VERIFY(added.count() >= 1);
    QVERIFY2(added.count() < 5, "entries must arrive in batches, not one signal per entry");
    QList<LogEntry> all;
    for (const QList<QVariant> &call : std::as_const(added))
        all += call.constFirst().value<QList<LogEntry>>();
    QCOMPARE(all.size(), 100);
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i).sequence > all.at(i - 1).sequence);
    QCOMPARE(all.constLast().text, QStringLiteral("step 99"));
    QVERIFY(all.constFirst().timestamp.isValid());
    QCOMPARE(log.entriesSince(all.at(97).sequence).size(), 2);
}

void TestSipLog::boundedByCount()
{
    SipLog log;
    log.setLimits(1000, 1 << 30);
    QSignalSpy dropped(&log, &SipLog::entriesDropped);
    for (int i = 0; i < 5000; ++i)
        log.appendStep(QString(), QStringLiteral("entry %1").arg(i));
    QCOMPARE(log.size(), 1000);
    QCOMPARE(log.droppedCount(), quint64(4000));
    QCOMPARE(log.snapshot().constFirst().text, QStringLiteral("entry 4000"));
    QTRY_VERIFY(dropped.count() >= 1);
}

void TestSipLog::boundedByBytes()
{
    SipLog log;
    log.setLimits(1000000, 64 * 1024);
    LogEntry big;
    big.kind = LogEntry::Kind::Sent;
    big.raw = QByteArray(4000, 'x');
    for (int i = 0; i < 200; ++i)
        log.append(big);
    QVERIFY(log.bytes() <= 64 * 1024);
    QVERIFY(log.size() < 20);
    QVERIFY(log.size() > 10);
}

void TestSipLog::manyThreadsAppend()
{
    SipLog log;
    log.setLimits(1000000, 1 << 30);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&log, t] {
            for (int i = 0; i < 5000; ++i)
                log.appendStep(QString::number(t), QStringLiteral("x"));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(log.size(), 20000);
    const QList<LogEntry> all = log.snapshot();
    for (int i = 1; i < all.size(); ++i)
        QCOMPARE(all.at(i).sequence, all.at(i - 1).sequence + 1);
}

void TestSipLog::clearReportsDrop()
{
    SipLog log;
    QSignalSpy dropped(&log, &SipLog::entriesDropped);
    log.appendStep(QString(), QStringLiteral("a"));
    log.appendStep(QString(), QStringLiteral("b"));
    log.clear();
    QCOMPARE(log.size(), 0);
    QTRY_COMPARE(dropped.count(), 1);
    QCOMPARE(dropped.constFirst().constFirst().toULongLong(), quint64(2));
}

QTEST_GUILESS_MAIN(TestSipLog)
#include "TestSipLog.moc"
