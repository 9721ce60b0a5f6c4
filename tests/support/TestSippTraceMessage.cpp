// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Parsing of sipp -trace_msg files, in the layout sipp 3.6 writes.

#include "tests/support/SippTraceMessage.h"

#include <QTest>

using Test::SippTraceMessage;

namespace {

QByteArray entry(const QByteArray &stamp, const QByteArray &header, const QByteArray &message)
{
    return QByteArray(47, '-') + ' ' + stamp + '\n' + header + "\n\n" + message + "\n\n";
}

const QByteArray registerRequest = "REGISTER sip:127.0.0.1:5060 SIP/2.0\r\n"
                                   "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                                   "From: <sip:1001@127.0.0.1>;tag=a\r\n"
                                   "To: <sip:1001@127.0.0.1>\r\n"
                                   "i: call-1\r\n"
                                   "CSeq: 1 REGISTER\r\n"
                                   "Content-Length: 0\r\n\r\n";
const QByteArray challenge = "SIP/2.0 401 Unauthorized\r\n"
                             "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                             "Call-ID: call-1\r\n"
                             "CSeq: 1 REGISTER\r\n"
                             "WWW-Authenticate: Digest realm=\"sipp.test\", nonce=\"n\"\r\n"
                             "Content-Length: 0\r\n\r\n";
const QByteArray publish = "PUBLISH sip:1002@127.0.0.1 SIP/2.0\r\n"
                           "CSeq: 2 PUBLISH\r\n"
                           "Content-Type: application/pidf+xml\r\n"
                           "Content-Length: 61\r\n\r\n"
                           "<presence>\r\n"
                           "-----------------------------------------------\r\n";

QByteArray sampleTrace()
{
    return entry("2026-11-23 15:26:48.996928",
                 "UDP message received [" + QByteArray::number(registerRequest.size()) + "] bytes :", registerRequest) +
           entry("2026-11-23 15:26:48.997904",
                 "UDP message sent (" + QByteArray::number(challenge.size()) + " bytes):", challenge) +
           entry("2026-11-23 15:26:49.500000",
                 "TCP message received [" + QByteArray::number(publish.size()) + "] bytes :", publish) +
           QByteArray(47, '-') + "\nUnexpected TCP message received:\n\n" + publish + "\n\n";
}

} // namespace

class TestSippTraceMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEntries();
    void headers_data();
    void headers();
    void toleratesTruncatedAndForeignText_data();
    void toleratesTruncatedAndForeignText();
};

void TestSippTraceMessage::parsesEntries()
{
    const QList<SippTraceMessage> messages = SippTraceMessage::parseTrace(sampleTrace());
    QCOMPARE(messages.size(), 3);

    QCOMPARE(messages.at(0).direction, SippTraceMessage::Direction::Received);
    QCOMPARE(messages.at(0).transport, QStringLiteral("UDP"));
    QVERIFY(messages.at(0).isRequest());
    QCOMPARE(messages.at(0).method(), QStringLiteral("REGISTER"));
    QCOMPARE(messages.at(0).statusCode(), 0);
    QCOMPARE(messages.at(0).timestamp.time().msec(), 996);
    QVERIFY(!messages.at(0).unexpected);
    QVERIFY(!messages.at(0).text.contains(QLatin1Char('\r')));

    QCOMPARE(messages.at(1).direction, SippTraceMessage::Direction::Sent);
    QVERIFY(!messages.at(1).isRequest());
    QCOMPARE(messages.at(1).statusCode(), 401);
    QCOMPARE(messages.at(1).method(), QStringLiteral("REGISTER"));
    QCOMPARE(messages.at(1).firstLine(), QStringLiteral("SIP/2.0 401 Unauthorized"));

    // A body line of dashes stays in the message; the unexpected entry is not a message itself.
    QCOMPARE(messages.at(2).transport, QStringLiteral("TCP"));
    QCOMPARE(messages.at(2).body(), QStringLiteral("<presence>\n") + QString(47, QLatin1Char('-')));
    QVERIFY(messages.at(2).unexpected);
}

void TestSippTraceMessage::headers_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("present");
    QTest::newRow("plain") << 0 << QStringLiteral("CSeq") << QStringLiteral("1 REGISTER") << true;
    QTest::newRow("case-insensitive") << 0 << QStringLiteral("cseq") << QStringLiteral("1 REGISTER") << true;
    QTest::newRow("compact form") << 0 << QStringLiteral("Call-ID") << QStringLiteral("call-1") << true;
    QTest::newRow("missing") << 0 << QStringLiteral("Authorization") << QString() << false;
    QTest::newRow("with quotes") << 1 << QStringLiteral("WWW-Authenticate")
                                 << QStringLiteral("Digest realm=\"sipp.test\", nonce=\"n\"") << true;
    QTest::newRow("not from the body") << 2 << QStringLiteral("<presence>") << QString() << false;
}

void TestSippTraceMessage::headers()
{
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, present);
    const SippTraceMessage message = SippTraceMessage::parseTrace(sampleTrace()).at(index);
    QCOMPARE(message.header(name), value);
    QCOMPARE(message.hasHeader(name), present);
}

void TestSippTraceMessage::toleratesTruncatedAndForeignText_data()
{
    QTest::addColumn<QByteArray>("trace");
    QTest::addColumn<int>("count");
    const QByteArray full = sampleTrace();
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("no entries") << QByteArray("sipp started\n") << 0;
    QTest::newRow("cut in the first message") << full.left(120) << 1;
    QTest::newRow("cut after a separator") << full.left(full.indexOf(QByteArray(47, '-'), 10) + 47) << 1;
    QTest::newRow("other entry kinds") << QByteArray(47, '-') +
                                              " 2026-11-23 15:00:00.000000\nUDP message (retrans) "
                                              "lost (recv).\n\n" +
                                              full
                                       << 3;
}

void TestSippTraceMessage::toleratesTruncatedAndForeignText()
{
    QFETCH(QByteArray, trace);
    QFETCH(int, count);
    QCOMPARE(SippTraceMessage::parseTrace(trace).size(), count);
}

QTEST_GUILESS_MAIN(TestSippTraceMessage)
#include "TestSippTraceMessage.moc"
