// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/log/LogModel.h"

#include "tests/ui/UiTestSupport.h"
#include "ui/log/LogPane.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Gui::LogModel;

class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsInBatchesAndFolds();
    void filters_data();
    void filters();
    void dropsOldestInChunks();
    void pauseHoldsEntries();
    void hundredThousandEntries();
    void paneFeedsABigBatchInSlices();
};

void TestLogModel::appendsInBatchesAndFolds()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &LogModel::rowsInserted);
    const QList<Sip::LogEntry> entries = UiTest::registration(QStringLiteral("l1"), QDateTime::currentDateTimeUtc());
    model.append(entries);
    QCOMPARE(inserted.count(), 1); // one insertion per batch
    QCOMPARE(model.rowCount(), entries.size());
    QCOMPARE(model.index(1, LogModel::MessageColumn).data().toString(),
             QStringLiteral("REGISTER sip:127.0.0.1:5060 SIP/2.0"));
    QCOMPARE(model.index(1, LogModel::DirectionColumn).data().toString(), QStringLiteral("→"));
    QCOMPARE(model.index(2, LogModel::DirectionColumn).data().toString(), QStringLiteral("←"));
    // A message unfolds into its raw lines; a step has none.
    const QModelIndex request = model.index(1, 0);
    QVERIFY(model.hasChildren(request));
    QVERIFY(!model.hasChildren(model.index(0, 0)));
    QCOMPARE(model.rowCount(request), 10);
    QCOMPARE(model.index(6, LogModel::MessageColumn, request).data().toString(), QStringLiteral("CSeq: 1 REGISTER"));
    QCOMPARE(model.parent(model.index(6, 0, request)), request);
    QCOMPARE(model.entryAt(model.index(6, 0, request))->sequence, entries[1].sequence);
}

void TestLogModel::filters_data()
{
    QTest::addColumn<QString>("lineId");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("steps");
    QTest::addColumn<int>("rows");
    // Two registrations: l1 succeeds, l2 fails with 403. Each has 1 step + 4 messages.
    QTest::newRow("all") << QString() << QString() << QString() << true << 10;
    QTest::newRow("no steps") << QString() << QString() << QString() << false << 8;
    QTest::newRow("line") << QStringLiteral("l2") << QString() << QString() << true << 5;
    QTest::newRow("REGISTER with responses") << QString() << QStringLiteral("REGISTER") << QString() << true << 8;
    QTest::newRow("status") << QString() << QStringLiteral("401") << QString() << true << 2;
    QTest::newRow("class") << QString() << QStringLiteral("4xx") << QString() << true << 3;
    QTest::newRow("text, any case") << QString() << QString() << QStringLiteral("forbidden") << true << 1;
    QTest::newRow("text in headers") << QStringLiteral("l1") << QString() << QStringLiteral("algorithm=md5") << true
                                     << 2;
    QTest::newRow("nothing") << QString() << QStringLiteral("INVITE") << QString() << true << 0;
}

void TestLogModel::filters()
{
    QFETCH(QString, lineId);
    QFETCH(QString, method);
    QFETCH(QString, text);
    QFETCH(bool, steps);
    QFETCH(int, rows);
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.append(UiTest::registration(QStringLiteral("l1"), now));
    model.append(UiTest::registration(QStringLiteral("l2"), now.addSecs(1), 403));
    model.append({}); // nothing happens
    QCOMPARE(model.totalCount(), 10);
    Gui::LogFilter filter;
    filter.lineId = lineId;
    filter.methodOrStatus = method;
    filter.text = text;
    filter.showSteps = steps;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), rows);
}

void TestLogModel::dropsOldestInChunks()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxEntries(100);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Sip::LogEntry> batch;
    for (int i = 0; i < 100; ++i)
        batch << UiTest::step(QStringLiteral("l1"), QStringLiteral("step %1").arg(i), now);
    model.append(batch);
    QCOMPARE(model.rowCount(), 100);
    QSignalSpy removed(&model, &LogModel::rowsRemoved);
    model.append({UiTest::step(QStringLiteral("l1"), QStringLiteral("one more"), now)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 90); // 101 - (1 over + a chunk of 10)
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("step 11"));
    QCOMPARE(model.index(89, LogModel::MessageColumn).data().toString(), QStringLiteral("one more"));
    const quint64 lastSequence = model.index(89, 0).data(LogModel::SequenceRole).toULongLong();
    QCOMPARE(model.indexForSequence(lastSequence).row(), 89);
}

void TestLogModel::pauseHoldsEntries()
{
    LogModel model;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setPaused(true);
    model.append(UiTest::registration(QStringLiteral("l1"), now));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 5);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.pendingCount(), 0);
}

void TestLogModel::hundredThousandEntries()
{
    LogModel model;
    model.setMaxEntries(100000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Sip::LogEntry> one = UiTest::registration(QStringLiteral("l1"), now);
    QElapsedTimer timer;
    timer.start();
    for (int batch = 0; batch < 20000; ++batch) {
        QList<Sip::LogEntry> entries;
        for (int i = 0; i < 5; ++i) {
            Sip::LogEntry entry = one[1 + i % 4];
            entry.sequence = quint64(batch) * 5 + quint64(i) + 1;
            entries << entry;
        }
        model.append(entries);
    }
    const qint64 appendMs = timer.restart();
    QCOMPARE(model.totalCount(), 100000);
    Gui::LogFilter filter;
    filter.text = QStringLiteral("6629fae4");
    model.setFilter(filter);
    const qint64 filterMs = timer.elapsed();
    QCOMPARE(model.rowCount(), 20000);
    qInfo("100000 entries appended in %lld ms; text filter over all of them in %lld ms", appendMs, filterMs);
    QVERIFY2(filterMs < 3000, "filtering 100 000 entries must stay interactive");
}

void TestLogModel::paneFeedsABigBatchInSlices()
{
    // A flood arrives as one big batch; the pane hands it to the model over several event-loop turns
    // (so the window keeps painting), in order, and a small batch behind it waits its turn.
    Gui::LogPane pane;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Sip::LogEntry> one = UiTest::registration(QStringLiteral("l1"), now);
    QList<Sip::LogEntry> flood;
    for (int i = 0; i < 20000; ++i) {
        Sip::LogEntry entry = one[1 + i % 4];
        entry.sequence = quint64(i) + 1;
        flood << entry;
    }
    Sip::LogEntry last = one[1];
    last.sequence = 20001;
    pane.appendEntries(flood);
    pane.appendEntries({last});
    QVERIFY(pane.model()->totalCount() < 20001); // not all at once
    QTRY_COMPARE(pane.model()->totalCount(), 20001);
    const QList<Sip::LogEntry> shown = pane.model()->visibleEntries();
    QCOMPARE(shown.constFirst().sequence, quint64(1));
    QCOMPARE(shown.constLast().sequence, quint64(20001));
    QVERIFY(std::is_sorted(shown.cbegin(), shown.cend(),
                           [](const Sip::LogEntry &a, const Sip::LogEntry &b) { return a.sequence < b.sequence; }));

    // Clearing drops what is still waiting as well.
    pane.appendEntries(flood);
    pane.clear();
    QTest::qWait(50);
    QCOMPARE(pane.model()->totalCount(), 0);
}

QTEST_MAIN(TestLogModel)
#include "TestLogModel.moc"
