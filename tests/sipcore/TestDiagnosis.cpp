// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/Diagnosis.h"

#include <QTest>

using namespace Sip;

class TestDiagnosis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifyAndExplain_data();
    void classifyAndExplain();
    void exitCodes();
    void everyCodeHasWords();
};

void TestDiagnosis::classifyAndExplain_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("credentialsSent");
    QTest::addColumn<bool>("stackGenerated");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("401 after credentials")
        << 401 << true << false << "" << int(FailureKind::Authentication) << "rejected the Auth User or Password";
    QTest::newRow("401 without password")
        << 401 << false << false << "" << int(FailureKind::Authentication) << "none is set";
    QTest::newRow("401 sha-256") << 401 << false << false << "SHA-256" << int(FailureKind::Authentication) << "SHA-256";
    QTest::newRow("407 after credentials") << 407 << true << false << "" << int(FailureKind::Authentication) << "proxy";
    QTest::newRow("403") << 403 << false << false << "" << int(FailureKind::Rejected) << "left of the @";
    QTest::newRow("404") << 404 << false << false << "" << int(FailureKind::Rejected) << "left of the @";
    QTest::newRow("402") << 402 << false << false << "" << int(FailureKind::Rejected) << "left of the @";
    QTest::newRow("408") << 408 << false << true << "" << int(FailureKind::Timeout) << "firewall";
    QTest::newRow("423") << 423 << false << false << "" << int(FailureKind::Rejected) << "expiry";
    QTest::newRow("503 from server") << 503 << false << false << "" << int(FailureKind::Rejected) << "down";
    QTest::newRow("503 local") << 503 << false << true << "" << int(FailureKind::Network) << "nothing is listening";
    QTest::newRow("603") << 603 << false << false << "" << int(FailureKind::Rejected) << "declined";
    QTest::newRow("904") << 904 << true << true << "" << int(FailureKind::Authentication) << "Internal";
}

void TestDiagnosis::classifyAndExplain()
{
    QFETCH(int, code);
    QFETCH(bool, credentialsSent);
    QFETCH(bool, stackGenerated);
    QFETCH(QString, algorithm);
    QFETCH(int, kind);
    QFETCH(QString, mustContain);
    Diagnosis::Context context;
    context.credentialsSent = credentialsSent;
    context.stackGenerated = stackGenerated;
    context.algorithm = algorithm;
    context.proxyChallenge = code == 407;
    QCOMPARE(int(Diagnosis::classify(code, context)), kind);
    const QString text = Diagnosis::explain(code, QStringLiteral("Phrase"), context);
    QVERIFY2(text.contains(mustContain, Qt::CaseInsensitive), qPrintable(text));
}

void TestDiagnosis::exitCodes()
{
    QCOMPARE(Diagnosis::exitCode(FailureKind::None), 0);
    QCOMPARE(Diagnosis::exitCode(FailureKind::Authentication), 3);
    QCOMPARE(Diagnosis::exitCode(FailureKind::Rejected), 4);
    QCOMPARE(Diagnosis::exitCode(FailureKind::Timeout), 5);
    QCOMPARE(Diagnosis::exitCode(FailureKind::Network), 6);
    QCOMPARE(Diagnosis::exitCode(FailureKind::Other), 1);
}

void TestDiagnosis::everyCodeHasWords()
{
    for (int code = 300; code < 700; ++code) {
        const QString text = Diagnosis::explain(code, QStringLiteral("X"));
        QVERIFY2(text.size() > 20, qPrintable(QString::number(code)));
    }
    QVERIFY(!Diagnosis::checks(401).isEmpty());
    QVERIFY(!Diagnosis::checks(408).isEmpty());
    QVERIFY(!Diagnosis::checks(404).isEmpty());
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "TestDiagnosis.moc"
