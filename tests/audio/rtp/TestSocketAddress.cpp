// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/SocketAddress.h"

#include <QTest>

using Audio::SocketAddress;

class TestSocketAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void mappedIpv4ComparesAsIpv4();
    void specialAddresses();
};

void TestSocketAddress::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("ipv4") << QStringLiteral("192.0.2.1") << true << 1 << QStringLiteral("192.0.2.1:5004");
    QTest::newRow("ipv4 spaces") << QStringLiteral(" 127.0.0.1 ") << true << 1 << QStringLiteral("127.0.0.1:5004");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::1") << true << 2 << QStringLiteral("[2001:db8::1]:5004");
    QTest::newRow("ipv6 brackets") << QStringLiteral("[::1]") << true << 2 << QStringLiteral("[::1]:5004");
    QTest::newRow("mapped") << QStringLiteral("::ffff:10.1.2.3") << true << 1 << QStringLiteral("10.1.2.3:5004");
    QTest::newRow("hostname") << QStringLiteral("example.org") << false << 0 << QString();
    QTest::newRow("empty") << QString() << false << 0 << QString();
    QTest::newRow("bad octet") << QStringLiteral("300.1.1.1") << false << 0 << QString();
    QTest::newRow("trailing dot") << QStringLiteral("1.2.3.") << false << 0 << QString();
}

void TestSocketAddress::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, family);
    QFETCH(QString, formatted);
    const SocketAddress address = SocketAddress::fromString(text, 5004);
    QCOMPARE(address.isValid(), valid);
    QCOMPARE(static_cast<int>(address.family()), family);
    QCOMPARE(address.toString(), formatted);
}

void TestSocketAddress::mappedIpv4ComparesAsIpv4()
{
    const SocketAddress plain = SocketAddress::fromString(QStringLiteral("127.0.0.1"), 9);
    const SocketAddress mapped = SocketAddress::fromString(QStringLiteral("::ffff:127.0.0.1"), 9);
    QCOMPARE(mapped, plain);
    QVERIFY(plain.sameHost(SocketAddress::fromString(QStringLiteral("127.0.0.1"), 10)));
    QVERIFY(plain != SocketAddress::fromString(QStringLiteral("127.0.0.1"), 10));
}

void TestSocketAddress::specialAddresses()
{
    QVERIFY(SocketAddress::any(SocketAddress::Family::IPv4).isAny());
    QVERIFY(SocketAddress::any(SocketAddress::Family::IPv6).isAny());
    QCOMPARE(SocketAddress::loopback(SocketAddress::Family::IPv4, 1).toString(), QStringLiteral("127.0.0.1:1"));
    QCOMPARE(SocketAddress::loopback(SocketAddress::Family::IPv6, 1).toString(), QStringLiteral("[::1]:1"));
    QVERIFY(SocketAddress::fromString(QStringLiteral("0.0.0.0"), 0).isAny());
    QVERIFY(!SocketAddress::fromString(QStringLiteral("127.0.0.1"), 0).isAny());
}

QTEST_GUILESS_MAIN(TestSocketAddress)
#include "TestSocketAddress.moc"
