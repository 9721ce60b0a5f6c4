// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The call history without SIP: how a call's end is classified, the model (order, cap, missed count),
// the file format (round trip, damaged and newer documents) and the Recent panel (redial, clear).

#include "tests/ui/UiTestSupport.h"
#include "app/core/CallHistoryFormat.h"
#include "ui/calls/CallHistoryModel.h"
#include "ui/calls/CallHistoryPanel.h"

#include <QDir>
#include <QFile>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using Gui::CallHistoryEntry;
using Gui::CallOutcome;
using Sip::CallDirection;

namespace {

CallHistoryEntry entry(const QString &peer, CallOutcome outcome, CallDirection direction = CallDirection::Outgoing,
                       qint64 durationSeconds = 0)
{
    CallHistoryEntry result;
    result.startedUtc = QDateTime(QDate(2026, 11, 20), QTime(9, 30, 5), Qt::UTC);
    result.lineId = QStringLiteral("line-1");
    result.lineLabel = QStringLiteral("1001@pbx.example");
    result.peer = peer;
    result.direction = direction;
    result.outcome = outcome;
    result.durationSeconds = durationSeconds;
    result.seen = outcome != CallOutcome::Missed;
    return result;
}

} // namespace

class TestCallHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void modelKeepsNewestFirstWithinCapacity();
    void missedCallsCountUntilSeen();
    void descriptions();
    void formatRoundTrip();
    void damagedDocuments_data();
    void damagedDocuments();
    void newerVersionIsReadButFlagged();
    void badEntriesAreSkipped();
    void seedCorpusReadsBack();
    void panelRedialsAndClears();
};

void TestCallHistory::classify_data()
{
    QTest::addColumn<CallDirection>("direction");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<int>("statusCode");
    QTest::addColumn<bool>("endedLocally");
    QTest::addColumn<CallOutcome>("outcome");
    QTest::newRow("outgoing talked") << CallDirection::Outgoing << true << 200 << true << CallOutcome::Answered;
    QTest::newRow("incoming talked") << CallDirection::Incoming << true << 200 << false << CallOutcome::Answered;
    QTest::newRow("caller gave up") << CallDirection::Incoming << false << 487 << false << CallOutcome::Missed;
    QTest::newRow("we declined") << CallDirection::Incoming << false << 603 << true << CallOutcome::Rejected;
    QTest::newRow("we cancelled") << CallDirection::Outgoing << false << 487 << true << CallOutcome::Cancelled;
    QTest::newRow("busy") << CallDirection::Outgoing << false << 486 << false << CallOutcome::Failed;
    QTest::newRow("no such number") << CallDirection::Outgoing << false << 404 << false << CallOutcome::Failed;
    QTest::newRow("no answer timer") << CallDirection::Outgoing << false << 408 << true << CallOutcome::Failed;
}

void TestCallHistory::classify()
{
    QFETCH(CallDirection, direction);
    QFETCH(bool, connected);
    QFETCH(int, statusCode);
    QFETCH(bool, endedLocally);
    QFETCH(CallOutcome, outcome);
    Sip::CallEvent ended;
    ended.state = Sip::CallState::Ended;
    ended.statusCode = statusCode;
    ended.endedLocally = endedLocally;
    QCOMPARE(CallHistoryEntry::classify(direction, connected, ended), outcome);
}

void TestCallHistory::modelKeepsNewestFirstWithinCapacity()
{
    Gui::CallHistoryModel model;
    QSignalSpy changed(&model, &Gui::CallHistoryModel::historyChanged);
    model.setCapacity(3);
    for (int i = 1; i <= 5; ++i)
        model.add(entry(QStringLiteral("sip:100%1@pbx").arg(i), CallOutcome::Answered));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).peer, QStringLiteral("sip:1005@pbx"));
    QCOMPARE(model.entry(2).peer, QStringLiteral("sip:1003@pbx"));
    QCOMPARE(changed.count(), 5);
    QCOMPARE(model.index(0).data(Gui::CallHistoryModel::PeerRole).toString(), QStringLiteral("sip:1005@pbx"));

    QList<CallHistoryEntry> many;
    for (int i = 0; i < 10; ++i)
        many.append(entry(QStringLiteral("sip:%1@pbx").arg(i), CallOutcome::Answered));
    model.setEntries(many);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).peer, QStringLiteral("sip:0@pbx"));
    QCOMPARE(changed.count(), 5); // loading is not a change to save

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(changed.count(), 6);
}

void TestCallHistory::missedCallsCountUntilSeen()
{
    Gui::CallHistoryModel model;
    QSignalSpy missed(&model, &Gui::CallHistoryModel::missedCountChanged);
    model.add(entry(QStringLiteral("sip:1002@pbx"), CallOutcome::Missed, CallDirection::Incoming));
    model.add(entry(QStringLiteral("sip:1003@pbx"), CallOutcome::Rejected, CallDirection::Incoming));
    model.add(entry(QStringLiteral("sip:1004@pbx"), CallOutcome::Missed, CallDirection::Incoming));
    QCOMPARE(model.missedCount(), 2);
    QCOMPARE(missed.count(), 2);
    QCOMPARE(missed.constLast().constFirst().toInt(), 2);
    QVERIFY(model.index(0).data(Qt::FontRole).value<QFont>().bold());
    model.markMissedSeen();
    QCOMPARE(model.missedCount(), 0);
    QCOMPARE(missed.constLast().constFirst().toInt(), 0);
    QVERIFY(!model.index(0).data(Qt::FontRole).value<QFont>().bold());
    // Still listed as missed, only no longer counted.
    QCOMPARE(model.entry(0).outcome, CallOutcome::Missed);
}

