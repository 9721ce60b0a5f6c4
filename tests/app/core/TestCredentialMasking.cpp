// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/CredentialMasking.h"

#include <QTest>

class TestCredentialMasking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masks_data();
    void masks();
    void leavesOtherHeadersAndBodyAlone();
};

void TestCredentialMasking::masks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("authorization")
        << QByteArray("REGISTER sip:pbx SIP/2.0\r\nAuthorization: Digest username=\"1001\", nonce=\"abc\", "
                      "response=\"0123456789abcdef\", cnonce=\"xyz\", nc=00000001\r\n\r\n")
        << QByteArray("REGISTER sip:pbx SIP/2.0\r\nAuthorization: Digest username=\"1001\", nonce=\"********\", "
                      "response=\"********\", cnonce=\"********\", nc=00000001\r\n\r\n");
    QTest::newRow("proxy-authorization, lower case, unquoted")
        << QByteArray("INVITE sip:x SIP/2.0\r\nproxy-authorization: digest RESPONSE=abcd,Nonce=n1\r\n\r\n")
        << QByteArray("INVITE sip:x SIP/2.0\r\nproxy-authorization: digest RESPONSE=********,Nonce=********\r\n\r\n");
    QTest::newRow("folded header") << QByteArray(
                                          "REGISTER sip:pbx SIP/2.0\r\nAuthorization: Digest username=\"1001\",\r\n"
                                          "  response=\"feed\"\r\nVia: SIP/2.0/UDP h\r\n\r\n")
                                   << QByteArray(
                                          "REGISTER sip:pbx SIP/2.0\r\nAuthorization: Digest username=\"1001\",\r\n"
                                          "  response=\"********\"\r\nVia: SIP/2.0/UDP h\r\n\r\n");
    QTest::newRow("challenge is not masked")
        << QByteArray("SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n\r\n")
        << QByteArray("SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n\r\n");
    QTest::newRow("cnonce alone, LF line ends")
        << QByteArray("REGISTER sip:pbx SIP/2.0\nAuthorization: Digest cnonce=\"c\"\n\n")
        << QByteArray("REGISTER sip:pbx SIP/2.0\nAuthorization: Digest cnonce=\"********\"\n\n");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestCredentialMasking::masks()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Gui::maskCredentials(input), expected);
}

void TestCredentialMasking::leavesOtherHeadersAndBodyAlone()
{
    const QByteArray message = "MESSAGE sip:x SIP/2.0\r\nSubject: response=\"keep\"\r\nContent-Length: 30\r\n\r\n"
                               "Authorization: response=\"body\"";
    QCOMPARE(Gui::maskCredentials(message), message);
}

QTEST_GUILESS_MAIN(TestCredentialMasking)
#include "TestCredentialMasking.moc"
