// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/LogEntry.h"

#include <QTest>

using namespace Sip;

class TestLogEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headersAndMethod();
    void formatting();
    void malformedRawIsHarmless();
};

void TestLogEntry::headersAndMethod()
{
    LogEntry request;
    request.kind = LogEntry::Kind::Sent;
    request.raw =
        "REGISTER sip:pbx SIP/2.0\r\nv: SIP/2.0/UDP 1.2.3.4\r\ni: abc@host\r\nCSeq: 7 REGISTER\r\n\r\nCall-ID: body";
    QCOMPARE(request.methodOrStatus(), QStringLiteral("REGISTER"));
    QCOMPARE(request.header("Call-ID"), QByteArray("abc@host"));
    QCOMPARE(request.header("via"), QByteArray("SIP/2.0/UDP 1.2.3.4"));
    QCOMPARE(request.cseqMethod(), QStringLiteral("REGISTER"));
    QVERIFY(request.header("Contact").isEmpty());

    LogEntry response;
    response.kind = LogEntry::Kind::Received;
    response.raw = "SIP/2.0 401 Unauthorized\r\nCSeq: 8 SUBSCRIBE\r\n\r\n";
    QCOMPARE(response.methodOrStatus(), QStringLiteral("401"));
    QCOMPARE(response.cseqMethod(), QStringLiteral("SUBSCRIBE"));
}

void TestLogEntry::formatting()
{
    LogEntry entry;
    entry.kind = LogEntry::Kind::Sent;
    entry.timestamp = QDateTime::currentDateTimeUtc();
    entry.transport = QStringLiteral("udp");
    entry.peer = QStringLiteral("127.0.0.1:5060");
    entry.text = QStringLiteral("REGISTER sip:pbx");
    entry.raw = "REGISTER sip:pbx SIP/2.0\r\nCSeq: 1 REGISTER\r\n\r\n";
    const QString line = entry.format(false);
    QVERIFY2(line.contains(QLatin1String("send REGISTER sip:pbx  [udp to 127.0.0.1:5060]")), qPrintable(line));
    QVERIFY(entry.format(true).contains(QLatin1String("\nCSeq: 1 REGISTER")));
    LogEntry step;
    step.kind = LogEntry::Kind::Error;
    step.text = QStringLiteral("boom");
    QVERIFY(step.format(true).endsWith(QLatin1String("error: boom")));
}

void TestLogEntry::malformedRawIsHarmless()
{
    const QList<QByteArray> samples = {
        "", "\n", "SIP/2.0", "SIP/2.0 ", ":\r\n:", "X\r\n: \r\nCSeq:\r\n", QByteArray(3, '\0')};
    for (const QByteArray &raw : samples) {
        LogEntry entry;
        entry.kind = LogEntry::Kind::Received;
        entry.raw = raw;
        entry.methodOrStatus();
        entry.cseqMethod();
        QVERIFY(entry.header("CSeq").size() <= raw.size());
        entry.format(true);
    }
}

QTEST_GUILESS_MAIN(TestLogEntry)
#include "TestLogEntry.moc"