void TestCallHistory::descriptions()
{
    QCOMPARE(Gui::CallHistoryModel::describeDuration(7), QStringLiteral("0:07"));
    QCOMPARE(Gui::CallHistoryModel::describeDuration(765), QStringLiteral("12:45"));
    QCOMPARE(Gui::CallHistoryModel::describeDuration(3723), QStringLiteral("1:02:03"));
    QCOMPARE(Gui::CallHistoryModel::describeDuration(-5), QStringLiteral("0:00"));

    CallHistoryEntry failed = entry(QStringLiteral("sip:1009@pbx"), CallOutcome::Failed);
    failed.endReason = QStringLiteral("The other side is busy.");
    failed.statusCode = 486;
    QCOMPARE(Gui::CallHistoryModel::describeOutcome(failed), QStringLiteral("Busy"));
    failed.statusCode = 503;
    QCOMPARE(Gui::CallHistoryModel::describeOutcome(failed), QStringLiteral("Failed (503)"));
    Gui::CallHistoryModel failures;
    failures.add(failed);
    QVERIFY(failures.index(0).data(Qt::ToolTipRole).toString().contains(QLatin1String("The other side is busy.")));
    QCOMPARE(Gui::CallHistoryModel::describePeer(failed), QStringLiteral("1009@pbx"));
    failed.peerDisplayName = QStringLiteral("Front desk");
    QCOMPARE(Gui::CallHistoryModel::describePeer(failed), QStringLiteral("Front desk"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!Gui::CallHistoryModel::describeTime(now, now).contains(QLatin1String("Yesterday")));
    QVERIFY(Gui::CallHistoryModel::describeTime(now.addDays(-1), now).startsWith(QLatin1String("Yesterday")));

    Gui::CallHistoryModel model;
    model.add(entry(QStringLiteral("sip:1002@pbx"), CallOutcome::Answered, CallDirection::Incoming, 74));
    const QString text = model.index(0).data().toString();
    QVERIFY2(text.startsWith(QLatin1String("1002@pbx\n")), qPrintable(text));
    QVERIFY2(text.endsWith(QLatin1String("1:14")), qPrintable(text));
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QLatin1String("1001@pbx.example")));
    QVERIFY(!model.index(0).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestCallHistory::formatRoundTrip()
{
    CallHistoryEntry failed = entry(QStringLiteral("sip:1009@pbx"), CallOutcome::Failed);
    failed.statusCode = 486;
    failed.endReason = QStringLiteral("The other side is busy.");
    failed.peerDisplayName = QStringLiteral("Zoë \"Desk\" Ünal");
    const QList<CallHistoryEntry> entries = {
        entry(QStringLiteral("sip:1002@pbx"), CallOutcome::Answered, CallDirection::Incoming, 74),
        entry(QStringLiteral("sip:1003@pbx"), CallOutcome::Missed, CallDirection::Incoming), failed};
    const Gui::CallHistoryFormat::ParseResult result =
        Gui::CallHistoryFormat::parse(Gui::CallHistoryFormat::serialize(entries));
    QCOMPARE(result.status, Gui::CallHistoryFormat::ParseResult::Status::Ok);
    QCOMPARE(result.skippedEntries, 0);
    QCOMPARE(result.entries, entries);
    QVERIFY(!result.entries.at(1).seen);
}

void TestCallHistory::damagedDocuments_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"format": "offhook-call-history", "version": 1, "calls": [)");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
    QTest::newRow("other document") << QByteArray(R"({"lines": []})");
    QTest::newRow("array") << QByteArray(R"([1, 2, 3])");
    QTest::newRow("no version") << QByteArray(R"({"format": "offhook-call-history", "calls": []})");
    QTest::newRow("calls not a list") << QByteArray(R"({"format": "offhook-call-history", "version": 1, "calls": 7})");
}

void TestCallHistory::damagedDocuments()
{
    QFETCH(QByteArray, bytes);
    const Gui::CallHistoryFormat::ParseResult result = Gui::CallHistoryFormat::parse(bytes);
    QCOMPARE(result.status, Gui::CallHistoryFormat::ParseResult::Status::Corrupt);
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.entries.isEmpty());
}

void TestCallHistory::newerVersionIsReadButFlagged()
{
    QByteArray bytes =
        Gui::CallHistoryFormat::serialize({entry(QStringLiteral("sip:1002@pbx"), CallOutcome::Answered)});
    bytes.replace("\"version\": 1", "\"version\": 7");
    const Gui::CallHistoryFormat::ParseResult result = Gui::CallHistoryFormat::parse(bytes);
    QCOMPARE(result.status, Gui::CallHistoryFormat::ParseResult::Status::NewerVersion);
    QCOMPARE(result.entries.size(), 1);
    QVERIFY(result.error.contains(QLatin1String("7")));
}

