// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpPacket.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>

using Audio::RtpPacket;

class TestRtpPacket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildAndParse_data();
    void buildAndParse();
    void parsesKnownBytes();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void serializeRejectsInconsistent();
    void fuzzRandomBytes();
};

namespace {
std::span<const std::uint8_t> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), static_cast<std::size_t>(data.size())};
}
} // namespace

void TestRtpPacket::buildAndParse_data()
{
    QTest::addColumn<int>("csrcCount");
    QTest::addColumn<int>("extensionWords");
    QTest::addColumn<int>("payloadBytes");
    QTest::addColumn<int>("padding");
    QTest::addColumn<bool>("marker");
    QTest::newRow("plain") << 0 << 0 << 160 << 0 << false;
    QTest::newRow("marker") << 0 << 0 << 80 << 0 << true;
    QTest::newRow("csrc") << 3 << 0 << 20 << 0 << false;
    QTest::newRow("max csrc") << 15 << 0 << 20 << 0 << false;
    QTest::newRow("extension") << 0 << 2 << 33 << 0 << false;
    QTest::newRow("empty extension") << 0 << 0 << 33 << 0 << false;
    QTest::newRow("padding") << 0 << 0 << 17 << 3 << false;
    QTest::newRow("padding only byte") << 0 << 0 << 17 << 1 << false;
    QTest::newRow("everything") << 2 << 1 << 100 << 4 << true;
    QTest::newRow("empty payload") << 0 << 0 << 0 << 0 << false;
}

void TestRtpPacket::buildAndParse()
{
    QFETCH(int, csrcCount);
    QFETCH(int, extensionWords);
    QFETCH(int, payloadBytes);
    QFETCH(int, padding);
    QFETCH(bool, marker);
    std::vector<std::uint8_t> payload(static_cast<std::size_t>(payloadBytes));
    for (std::size_t i = 0; i < payload.size(); ++i)
        payload[i] = static_cast<std::uint8_t>(i * 7);
    std::vector<std::uint8_t> extension(static_cast<std::size_t>(extensionWords * 4), 0xAB);

    RtpPacket packet;
    packet.marker = marker;
    packet.payloadType = 111;
    packet.sequenceNumber = 0xFFFE;
    packet.timestamp = 0xDEADBEEF;
    packet.ssrc = 0x01020304;
    packet.csrcCount = static_cast<std::uint8_t>(csrcCount);
    for (int i = 0; i < csrcCount; ++i)
        packet.csrcs[static_cast<std::size_t>(i)] = 1000u + static_cast<std::uint32_t>(i);
    packet.hasExtension = QByteArray(QTest::currentDataTag()).contains("extension") || extensionWords > 0;
    packet.extensionProfile = 0xBEDE;
    packet.extension = extension;
    packet.payload = payload;
    packet.paddingBytes = static_cast<std::uint8_t>(padding);

    std::vector<std::uint8_t> buffer(1500);
    const std::size_t size = packet.serialize(buffer);
    QCOMPARE(size, packet.serializedSize());
    const auto parsed = RtpPacket::parse(std::span(buffer.data(), size));
    QVERIFY(parsed);
    QCOMPARE(parsed->marker, marker);
    QCOMPARE(parsed->payloadType, std::uint8_t{111});
    QCOMPARE(parsed->sequenceNumber, std::uint16_t{0xFFFE});
    QCOMPARE(parsed->timestamp, 0xDEADBEEFu);
    QCOMPARE(parsed->ssrc, 0x01020304u);
    QCOMPARE(int(parsed->csrcCount), csrcCount);
    for (int i = 0; i < csrcCount; ++i)
        QCOMPARE(parsed->csrcs[static_cast<std::size_t>(i)], 1000u + static_cast<std::uint32_t>(i));
    QCOMPARE(parsed->hasExtension, packet.hasExtension);
    if (packet.hasExtension) {
        QCOMPARE(parsed->extensionProfile, std::uint16_t{0xBEDE});
        QVERIFY(std::equal(parsed->extension.begin(), parsed->extension.end(), extension.begin(), extension.end()));
    }
    QVERIFY(std::equal(parsed->payload.begin(), parsed->payload.end(), payload.begin(), payload.end()));
    QCOMPARE(int(parsed->paddingBytes), padding);
}

