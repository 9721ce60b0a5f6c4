// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/JitterBuffer.h"

#include <QTest>
#include <algorithm>

using Audio::JitterBuffer;

class TestJitterBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inOrderPlaysEveryPacket();
    void reorderingIsRepaired();
    void lossIsReportedAsMissing();
    void emptyBufferReportsMissing();
    void timestampWrapAround();
};

namespace {
constexpr int kFrame = 160;

struct Outcome
{
    std::vector<std::uint32_t> played; // timestamps in playout order
    int missing = 0;
};

/// Simulates a call: at tick i the packets listed in arrivals[i] arrive, then one frame is played.
Outcome simulate(JitterBuffer &buffer, const std::vector<std::vector<std::uint32_t>> &arrivals, int extraTicks = 5)
{
    Outcome outcome;
    std::vector<std::uint8_t> storage(64);
    const int ticks = static_cast<int>(arrivals.size()) + extraTicks;
    for (int tick = 0; tick < ticks; ++tick) {
        if (tick < static_cast<int>(arrivals.size())) {
            for (std::uint32_t timestamp : arrivals[static_cast<std::size_t>(tick)]) {
                std::uint8_t payload[4] = {
                    static_cast<std::uint8_t>(timestamp >> 24), static_cast<std::uint8_t>(timestamp >> 16),
                    static_cast<std::uint8_t>(timestamp >> 8), static_cast<std::uint8_t>(timestamp)};
                buffer.put(payload, timestamp, kFrame, static_cast<std::uint16_t>(timestamp / kFrame));
            }
        }
        std::span<std::uint8_t> payload;
        std::uint32_t timestamp = 0;
        const JitterBuffer::Result result = buffer.get(storage, payload, timestamp);
        if (result == JitterBuffer::Result::Packet) {
            // The payload is the packet the buffer claims it is.
            const std::uint32_t fromPayload = (std::uint32_t{payload[0]} << 24) | (std::uint32_t{payload[1]} << 16) |
                                              (std::uint32_t{payload[2]} << 8) | payload[3];
            if (fromPayload == timestamp)
                outcome.played.push_back(timestamp);
        } else if (!outcome.played.empty()) {
            ++outcome.missing;
        }
    }
    return outcome;
}

bool strictlyIncreasing(const std::vector<std::uint32_t> &timestamps)
{
    for (std::size_t i = 1; i < timestamps.size(); ++i) {
        if (static_cast<std::int32_t>(timestamps[i] - timestamps[i - 1]) <= 0)
            return false;
    }
    return true;
}
} // namespace

void TestJitterBuffer::inOrderPlaysEveryPacket()
{
    JitterBuffer buffer(kFrame);
    std::vector<std::vector<std::uint32_t>> arrivals;
    for (std::uint32_t i = 0; i < 100; ++i)
        arrivals.push_back({i * kFrame});
    const Outcome outcome = simulate(buffer, arrivals);
    QCOMPARE(outcome.played.size(), std::size_t{100});
    QVERIFY(strictlyIncreasing(outcome.played));
}

void TestJitterBuffer::reorderingIsRepaired()
{
    JitterBuffer buffer(kFrame);
    // After a steady start, every pair of packets arrives swapped, the first of each pair one tick late.
    std::vector<std::vector<std::uint32_t>> arrivals;
    for (std::uint32_t i = 0; i < 20; ++i)
        arrivals.push_back({i * kFrame});
    for (std::uint32_t i = 20; i < 200; i += 2) {
        arrivals.push_back({(i + 1) * kFrame});
        arrivals.push_back({i * kFrame});
    }
    const Outcome outcome = simulate(buffer, arrivals);
    QVERIFY(strictlyIncreasing(outcome.played));
    // The adaptive buffer grows its delay to absorb the reordering: nearly everything is played.
    QVERIFY2(outcome.played.size() >= 190, qPrintable(QString::number(outcome.played.size())));
}

void TestJitterBuffer::lossIsReportedAsMissing()
{
    JitterBuffer buffer(kFrame);
    std::vector<std::vector<std::uint32_t>> arrivals;
    const std::vector<std::uint32_t> lost = {30, 31, 50, 77};
    for (std::uint32_t i = 0; i < 100; ++i) {
        if (std::find(lost.begin(), lost.end(), i) == lost.end())
            arrivals.push_back({i * kFrame});
        else
            arrivals.push_back({});
    }
    const Outcome outcome = simulate(buffer, arrivals, 0);
    QVERIFY(strictlyIncreasing(outcome.played));
    for (std::uint32_t i : lost)
        QVERIFY(std::find(outcome.played.begin(), outcome.played.end(), i * kFrame) == outcome.played.end());
    QCOMPARE(outcome.played.size() + static_cast<std::size_t>(outcome.missing), std::size_t{100});
    QVERIFY(outcome.missing >= static_cast<int>(lost.size()));
}

void TestJitterBuffer::emptyBufferReportsMissing()
{
    JitterBuffer buffer(kFrame);
    std::vector<std::uint8_t> storage(16);
    std::span<std::uint8_t> payload;
    std::uint32_t timestamp = 0;
    QVERIFY(buffer.get(storage, payload, timestamp) != JitterBuffer::Result::Packet);
    QCOMPARE(buffer.bufferedPackets(), 0);
}

void TestJitterBuffer::timestampWrapAround()
{
    JitterBuffer buffer(kFrame);
    std::vector<std::vector<std::uint32_t>> arrivals;
    const std::uint32_t start = 0xFFFFFFFFu - 20 * kFrame;
    for (std::uint32_t i = 0; i < 60; ++i)
        arrivals.push_back({start + i * kFrame});
    const Outcome outcome = simulate(buffer, arrivals);
    QCOMPARE(outcome.played.size(), std::size_t{60});
    QVERIFY(strictlyIncreasing(outcome.played));
}

QTEST_GUILESS_MAIN(TestJitterBuffer)
#include "TestJitterBuffer.moc"