void TestCallHistory::badEntriesAreSkipped()
{
    const QByteArray bytes = R"({"format": "offhook-call-history", "version": 1, "calls": [
        "a string",
        {"started": "yesterday", "peer": "sip:1@pbx", "direction": "outgoing", "outcome": "answered"},
        {"started": "2026-11-20T09:30:05Z", "peer": "sip:1@pbx", "direction": "sideways", "outcome": "answered"},
        {"started": "2026-11-20T09:30:05Z", "peer": "sip:2@pbx", "direction": "incoming", "outcome": "missed",
         "durationSeconds": -40, "status": 99999, "seen": false}
    ]})";
    const Gui::CallHistoryFormat::ParseResult result = Gui::CallHistoryFormat::parse(bytes);
    QCOMPARE(result.status, Gui::CallHistoryFormat::ParseResult::Status::Ok);
    QCOMPARE(result.skippedEntries, 3);
    QCOMPARE(result.entries.size(), 1);
    QCOMPARE(result.entries.constFirst().peer, QStringLiteral("sip:2@pbx"));
    QCOMPARE(result.entries.constFirst().durationSeconds, 0);
    QCOMPARE(result.entries.constFirst().statusCode, 0);
    QVERIFY(result.entries.constFirst().isUnseenMissed());
}

void TestCallHistory::seedCorpusReadsBack()
{
    // The fuzzer's seeds (and any crash it ever found) run in every build.
    const QDir corpus(qEnvironmentVariable("OFFHOOK_SOURCE_DIR") + QStringLiteral("/tests/fuzz/corpus/callhistory"));
    const QStringList files = corpus.entryList(QDir::Files);
    QVERIFY2(!files.isEmpty(), qPrintable(corpus.path()));
    for (const QString &name : files) {
        QFile file(corpus.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Gui::CallHistoryFormat::ParseResult result = Gui::CallHistoryFormat::parse(file.readAll());
        QVERIFY2(result.status != Gui::CallHistoryFormat::ParseResult::Status::Invalid, qPrintable(name));
        const Gui::CallHistoryFormat::ParseResult again =
            Gui::CallHistoryFormat::parse(Gui::CallHistoryFormat::serialize(result.entries));
        QCOMPARE(again.entries, result.entries);
    }
}

void TestCallHistory::panelRedialsAndClears()
{
    Gui::CallHistoryModel model;
    Gui::CallHistoryPanel panel(&model);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *redial = panel.findChild<QToolButton *>(QStringLiteral("redialButton"));
    auto *clear = panel.findChild<QToolButton *>(QStringLiteral("clearHistoryButton"));
    auto *view = panel.findChild<QListView *>(QStringLiteral("historyView"));
    QVERIFY(redial && clear && view);
    QVERIFY(!clear->isEnabled());
    QVERIFY(panel.findChild<QWidget *>(QStringLiteral("historyEmptyLabel"))->isVisible());

    model.add(entry(QStringLiteral("sip:1002@pbx"), CallOutcome::Answered, CallDirection::Outgoing, 10));
    model.add(entry(QStringLiteral("sip:1003@pbx"), CallOutcome::Missed, CallDirection::Incoming));
    QVERIFY(view->isVisible());
    QVERIFY(!redial->isEnabled()); // nothing selected yet
    QSignalSpy redialled(&panel, &Gui::CallHistoryPanel::redialRequested);
    view->setCurrentIndex(model.index(1));
    QVERIFY(redial->isEnabled());
    QTest::mouseClick(redial, Qt::LeftButton);
    QCOMPARE(redialled.count(), 1);
    QCOMPARE(redialled.constFirst().constFirst().value<CallHistoryEntry>().peer, QStringLiteral("sip:1002@pbx"));
    const QRect row = view->visualRect(model.index(0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(redialled.count(), 1); // a single click only selects
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_COMPARE(redialled.count(), 2);
    QTest::keyClick(view, Qt::Key_Return); // Enter on the selected entry too
    QTRY_COMPARE(redialled.count(), 3);
    QCOMPARE(redialled.constLast().constFirst().value<CallHistoryEntry>().peer, QStringLiteral("sip:1003@pbx"));

    // Clearing asks first; Cancel keeps everything.
    UiTest::whenModal([](QWidget *modal) { static_cast<QMessageBox *>(modal)->reject(); });
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(model.rowCount(), 2);
    UiTest::whenModal(
        [](QWidget *modal) { modal->findChild<QPushButton *>(QStringLiteral("confirmClearHistoryButton"))->click(); });
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(model.rowCount(), 0);
    QVERIFY(!clear->isEnabled());
    QVERIFY(panel.findChild<QWidget *>(QStringLiteral("historyEmptyLabel"))->isVisible());
}

QTEST_MAIN(TestCallHistory)
#include "TestCallHistory.moc"
