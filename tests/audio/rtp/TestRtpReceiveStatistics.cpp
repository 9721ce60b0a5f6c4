// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpReceiveStatistics.h"

#include <QTest>

using Audio::RtpReceiveStatistics;

class TestRtpReceiveStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lossAndFraction_data();
    void lossAndFraction();
    void sequenceWrapExtendsCycles();
    void probationRejectsFirstPacket();
    void restartAfterJumpNeedsTwoPackets();
    void jitterZeroForSteadyArrival();
    void jitterConvergesForAlternatingDelay();
};

namespace {
/// Feeds a source start (two packets for probation) then the given sequence offsets from base.
void feed(RtpReceiveStatistics &statistics, std::uint16_t base, const QList<int> &offsets)
{
    for (int offset : offsets)
        statistics.updateSequence(static_cast<std::uint16_t>(base + offset));
}
} // namespace

void TestRtpReceiveStatistics::lossAndFraction_data()
{
    QTest::addColumn<QList<int>>("offsets");
    QTest::addColumn<qint64>("lost");
    QTest::addColumn<int>("fraction");
    QTest::newRow("no loss") << QList<int>{0, 1, 2, 3, 4, 5, 6, 7} << qint64(0) << 0;
    // Probation takes packets 0 and 1; counting starts at 1: expected 1..8 = 8, received 6.
    QTest::newRow("two lost") << QList<int>{0, 1, 2, 4, 5, 7, 8} << qint64(2) << (2 * 256 / 8);
    QTest::newRow("reordered") << QList<int>{0, 1, 3, 2, 4, 5} << qint64(0) << 0;
    QTest::newRow("duplicate") << QList<int>{0, 1, 2, 2, 3} << qint64(-1) << 0;
    QTest::newRow("half lost") << QList<int>{0, 1, 3, 5, 7, 9} << qint64(4) << (4 * 256 / 9);
}

void TestRtpReceiveStatistics::lossAndFraction()
{
    QFETCH(QList<int>, offsets);
    QFETCH(qint64, lost);
    QFETCH(int, fraction);
    RtpReceiveStatistics statistics(8000);
    feed(statistics, 1000, offsets);
    QCOMPARE(statistics.cumulativeLost(), lost);
    const auto block = statistics.makeReportBlock(7, 0, 0);
    QCOMPARE(int(block.fractionLost), fraction);
    QCOMPARE(block.cumulativeLost, static_cast<std::int32_t>(lost));
    QCOMPARE(block.ssrc, 7u);
    // A second interval without packets reports no new loss.
    QCOMPARE(int(statistics.makeReportBlock(7, 0, 0).fractionLost), 0);
}

void TestRtpReceiveStatistics::sequenceWrapExtendsCycles()
{
    RtpReceiveStatistics statistics;
    for (int i = 0; i < 10; ++i)
        QVERIFY(statistics.updateSequence(static_cast<std::uint16_t>(65530 + i)) || i == 0);
    QCOMPARE(statistics.extendedHighestSequence(), 65536u + 3u);
    QCOMPARE(statistics.cumulativeLost(), qint64(0));
}

void TestRtpReceiveStatistics::probationRejectsFirstPacket()
{
    RtpReceiveStatistics statistics;
    QVERIFY(!statistics.updateSequence(10));
    QVERIFY(statistics.updateSequence(11));
    QCOMPARE(statistics.packetsReceived(), std::uint64_t{1});
}

void TestRtpReceiveStatistics::restartAfterJumpNeedsTwoPackets()
{
    RtpReceiveStatistics statistics;
    feed(statistics, 100, {0, 1, 2, 3});
    QVERIFY(!statistics.updateSequence(30000)); // big jump: not trusted yet
    QVERIFY(statistics.updateSequence(30001));  // confirmed: resynchronised
    QVERIFY(statistics.updateSequence(30002));
    QCOMPARE(statistics.cumulativeLost(), qint64(0));
}

void TestRtpReceiveStatistics::jitterZeroForSteadyArrival()
{
    RtpReceiveStatistics statistics(8000);
    for (int i = 0; i < 50; ++i)
        statistics.updateJitter(static_cast<std::uint32_t>(1000 + i * 160), 5000000 + std::int64_t{i} * 20000);
    QCOMPARE(statistics.jitter(), 0u);
}

void TestRtpReceiveStatistics::jitterConvergesForAlternatingDelay()
{
    // Arrival alternates 0 / +5 ms around the schedule: |D| is 40 units every packet, so J -> 40.
    RtpReceiveStatistics statistics(8000);
    for (int i = 0; i < 400; ++i) {
        const std::int64_t arrival = std::int64_t{i} * 20000 + (i % 2 ? 5000 : 0);
        statistics.updateJitter(static_cast<std::uint32_t>(i * 160), arrival);
    }
    QVERIFY2(std::abs(static_cast<int>(statistics.jitter()) - 40) <= 1,
             qPrintable(QString::number(statistics.jitter())));
    QVERIFY(std::abs(statistics.jitterMs() - 5.0) < 0.2);
}

QTEST_GUILESS_MAIN(TestRtpReceiveStatistics)
#include "TestRtpReceiveStatistics.moc"
