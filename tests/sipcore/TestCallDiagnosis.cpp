// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Plain words for how calls fail or end, and the failure kind offhook-cli's exit status comes from.

#include "sipcore/CallDiagnosis.h"

#include <QTest>

using Sip::FailureKind;
namespace CallDiagnosis = Sip::CallDiagnosis;

class TestCallDiagnosis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explainAndClassify_data();
    void explainAndClassify();
    void clauseIsLowerCaseAndExplainASentence();
    void everyFailureHasWords();
};

void TestCallDiagnosis::explainAndClassify_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("credentialsSent");
    QTest::addColumn<bool>("stackGenerated");
    QTest::addColumn<bool>("incoming");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("486") << 486 << false << false << false << "" << int(FailureKind::Rejected)
                         << "The other side is busy.";
    QTest::newRow("600") << 600 << false << false << false << "" << int(FailureKind::Rejected) << "busy";
    QTest::newRow("603") << 603 << false << false << false << "" << int(FailureKind::Rejected) << "declined";
    QTest::newRow("404") << 404 << false << false << false << "" << int(FailureKind::Rejected)
                         << "no such number or extension";
    QTest::newRow("480") << 480 << false << false << false << "" << int(FailureKind::Rejected) << "not available";
    QTest::newRow("488 plain") << 488 << false << false << false << "" << int(FailureKind::Rejected)
                               << "none of the offered codecs";
    QTest::newRow("488 with the peer's words")
        << 488 << false << false << false << "only G729" << int(FailureKind::Rejected) << "No common codec: only G729";
    QTest::newRow("408 from the network")
        << 408 << false << false << false << "" << int(FailureKind::Timeout) << "Nobody answered in time";
    QTest::newRow("408 from the stack") << 408 << false << true << false << "Connection refused"
                                        << int(FailureKind::Network) << "did not answer the INVITE in time";
    QTest::newRow("407 after credentials")
        << 407 << true << false << false << "" << int(FailureKind::Authentication) << "refused the line's credentials";
    QTest::newRow("407 without password")
        << 407 << false << false << false << "" << int(FailureKind::Authentication) << "has no password";
    QTest::newRow("487 we cancelled") << 487 << false << false << false << "" << int(FailureKind::Rejected)
                                      << "cancelled before it was answered";
    QTest::newRow("487 the caller gave up")
        << 487 << false << false << true << "" << int(FailureKind::Rejected) << "caller hung up";
    QTest::newRow("503 local") << 503 << false << true << false << "Connection refused (111)"
                               << int(FailureKind::Network) << "could not be reached (Connection refused (111))";
    QTest::newRow("503 remote") << 503 << false << false << false << "" << int(FailureKind::Rejected)
                                << "temporarily out of service";
    QTest::newRow("400 with detail") << 400 << false << false << false << "line 4: c= address"
                                     << int(FailureKind::Rejected) << "Malformed session description: line 4";
    QTest::newRow("302") << 302 << false << false << false << "" << int(FailureKind::Other) << "redirected";
    QTest::newRow("other 5xx") << 502 << false << false << false << "" << int(FailureKind::Rejected) << "(502 ";
}

void TestCallDiagnosis::explainAndClassify()
{
    QFETCH(int, code);
    QFETCH(bool, credentialsSent);
    QFETCH(bool, stackGenerated);
    QFETCH(bool, incoming);
    QFETCH(QString, detail);
    QFETCH(int, kind);
    QFETCH(QString, mustContain);
    CallDiagnosis::Context context;
    context.credentialsSent = credentialsSent;
    context.stackGenerated = stackGenerated;
    context.incoming = incoming;
    context.detail = detail;
    const QString text = CallDiagnosis::explain(code, QStringLiteral("Phrase"), context);
    QVERIFY2(text.contains(mustContain), qPrintable(text));
    QCOMPARE(int(CallDiagnosis::classify(code, context)), kind);
}

void TestCallDiagnosis::clauseIsLowerCaseAndExplainASentence()
{
    const QString clause = CallDiagnosis::clause(486, QStringLiteral("Busy Here"));
    QCOMPARE(clause, QStringLiteral("the other side is busy"));
    QCOMPARE(CallDiagnosis::explain(486, QStringLiteral("Busy Here")), QStringLiteral("The other side is busy."));
    QCOMPARE(int(CallDiagnosis::classify(200)), int(FailureKind::None));
}

void TestCallDiagnosis::everyFailureHasWords()
{
    for (int code = 300; code < 700; ++code) {
        const QString text = CallDiagnosis::explain(code, QStringLiteral("Reason"));
        QVERIFY2(text.size() > 10 && text.endsWith(QLatin1Char('.')) && text.at(0).isUpper(),
                 qPrintable(QStringLiteral("%1: %2").arg(code).arg(text)));
    }
}

QTEST_GUILESS_MAIN(TestCallDiagnosis)
#include "TestCallDiagnosis.moc"
