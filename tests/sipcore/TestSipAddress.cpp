// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SipAddress.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Sip;

class TestSipAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseHostPort_data();
    void parseHostPort();
    void userPart_data();
    void userPart();
    void addresses();
    void lineValidation();
    void randomInputNeverCrashes();
};

void TestSipAddress::parseHostPort_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("name") << "pbx.example.com" << true << "pbx.example.com" << 0;
    QTest::newRow("name+port") << "pbx.example.com:5080" << true << "pbx.example.com" << 5080;
    QTest::newRow("ipv4") << "192.0.2.10" << true << "192.0.2.10" << 0;
    QTest::newRow("ipv4+port") << "127.0.0.1:5070" << true << "127.0.0.1" << 5070;
    QTest::newRow("ipv6 bracket") << "[2001:db8::1]:5060" << true << "2001:db8::1" << 5060;
    QTest::newRow("ipv6 bare") << "2001:db8::1" << true << "2001:db8::1" << 0;
    QTest::newRow("sip uri") << "sip:1001@pbx.example.com;transport=tcp" << true << "pbx.example.com" << 0;
    QTest::newRow("whitespace") << "  pbx.example.com  " << true << "pbx.example.com" << 0;
    QTest::newRow("trailing dot") << "pbx.example.com." << true << "pbx.example.com." << 0;
    QTest::newRow("empty") << "" << false << "" << 0;
    QTest::newRow("port zero") << "pbx:0" << false << "pbx" << 0;
    QTest::newRow("port too big") << "pbx:70000" << false << "pbx" << 0;
    QTest::newRow("port letters") << "pbx:abc" << false << "pbx" << 0;
    QTest::newRow("colon no port") << "pbx:" << false << "pbx" << 0;
    QTest::newRow("space inside") << "pbx example" << false << "pbx example" << 0;
    QTest::newRow("underscore") << "pbx_1.example" << false << "pbx_1.example" << 0;
    QTest::newRow("bad ipv4") << "300.1.1.1" << false << "300.1.1.1" << 0;
    QTest::newRow("unclosed bracket") << "[2001:db8::1" << false << "" << 0;
    QTest::newRow("double dot") << "pbx..example" << false << "pbx..example" << 0;
}

void TestSipAddress::parseHostPort()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    const HostPort parsed = HostPort::parse(input);
    QCOMPARE(parsed.valid, valid);
    if (valid) {
        QCOMPARE(parsed.host, host);
        QCOMPARE(int(parsed.port), port);
        QVERIFY(parsed.error.isEmpty());
    } else {
        QVERIFY2(!parsed.error.isEmpty(), "an invalid server must say why");
    }
}

void TestSipAddress::userPart_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("valid");
    QTest::newRow("digits") << "1001" << true;
    QTest::newRow("name") << "alice.smith" << true;
    QTest::newRow("hashed carrier string") << "a1b2c3d4e5f6a7b8c9d0" << true;
    QTest::newRow("plus") << "+4930123456" << true;
    QTest::newRow("escaped") << "al%20ice" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("at") << "1001@pbx" << false;
    QTest::newRow("space") << "10 01" << false;
    QTest::newRow("bad escape") << "al%2" << false;
    QTest::newRow("colon") << "a:b" << false;
    QTest::newRow("angle") << "a<b" << false;
}

void TestSipAddress::userPart()
{
    QFETCH(QString, user);
    QFETCH(bool, valid);
    QString error;
    QCOMPARE(Address::isValidUserPart(user, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void TestSipAddress::addresses()
{
    LineConfig line;
    line.id = QStringLiteral("l1");
    line.extension = QStringLiteral("1001");
    line.server = QStringLiteral("pbx.example.com:5080");
    QCOMPARE(Address::addressOfRecord(line), QStringLiteral("sip:1001@pbx.example.com"));
    QCOMPARE(Address::displayAddress(line), QStringLiteral("1001@pbx.example.com"));
    QCOMPARE(Address::registrarUri(line), QStringLiteral("sip:pbx.example.com:5080"));
    line.transport = Transport::Tcp;
    line.port = 5090;
    QCOMPARE(Address::registrarUri(line), QStringLiteral("sip:pbx.example.com:5090;transport=tcp"));
    line.server = QStringLiteral("[2001:db8::5]");
    QCOMPARE(Address::addressOfRecord(line), QStringLiteral("sip:1001@[2001:db8::5]"));
    QCOMPARE(Address::nextHopUri(QStringLiteral("2001:db8::5"), 5060, Transport::Udp),
             QStringLiteral("sip:[2001:db8::5]:5060;transport=udp"));
    QCOMPARE(Address::nextHopUri(QStringLiteral("10.0.0.1"), 5061, Transport::Tls),
             QStringLiteral("sip:10.0.0.1:5061;transport=tls"));
    QCOMPARE(Address::escapeUserPart(QStringLiteral("a b@c")), QStringLiteral("a%20b%40c"));
    QCOMPARE(line.effectiveAuthUser(), QStringLiteral("1001"));
    line.authUser = QStringLiteral("hashed");
    QCOMPARE(line.effectiveAuthUser(), QStringLiteral("hashed"));
}

void TestSipAddress::lineValidation()
{
    LineConfig line;
    line.id = QStringLiteral("l1");
    line.extension = QStringLiteral("1001");
    line.server = QStringLiteral("pbx.example.com");
    QVERIFY(line.validate().isEmpty());
    line.extension = QStringLiteral("1001@pbx.example.com");
    QCOMPARE(line.validate().size(), 1);
    QVERIFY(line.validate().constFirst().contains(QLatin1String("left of the @")));
    line.extension = QStringLiteral("1001");
    line.server.clear();
    QVERIFY(line.validate().constFirst().contains(QLatin1String("right of the @")));
    line.server = QStringLiteral("pbx");
    line.expiresSeconds = 0;
    QCOMPARE(line.validate().size(), 1);
    line.expiresSeconds = 60;
    line.authUser = QStringLiteral("bad\"user");
    QCOMPARE(line.validate().size(), 1);
    line.authUser.clear();
    // Keep-alives: on by default, 0 turns them off, negative or absurd intervals are refused.
    QCOMPARE(Sip::LineConfig().keepaliveSeconds, 25);
    line.keepaliveSeconds = 0;
    QVERIFY(line.validate().isEmpty());
    line.keepaliveSeconds = -1;
    QVERIFY(line.validate().constFirst().contains(QLatin1String("keep-alive")));
    line.keepaliveSeconds = 3601;
    QCOMPARE(line.validate().size(), 1);
}

void TestSipAddress::randomInputNeverCrashes()
{
    QRandomGenerator random(1234);
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = random.bounded(40);
        for (int j = 0; j < length; ++j)
            text += QChar(char16_t(random.bounded(1, 0x250)));
        const HostPort parsed = HostPort::parse(text);
        QVERIFY(parsed.valid || !parsed.error.isEmpty());
        QString error;
        if (!Address::isValidUserPart(text, &error))
            QVERIFY(!error.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSipAddress)
#include "TestSipAddress.moc"
