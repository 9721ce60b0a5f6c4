// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/SpscRingBuffer.h"

#include <QTest>
#include <thread>

using Audio::SpscRingBuffer;

class TestSpscRingBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsAndDrains();
    void wrapsAround();
    void concurrentTransferKeepsOrder();
};

void TestSpscRingBuffer::fillsAndDrains()
{
    SpscRingBuffer<int> ring(8);
    QCOMPARE(ring.capacity(), std::size_t{8});
    const int data[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QCOMPARE(ring.write(data, 10), std::size_t{8}); // only what fits
    QCOMPARE(ring.available(), std::size_t{8});
    QCOMPARE(ring.space(), std::size_t{0});
    int out[10] = {};
    QCOMPARE(ring.read(out, 10), std::size_t{8});
    QCOMPARE(out[7], 8);
    QCOMPARE(ring.available(), std::size_t{0});
    QCOMPARE(ring.read(out, 1), std::size_t{0});
}

void TestSpscRingBuffer::wrapsAround()
{
    SpscRingBuffer<int> ring(5);
    int counter = 0;
    int expected = 0;
    for (int round = 0; round < 20; ++round) {
        int in[3] = {counter, counter + 1, counter + 2};
        QCOMPARE(ring.write(in, 3), std::size_t{3});
        counter += 3;
        int out[3] = {};
        QCOMPARE(ring.read(out, 3), std::size_t{3});
        for (int value : out)
            QCOMPARE(value, expected++);
    }
    ring.write(&counter, 1);
    QCOMPARE(ring.discard(5), std::size_t{1});
}

void TestSpscRingBuffer::concurrentTransferKeepsOrder()
{
    SpscRingBuffer<std::uint32_t> ring(256);
    constexpr std::uint32_t kCount = 200000;
    std::thread producer([&] {
        std::uint32_t next = 0;
        while (next < kCount) {
            std::uint32_t chunk[37];
            const std::uint32_t n = std::min<std::uint32_t>(37, kCount - next);
            for (std::uint32_t i = 0; i < n; ++i)
                chunk[i] = next + i;
            next += static_cast<std::uint32_t>(ring.write(chunk, n));
            if (ring.space() == 0)
                std::this_thread::yield();
        }
    });
    std::uint32_t expected = 0;
    bool inOrder = true;
    while (expected < kCount) {
        std::uint32_t chunk[53];
        const std::size_t n = ring.read(chunk, 53);
        for (std::size_t i = 0; i < n; ++i)
            inOrder = inOrder && chunk[i] == expected++;
        if (n == 0)
            std::this_thread::yield();
    }
    producer.join();
    QVERIFY(inOrder);
}

QTEST_GUILESS_MAIN(TestSpscRingBuffer)
#include "TestSpscRingBuffer.moc"
