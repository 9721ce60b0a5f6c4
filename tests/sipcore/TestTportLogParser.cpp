// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/TportLogParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Sip;
using Sip::Internal::TportLogParser;

namespace {

const QByteArray kSeparator = "   " + QByteArray(72, '-') + "\n";

// What Sofia's tport log writes for one message, in the order it writes it.
QList<QByteArray> record(const char *direction, const char *preposition, const QByteArray &message,
                         const char *address = "127.0.0.1")
{
    QList<QByteArray> pieces;
    pieces << QByteArray(direction) + " " + QByteArray::number(message.size()) + " bytes " + preposition + " udp/[" +
                  address + "]:5060 at 12:34:56.789012:\n";
    pieces << kSeparator;
    const QList<QByteArray> lines = message.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (i == lines.size() - 1 && line.isEmpty())
            break;
        pieces << "   ";
        pieces << line;
        pieces << "\n";
    }
    pieces << kSeparator;
    return pieces;
}

} // namespace

class TestTportLogParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestAndResponse();
    void fragmentsOfAnySize();
    void debugLinesAreKeptApart();
    void ipv6Peer();
    void garbageNeverCrashes();
};

void TestTportLogParser::requestAndResponse()
{
    const QByteArray request = "REGISTER sip:pbx SIP/2.0\r\nCall-ID: a@b\r\nContent-Length: 0\r\n\r\n";
    const QByteArray response = "SIP/2.0 401 Unauthorized\r\nCall-ID: a@b\r\nContent-Length: 0\r\n\r\n";
    TportLogParser parser;
    for (const QByteArray &piece : record("send", "to", request))
        parser.feed(piece.constData(), piece.size());
    for (const QByteArray &piece : record("recv", "from", response))
        parser.feed(piece.constData(), piece.size());
    const QList<LogEntry> messages = parser.takeMessages();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).kind, LogEntry::Kind::Sent);
    QCOMPARE(messages.at(0).raw, request);
    QCOMPARE(messages.at(0).text, QStringLiteral("REGISTER sip:pbx"));
    QCOMPARE(messages.at(0).peer, QStringLiteral("127.0.0.1:5060"));
    QCOMPARE(messages.at(0).transport, QStringLiteral("udp"));
    QCOMPARE(messages.at(0).timestamp.time().minute(), 34);
    QCOMPARE(messages.at(1).kind, LogEntry::Kind::Received);
    QCOMPARE(messages.at(1).text, QStringLiteral("401 Unauthorized"));
    QCOMPARE(messages.at(1).raw, response);
    QVERIFY(parser.takeMessages().isEmpty());
}

void TestTportLogParser::fragmentsOfAnySize()
{
    const QByteArray message = "INVITE sip:2@x SIP/2.0\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\n"
                               "v=0\r\no=- 1";
    QByteArray all;
    for (const QByteArray &piece : record("send", "to", message))
        all += piece;
    QRandomGenerator random(7);
    for (int round = 0; round < 50; ++round) {
        TportLogParser parser;
        qsizetype position = 0;
        while (position < all.size()) {
            const qsizetype length = qMin<qsizetype>(all.size() - position, random.bounded(1, 40));
            parser.feed(all.constData() + position, length);
            position += length;
        }
        const QList<LogEntry> messages = parser.takeMessages();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.constFirst().raw, message);
    }
}

void TestTportLogParser::debugLinesAreKeptApart()
{
    TportLogParser parser;
    const QByteArray noise = "nta: REGISTER (1): Connection refused (111) with udp/[127.0.0.1]:5999\n";
    parser.feed(noise.constData(), noise.size());
    QCOMPARE(parser.takeMessages().size(), 0);
    const QStringList debug = parser.takeDebugLines();
    QCOMPARE(debug.size(), 1);
    QVERIFY(debug.constFirst().contains(QLatin1String("Connection refused")));
}

void TestTportLogParser::ipv6Peer()
{
    TportLogParser parser;
    for (const QByteArray &piece : record("recv", "from", "OPTIONS sip:x SIP/2.0\r\n\r\n", "::1"))
        parser.feed(piece.constData(), piece.size());
    const QList<LogEntry> messages = parser.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.constFirst().peer, QStringLiteral("[::1]:5060"));
}

void TestTportLogParser::garbageNeverCrashes()
{
    QRandomGenerator random(99);
    TportLogParser parser;
    QByteArray chunk(512, Qt::Uninitialized);
    for (int i = 0; i < 2000; ++i) {
        for (char &c : chunk)
            c = char(random.bounded(256));
        if (i % 7 == 0)
            chunk.replace(0, 20, "send 10 bytes to udp/");
        parser.feed(chunk.constData(), random.bounded(chunk.size()));
        parser.takeMessages();
        QVERIFY(parser.takeDebugLines().size() <= 500);
    }
}

QTEST_GUILESS_MAIN(TestTportLogParser)
#include "TestTportLogParser.moc"
