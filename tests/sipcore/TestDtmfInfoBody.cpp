// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Sip::Internal::DtmfInfoBody: the digit of a SIP INFO and the status to answer it with.

#include "sipcore/internal/DtmfInfoBody.h"

#include <QTest>

using Sip::Internal::DtmfInfoBody;

class TestDtmfInfoBody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestDtmfInfoBody::parse_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("digit");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("durationMs");

    QTest::newRow("dtmf-relay") << QByteArray("application/dtmf-relay") << QByteArray("Signal=5\r\nDuration=160\r\n")
                                << QStringLiteral("5") << 200 << 160;
    QTest::newRow("dtmf-relay LF, spaces, case")
        << QByteArray("Application/DTMF-Relay; charset=x") << QByteArray("signal = #\nduration= 250")
        << QStringLiteral("#") << 200 << 250;
    QTest::newRow("dtmf-relay lower-case letter")
        << QByteArray("application/dtmf-relay") << QByteArray("Signal=b") << QStringLiteral("B") << 200 << 0;
    QTest::newRow("dtmf-relay event 10 is *")
        << QByteArray("application/dtmf-relay") << QByteArray("Signal=10") << QStringLiteral("*") << 200 << 0;
    QTest::newRow("dtmf-relay event 15 is D")
        << QByteArray("application/dtmf-relay") << QByteArray("Signal=15") << QStringLiteral("D") << 200 << 0;
    QTest::newRow("dtmf") << QByteArray("application/dtmf") << QByteArray("7\r\n") << QStringLiteral("7") << 200 << 0;
    QTest::newRow("dtmf event 11") << QByteArray("application/dtmf") << QByteArray("11") << QStringLiteral("#") << 200
                                   << 0;
    QTest::newRow("empty INFO") << QByteArray() << QByteArray() << QString() << 200 << 0;
    QTest::newRow("body without type") << QByteArray() << QByteArray("Signal=5") << QString() << 415 << 0;
    QTest::newRow("other type") << QByteArray("text/plain") << QByteArray("5") << QString() << 415 << 0;
    QTest::newRow("media control") << QByteArray("application/media_control+xml") << QByteArray("<x/>") << QString()
                                   << 415 << 0;
    QTest::newRow("no digit") << QByteArray("application/dtmf-relay") << QByteArray("Signal=Z\r\nDuration=160")
                              << QString() << 400 << 0;
    QTest::newRow("event 16 (flash)") << QByteArray("application/dtmf-relay") << QByteArray("Signal=16") << QString()
                                      << 400 << 0;
    QTest::newRow("no Signal") << QByteArray("application/dtmf-relay") << QByteArray("Duration=160") << QString() << 400
                               << 0;
    QTest::newRow("empty dtmf-relay") << QByteArray("application/dtmf-relay") << QByteArray() << QString() << 400 << 0;
    QTest::newRow("two Signals") << QByteArray("application/dtmf-relay") << QByteArray("Signal=1\nSignal=2")
                                 << QString() << 400 << 0;
    QTest::newRow("bad Duration") << QByteArray("application/dtmf-relay") << QByteArray("Signal=1\nDuration=long")
                                  << QString() << 400 << 0;
    QTest::newRow("line without =") << QByteArray("application/dtmf-relay") << QByteArray("Signal 1") << QString()
                                    << 400 << 0;
    QTest::newRow("dtmf event 12") << QByteArray("application/dtmf") << QByteArray("12") << QStringLiteral("A") << 200
                                   << 0;
    QTest::newRow("dtmf two digits") << QByteArray("application/dtmf") << QByteArray("57") << QString() << 400 << 0;
    QTest::newRow("dtmf binary") << QByteArray("application/dtmf") << QByteArray("\x01\xff", 2) << QString() << 400
                                 << 0;
    QTest::newRow("huge body") << QByteArray("application/dtmf-relay")
                               << QByteArray("Signal=1\n") + QByteArray(4000, 'x') << QString() << 400 << 0;
}

void TestDtmfInfoBody::parse()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, digit);
    QFETCH(int, status);
    QFETCH(int, durationMs);
    const DtmfInfoBody result = DtmfInfoBody::parse(contentType, body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.digit.isNull() ? QString() : QString(result.digit), digit);
    QCOMPARE(result.error.isEmpty(), status == 200);
    if (status == 200)
        QCOMPARE(result.durationMs, durationMs);
}

QTEST_GUILESS_MAIN(TestDtmfInfoBody)
#include "TestDtmfInfoBody.moc"
