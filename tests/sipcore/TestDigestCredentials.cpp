// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/DigestCredentials.h"

#include <QTest>

using namespace Sip::Internal;

class TestDigestCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ha1MatchesRfc2617();
    void parseChallenge_data();
    void parseChallenge();
    void credentialStringKeepsQuotedRealmAndHidesPassword();
};

void TestDigestCredentials::ha1MatchesRfc2617()
{
    // RFC 2617 section 3.5: Mufasa / testrealm@host.com / "Circle Of Life"
    QCOMPARE(digestHa1("Mufasa", "testrealm@host.com", "Circle Of Life"),
             QByteArray("939e7578ed9e3c518a452acee763bce9"));
}

void TestDigestCredentials::parseChallenge_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("quotedRealm");
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<bool>("md5");
    QTest::addColumn<bool>("stale");
    QTest::newRow("kamailio") << QByteArray("Digest realm=\"127.0.0.1\", nonce=\"abc\", qop=\"auth\", algorithm=MD5")
                              << QByteArray("\"127.0.0.1\"") << QByteArray("MD5") << true << false;
    QTest::newRow("no algorithm") << QByteArray("Digest nonce=\"n\",realm=\"asterisk\"") << QByteArray("\"asterisk\"")
                                  << QByteArray() << true << false;
    QTest::newRow("sha256") << QByteArray("Digest realm=\"x\", algorithm=SHA-256, nonce=\"n\"") << QByteArray("\"x\"")
                            << QByteArray("SHA-256") << false << false;
    QTest::newRow("stale") << QByteArray("Digest realm=\"x\", nonce=\"n\", stale=TRUE") << QByteArray("\"x\"")
                           << QByteArray() << true << true;
    QTest::newRow("comma in quoted nonce") << QByteArray("Digest nonce=\"a,b\", realm=\"r, s\"")
                                           << QByteArray("\"r, s\"") << QByteArray() << true << false;
    QTest::newRow("md5-sess quoted") << QByteArray("Digest realm=\"x\", algorithm=\"MD5-sess\"") << QByteArray("\"x\"")
                                     << QByteArray("MD5-sess") << true << false;
}

void TestDigestCredentials::parseChallenge()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, quotedRealm);
    QFETCH(QByteArray, algorithm);
    QFETCH(bool, md5);
    QFETCH(bool, stale);
    const DigestChallenge challenge = Sip::Internal::parseChallenge(header, false);
    QVERIFY(challenge.isDigest());
    QCOMPARE(challenge.quotedRealm, quotedRealm);
    QCOMPARE(challenge.algorithm, algorithm);
    QCOMPARE(challenge.isMd5(), md5);
    QCOMPARE(challenge.stale, stale);
}

void TestDigestCredentials::credentialStringKeepsQuotedRealmAndHidesPassword()
{
    const DigestChallenge challenge = Sip::Internal::parseChallenge("Digest realm=\"pbx\", nonce=\"n\"", true);
    QVERIFY(challenge.proxy);
    const QByteArray credential = nuaAuthString(challenge, QStringLiteral("1001"), QStringLiteral("pa:ss"));
    QCOMPARE(credential, QByteArray("HA1+Digest:\"pbx\":1001:HA1+") + digestHa1("1001", "pbx", "pa:ss"));
    QVERIFY(!credential.contains("pa:ss"));
}

QTEST_GUILESS_MAIN(TestDigestCredentials)
#include "TestDigestCredentials.moc"
