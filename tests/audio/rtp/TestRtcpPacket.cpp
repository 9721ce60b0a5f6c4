// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/NtpTime.h"
#include "audio/rtp/RtcpPacket.h"

#include <QTest>

using Audio::RtcpPacket;
using Audio::RtcpReport;
using Audio::RtcpReportBlock;
using Audio::RtcpSenderInfo;

class TestRtcpPacket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildAndParse_data();
    void buildAndParse();
    void parsesKnownReceiverReport();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void ntpCompactForm();
};

namespace {
std::span<const std::uint8_t> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), static_cast<std::size_t>(data.size())};
}

RtcpReportBlock block(std::uint32_t ssrc, std::int32_t lost)
{
    RtcpReportBlock b;
    b.ssrc = ssrc;
    b.fractionLost = 64;
    b.cumulativeLost = lost;
    b.extendedHighestSequence = 0x00010005;
    b.jitter = 123;
    b.lastSenderReport = 0x12345678;
    b.delaySinceLastSenderReport = 0x00010000;
    return b;
}
} // namespace

void TestRtcpPacket::buildAndParse_data()
{
    QTest::addColumn<bool>("sender");
    QTest::addColumn<int>("blocks");
    QTest::addColumn<QByteArray>("cname");
    QTest::addColumn<bool>("bye");
    QTest::newRow("SR no blocks") << true << 0 << QByteArray("a@b") << false;
    QTest::newRow("SR one block") << true << 1 << QByteArray("offhook-1") << false;
    QTest::newRow("RR one block") << false << 1 << QByteArray("x") << false;
    QTest::newRow("RR empty") << false << 0 << QByteArray() << false;
    QTest::newRow("RR many blocks") << false << 31 << QByteArray("abcd") << false;
    QTest::newRow("SR with BYE") << true << 1 << QByteArray("abc") << true;
}

void TestRtcpPacket::buildAndParse()
{
    QFETCH(bool, sender);
    QFETCH(int, blocks);
    QFETCH(QByteArray, cname);
    QFETCH(bool, bye);
    RtcpReport report;
    report.ssrc = 0xA1B2C3D4;
    if (sender)
        report.senderInfo = RtcpSenderInfo{0x0123456789ABCDEFull, 160000, 50, 8000};
    for (int i = 0; i < blocks; ++i)
        report.reportBlocks.push_back(block(100u + static_cast<std::uint32_t>(i), i % 2 ? -5 : 1000));
    report.cname = cname;
    report.bye = bye;
    std::vector<std::uint8_t> buffer(1500);
    const std::size_t size = RtcpPacket::build(report, buffer);
    QVERIFY(size > 0);
    QCOMPARE(size % 4, std::size_t{0});
    const auto parsed = RtcpPacket::parse(std::span(buffer.data(), size));
    QVERIFY(parsed);
    QCOMPARE(parsed->ssrc, report.ssrc);
    QCOMPARE(parsed->senderInfo.has_value(), sender);
    if (sender)
        QCOMPARE(*parsed->senderInfo, *report.senderInfo);
    QCOMPARE(parsed->reportBlocks, report.reportBlocks);
    QCOMPARE(parsed->cname, cname);
    QCOMPARE(parsed->bye, bye);
    // Too small a buffer fails cleanly.
    QCOMPARE(RtcpPacket::build(report, std::span(buffer.data(), size - 1)), std::size_t{0});
}

void TestRtcpPacket::parsesKnownReceiverReport()
{
    // RR from SSRC 1 with one block on SSRC 2: fraction 0x80, cumulative lost -1 (0xFFFFFF), ext seq 0x10,
    // jitter 0x20, LSR 0x30, DLSR 0x40.
    const QByteArray datagram =
        QByteArray::fromHex("81c90007 00000001 00000002 80ffffff 00000010 00000020 00000030 00000040");
    const auto report = RtcpPacket::parse(bytesOf(datagram));
    QVERIFY(report);
    QCOMPARE(report->ssrc, 1u);
    QVERIFY(!report->senderInfo);
    QCOMPARE(report->reportBlocks.size(), std::size_t{1});
    const RtcpReportBlock &b = report->reportBlocks.front();
    QCOMPARE(b.ssrc, 2u);
    QCOMPARE(b.fractionLost, std::uint8_t{0x80});
    QCOMPARE(b.cumulativeLost, -1);
    QCOMPARE(b.extendedHighestSequence, 0x10u);
    QCOMPARE(b.jitter, 0x20u);
    QCOMPARE(b.lastSenderReport, 0x30u);
    QCOMPARE(b.delaySinceLastSenderReport, 0x40u);
}

void TestRtcpPacket::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short header") << QByteArray::fromHex("81c9");
    QTest::newRow("version 1") << QByteArray::fromHex("41c9000100000001");
    QTest::newRow("length past end") << QByteArray::fromHex("80c9000500000001");
    QTest::newRow("block count past length") << QByteArray::fromHex("81c9000100000001");
    QTest::newRow("sr without sender info") << QByteArray::fromHex("80c8000100000001");
    QTest::newRow("starts with sdes") << QByteArray::fromHex("81ca000100000001");
    QTest::newRow("garbage after report") << QByteArray::fromHex("80c9000100000001ff");
    QTest::newRow("second packet bad version") << QByteArray::fromHex("80c900010000000100ca000100000001");
}

void TestRtcpPacket::rejectsMalformed()
{
    QFETCH(QByteArray, datagram);
    QVERIFY(!RtcpPacket::parse(bytesOf(datagram)));
}

void TestRtcpPacket::ntpCompactForm()
{
    const std::uint64_t ntp = 0x0000ABCD12340000ull;
    QCOMPARE(Audio::NtpTime::compact(ntp), 0xABCD1234u);
    QCOMPARE(Audio::NtpTime::compactDuration(std::chrono::milliseconds(1500)), 0x00018000u);
    QCOMPARE(Audio::NtpTime::compactToMs(0x00008000u), 500.0);
    // 1970-01-01 is 2208988800 s after 1900-01-01.
    QCOMPARE(Audio::NtpTime::fromSystemTime(std::chrono::system_clock::time_point{}) >> 32, 2208988800ull);
}

QTEST_GUILESS_MAIN(TestRtcpPacket)
#include "TestRtcpPacket.moc"
