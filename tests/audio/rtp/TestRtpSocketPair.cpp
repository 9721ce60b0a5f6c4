// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpSocketPair.h"
#include "audio/rtp/UdpSocket.h"

#include <QTest>

using Audio::RtpSocketPair;
using Audio::SocketAddress;
using Audio::UdpSocket;

class TestRtpSocketPair : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bindsEvenOddPairInRange_data();
    void bindsEvenOddPairInRange();
    void skipsTakenPorts();
    void failsWhenRangeHasNoPair();
    void sendAndReceive_data();
    void sendAndReceive();
    void dualStackReachesIpv4();
};

namespace {
bool ipv6Available()
{
    UdpSocket probe;
    return probe.bind(SocketAddress::loopback(SocketAddress::Family::IPv6));
}

/// Waits (bounded) for a datagram on socket.
int receiveWithin(UdpSocket &socket, std::vector<std::uint8_t> &buffer, SocketAddress &from)
{
    UdpSocket *sockets[1] = {&socket};
    bool readable[1] = {false};
    for (int attempt = 0; attempt < 50; ++attempt) {
        UdpSocket::waitReadable(sockets, 100, readable);
        const int size = socket.receiveFrom(buffer, from);
        if (size >= 0)
            return size;
    }
    return -1;
}
} // namespace

void TestRtpSocketPair::bindsEvenOddPairInRange_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("ipv4 loopback") << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv6 loopback") << QStringLiteral("::1");
}

void TestRtpSocketPair::bindsEvenOddPairInRange()
{
    QFETCH(QString, address);
    if (address.contains(QLatin1Char(':')) && !ipv6Available())
        QSKIP("IPv6 loopback not available");
    RtpSocketPair pair;
    QVERIFY2(pair.bind(address, 41000, 41999), qPrintable(pair.errorString()));
    QVERIFY(pair.isBound());
    QCOMPARE(pair.rtpPort() % 2, 0);
    QVERIFY(pair.rtpPort() >= 41000 && pair.rtcpPort() <= 41999);
    QCOMPARE(pair.rtcpPort(), pair.rtpPort() + 1);
    QCOMPARE(pair.rtp().localAddress().port(), pair.rtpPort());
    QCOMPARE(pair.rtcp().localAddress().port(), pair.rtcpPort());
}

void TestRtpSocketPair::skipsTakenPorts()
{
    // Occupy the RTCP port of the only pair but one: the pair must land on the other.
    UdpSocket blocker;
    QVERIFY(blocker.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 42001)));
    RtpSocketPair pair;
    QVERIFY2(pair.bind(QStringLiteral("127.0.0.1"), 42000, 42003), qPrintable(pair.errorString()));
    QCOMPARE(pair.rtpPort(), std::uint16_t{42002});
}

void TestRtpSocketPair::failsWhenRangeHasNoPair()
{
    RtpSocketPair pair;
    QVERIFY(!pair.bind(QStringLiteral("127.0.0.1"), 43001, 43001));
    QVERIFY(!pair.errorString().isEmpty());
    QVERIFY(!pair.bind(QStringLiteral("not-an-address"), 43000, 43010));
}

void TestRtpSocketPair::sendAndReceive_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv6") << QStringLiteral("::1");
}

void TestRtpSocketPair::sendAndReceive()
{
    QFETCH(QString, address);
    if (address.contains(QLatin1Char(':')) && !ipv6Available())
        QSKIP("IPv6 loopback not available");
    UdpSocket a;
    UdpSocket b;
    QVERIFY(a.bind(SocketAddress::fromString(address, 0)));
    QVERIFY(b.bind(SocketAddress::fromString(address, 0)));
    const std::uint8_t message[5] = {1, 2, 3, 4, 5};
    QCOMPARE(a.sendTo(message, b.localAddress()), 5);
    std::vector<std::uint8_t> buffer(100);
    SocketAddress from;
    QCOMPARE(receiveWithin(b, buffer, from), 5);
    QCOMPARE(from, a.localAddress());
    QCOMPARE(buffer[4], std::uint8_t{5});
    // Nothing more waiting: non-blocking receive says so at once.
    QCOMPARE(b.receiveFrom(buffer, from), -1);
}

void TestRtpSocketPair::dualStackReachesIpv4()
{
    if (!ipv6Available())
        QSKIP("IPv6 not available");
    UdpSocket dual;
    QVERIFY(dual.bind(SocketAddress::any(SocketAddress::Family::IPv6)));
    UdpSocket v4;
    QVERIFY(v4.bind(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0)));
    const std::uint8_t message[3] = {9, 8, 7};
    QCOMPARE(dual.sendTo(message, v4.localAddress()), 3);
    std::vector<std::uint8_t> buffer(16);
    SocketAddress from;
    QCOMPARE(receiveWithin(v4, buffer, from), 3);
    // And back: the dual-stack socket sees the IPv4 peer as IPv4, not as ::ffff:127.0.0.1.
    SocketAddress dualAddress = SocketAddress::fromString(QStringLiteral("127.0.0.1"), dual.localAddress().port());
    QCOMPARE(v4.sendTo(message, dualAddress), 3);
    QCOMPARE(receiveWithin(dual, buffer, from), 3);
    QCOMPARE(from, v4.localAddress());
}

QTEST_GUILESS_MAIN(TestRtpSocketPair)
#include "TestRtpSocketPair.moc"
