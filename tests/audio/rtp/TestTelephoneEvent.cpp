// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/TelephoneEvent.h"
#include "audio/rtp/TelephoneEventReceiver.h"
#include "audio/rtp/TelephoneEventSender.h"

#include <QTest>

using Audio::TelephoneEvent;
using Audio::TelephoneEventReceiver;
using Audio::TelephoneEventSender;

class TestTelephoneEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void digitMapping_data();
    void digitMapping();
    void payloadRoundTrip();
    void payloadKnownBytes();
    void senderSequence();
    void senderQueuesDigitsWithGap();
    void senderRejectsUnknownDigit();
    void receiverDeduplicates();
    void receiverReportsEventWhoseStartWasLost();
    void receiverIgnoresStaleAndMalformed();
};

void TestTelephoneEvent::digitMapping_data()
{
    QTest::addColumn<char>("digit");
    QTest::addColumn<int>("event");
    QTest::newRow("0") << '0' << 0;
    QTest::newRow("9") << '9' << 9;
    QTest::newRow("*") << '*' << 10;
    QTest::newRow("#") << '#' << 11;
    QTest::newRow("A") << 'A' << 12;
    QTest::newRow("d") << 'd' << 15;
    QTest::newRow("x") << 'x' << -1;
    QTest::newRow("space") << ' ' << -1;
}

void TestTelephoneEvent::digitMapping()
{
    QFETCH(char, digit);
    QFETCH(int, event);
    QCOMPARE(TelephoneEvent::fromDigit(digit), event);
    if (event >= 0)
        QCOMPARE(TelephoneEvent::toDigit(event), static_cast<char>(std::toupper(digit)));
}

void TestTelephoneEvent::payloadRoundTrip()
{
    TelephoneEvent event;
    event.event = 11;
    event.end = true;
    event.volume = 20;
    event.duration = 1600;
    const auto bytes = event.serialize();
    const auto parsed = TelephoneEvent::parse(bytes);
    QVERIFY(parsed);
    QCOMPARE(*parsed, event);
}

void TestTelephoneEvent::payloadKnownBytes()
{
    // RFC 4733 figure 1 layout: event 5, E=1, volume 10, duration 0x0320.
    const std::uint8_t bytes[4] = {0x05, 0x8A, 0x03, 0x20};
    const auto event = TelephoneEvent::parse(bytes);
    QVERIFY(event);
    QCOMPARE(event->event, std::uint8_t{5});
    QVERIFY(event->end);
    QCOMPARE(event->volume, std::uint8_t{10});
    QCOMPARE(event->duration, std::uint16_t{800});
    QVERIFY(!TelephoneEvent::parse(std::span(bytes, 3)));
}

void TestTelephoneEvent::senderSequence()
{
    TelephoneEventSender sender(8000, 20); // 160 units per interval
    QVERIFY(sender.queue('7', 100));       // 800 units: 5 intervals
    TelephoneEventSender::Packets packets;
    std::uint32_t timestamp = 5000;
    QVERIFY(sender.isSending());
    std::vector<TelephoneEvent> seen;
    for (int interval = 0; interval < 4; ++interval, timestamp += 160) {
        QCOMPARE(sender.next(timestamp, packets), 1);
        QCOMPARE(packets[0].timestamp, 5000u);      // all packets carry the start timestamp
        QCOMPARE(packets[0].marker, interval == 0); // marker on the first only
        const auto event = TelephoneEvent::parse(packets[0].payload);
        QCOMPARE(event->event, std::uint8_t{7});
        QVERIFY(!event->end);
        QCOMPARE(int(event->duration), 160 * (interval + 1));
    }
    QCOMPARE(sender.next(timestamp, packets), 3); // final packet, sent three times
    for (const auto &packet : packets) {
        const auto event = TelephoneEvent::parse(packet.payload);
        QVERIFY(event->end);
        QCOMPARE(int(event->duration), 800);
        QCOMPARE(packet.timestamp, 5000u);
        QVERIFY(!packet.marker);
    }
    QVERIFY(!sender.isSending());
}

void TestTelephoneEvent::senderQueuesDigitsWithGap()
{
    TelephoneEventSender sender(8000, 20);
    QVERIFY(sender.queue('1', 40));
    QVERIFY(sender.queue('1', 40));
    TelephoneEventSender::Packets packets;
    std::vector<std::uint32_t> starts;
    std::uint32_t timestamp = 0;
    for (int interval = 0; interval < 20 && sender.isBusy(); ++interval, timestamp += 160) {
        const int count = sender.next(timestamp, packets);
        if (count > 0 && packets[0].marker)
            starts.push_back(packets[0].timestamp);
    }
    QVERIFY(!sender.isBusy());
    QCOMPARE(starts.size(), std::size_t{2});
    QVERIFY(starts[1] > starts[0] + 320); // distinct events with a pause between them
}

void TestTelephoneEvent::senderRejectsUnknownDigit()
{
    TelephoneEventSender sender(8000, 20);
    QVERIFY(!sender.queue('x'));
    QVERIFY(!sender.isBusy());
}

void TestTelephoneEvent::receiverDeduplicates()
{
    TelephoneEventReceiver receiver;
    TelephoneEventSender sender(8000, 20);
    sender.queue('5', 100);
    sender.queue('#', 60);
    TelephoneEventSender::Packets packets;
    std::vector<int> detected;
    std::uint32_t timestamp = 1000;
    for (int interval = 0; interval < 30; ++interval, timestamp += 160) {
        const int count = sender.next(timestamp, packets);
        for (int i = 0; i < count; ++i) {
            if (const auto event = receiver.onPacket(42, packets[static_cast<std::size_t>(i)].timestamp,
                                                     packets[static_cast<std::size_t>(i)].payload))
                detected.push_back(*event);
        }
    }
    QCOMPARE(detected, (std::vector<int>{5, 11}));
}

void TestTelephoneEvent::receiverReportsEventWhoseStartWasLost()
{
    TelephoneEventReceiver receiver;
    TelephoneEvent end;
    end.event = 3;
    end.end = true;
    end.duration = 800;
    const auto payload = end.serialize();
    QCOMPARE(receiver.onPacket(1, 2000, payload), std::optional<int>(3)); // only the end packets arrived
    QCOMPARE(receiver.onPacket(1, 2000, payload), std::nullopt);
    QCOMPARE(receiver.onPacket(1, 2000, payload), std::nullopt);
}

void TestTelephoneEvent::receiverIgnoresStaleAndMalformed()
{
    TelephoneEventReceiver receiver;
    TelephoneEvent event;
    event.event = 1;
    QCOMPARE(receiver.onPacket(1, 0xFFFFFF00u, event.serialize()), std::optional<int>(1));
    event.event = 2;
    QCOMPARE(receiver.onPacket(1, 0x00000100u, event.serialize()), std::optional<int>(2)); // after wrap
    QCOMPARE(receiver.onPacket(1, 0xFFFFFF00u, event.serialize()), std::nullopt);          // stale reorder
    const std::uint8_t shortPayload[2] = {1, 2};
    QCOMPARE(receiver.onPacket(1, 0x00001000u, shortPayload), std::nullopt);
    // A new SSRC starts afresh.
    QCOMPARE(receiver.onPacket(2, 0x00000010u, event.serialize()), std::optional<int>(2));
}

QTEST_GUILESS_MAIN(TestTelephoneEvent)
#include "TestTelephoneEvent.moc"