void TestRtpPacket::parsesKnownBytes()
{
    // V=2 P=0 X=0 CC=0, M=1 PT=0, seq 0x1234, ts 0x00000A00, SSRC 0xCAFEBABE, payload FF FF
    const QByteArray datagram = QByteArray::fromHex("808012340000 0a00 cafebabe ffff");
    const auto packet = RtpPacket::parse(bytesOf(datagram));
    QVERIFY(packet);
    QVERIFY(packet->marker);
    QCOMPARE(packet->payloadType, std::uint8_t{0});
    QCOMPARE(packet->sequenceNumber, std::uint16_t{0x1234});
    QCOMPARE(packet->timestamp, 0x0A00u);
    QCOMPARE(packet->ssrc, 0xCAFEBABEu);
    QCOMPARE(packet->payload.size(), std::size_t{2});
}

void TestRtpPacket::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray::fromHex("80");
    QTest::newRow("11 bytes") << QByteArray::fromHex("8000123400000a00cafeba");
    QTest::newRow("version 0") << QByteArray::fromHex("0000123400000a00cafebabe");
    QTest::newRow("version 1") << QByteArray::fromHex("4000123400000a00cafebabe");
    QTest::newRow("version 3") << QByteArray::fromHex("c000123400000a00cafebabe");
    QTest::newRow("csrc past end") << QByteArray::fromHex("8200123400000a00cafebabe00000001");
    QTest::newRow("extension header cut") << QByteArray::fromHex("9000123400000a00cafebabebede");
    QTest::newRow("extension data past end") << QByteArray::fromHex("9000123400000a00cafebabebede000200000000");
    QTest::newRow("padding zero") << QByteArray::fromHex("a000123400000a00cafebabe112200");
    QTest::newRow("padding too large") << QByteArray::fromHex("a000123400000a00cafebabe112205");
    QTest::newRow("padding over header") << QByteArray::fromHex("a000123400000a00cafebabe0d");
    QTest::newRow("rtcp sr") << QByteArray::fromHex("80c8000600000001000000000000000000000000000000000000000000000000");
    QTest::newRow("rtcp rr") << QByteArray::fromHex("81c90007cafebabe");
}

void TestRtpPacket::rejectsMalformed()
{
    QFETCH(QByteArray, datagram);
    QVERIFY(!RtpPacket::parse(bytesOf(datagram)));
}

void TestRtpPacket::serializeRejectsInconsistent()
{
    std::vector<std::uint8_t> buffer(100);
    const std::uint8_t oddExtension[3] = {1, 2, 3};
    RtpPacket packet;
    packet.hasExtension = true;
    packet.extension = oddExtension;
    QCOMPARE(packet.serialize(buffer), std::size_t{0});

    RtpPacket tooBig;
    tooBig.payloadType = 128;
    QCOMPARE(tooBig.serialize(buffer), std::size_t{0});

    RtpPacket fits;
    std::vector<std::uint8_t> payload(90);
    fits.payload = payload;
    QCOMPARE(fits.serialize(buffer), std::size_t{0}); // needs 102 bytes, has 100
    std::vector<std::uint8_t> larger(102);
    QCOMPARE(fits.serialize(larger), std::size_t{102});
}

void TestRtpPacket::fuzzRandomBytes()
{
    // Random datagrams, biased to look like RTP: the parser must never read out of bounds (run under
    // OFFHOOK_SANITIZE to prove it) and whatever it accepts must re-serialise to an equal packet.
    QRandomGenerator random(20240611);
    std::vector<std::uint8_t> datagram(256);
    std::vector<std::uint8_t> rebuilt(512);
    int accepted = 0;
    for (int round = 0; round < 50000; ++round) {
        const std::size_t size = random.bounded(64u);
        std::vector<std::uint8_t> exact(size);
        for (auto &byte : exact)
            byte = static_cast<std::uint8_t>(random.bounded(256u));
        if (size > 0 && random.bounded(4u) != 0)
            exact[0] = static_cast<std::uint8_t>(0x80 | (exact[0] & 0x3F));
        const auto packet = RtpPacket::parse(exact);
        if (!packet)
            continue;
        ++accepted;
        QVERIFY(packet->payload.data() >= exact.data());
        QVERIFY(packet->payload.data() + packet->payload.size() <= exact.data() + exact.size());
        const std::size_t written = packet->serialize(rebuilt);
        QVERIFY(written > 0);
        const auto again = RtpPacket::parse(std::span(rebuilt.data(), written));
        QVERIFY(again);
        QCOMPARE(again->sequenceNumber, packet->sequenceNumber);
        QCOMPARE(again->payload.size(), packet->payload.size());
        QCOMPARE(again->extension.size(), packet->extension.size());
    }
    QVERIFY(accepted > 100);
}

QTEST_GUILESS_MAIN(TestRtpPacket)
#include "TestRtpPacket.moc"
