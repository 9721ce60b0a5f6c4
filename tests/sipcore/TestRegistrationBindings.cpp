// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Which binding of a registrar's 200 OK is ours: the one whose Contact is the REGISTER's, not the first
// with our user part; hostile lists stay bounded.
#include "sipcore/internal/RegistrationBindings.h"

#include <QTest>

using Sip::Internal::RegistrationBindings;

namespace {

QByteArray okWith(const QByteArray &contacts, const QByteArray &expires = "600")
{
    return "SIP/2.0 200 OK\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:56018;branch=z9hG4bK1\r\n"
           "From: <sip:1001@pbx.example>;tag=a\r\n"
           "To: <sip:1001@pbx.example>;tag=b\r\n"
           "Call-ID: c1@offhook\r\n"
           "CSeq: 2 REGISTER\r\n" +
           contacts + "Expires: " + expires + "\r\nContent-Length: 0\r\n\r\n";
}

const QByteArray kOurs = "<sip:1001@127.0.0.1:56018>;+sip.instance=\"<urn:uuid:11111111-2222-3333-4444-555555555555>\"";

} // namespace

class TestRegistrationBindings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownBindingIsNotTheFirstWithOurUser();
    void matchesTransportAndInstance_data();
    void matchesTransportAndInstance();
    void missingOwnBinding();
    void noContactsAndGarbage();
    void hostileListStaysBounded();
};

void TestRegistrationBindings::ownBindingIsNotTheFirstWithOurUser()
{
    const RegistrationBindings result = RegistrationBindings::readMessage(
        okWith("Contact: <sip:1001@127.0.0.1:45099>;expires=594, <sip:1001@127.0.0.1:56018>;expires=600;q=0.5\r\n"),
        kOurs, 300);
    QCOMPARE(result.bindings.size(), 2);
    QVERIFY(result.own());
    QCOMPARE(result.ownIndex, 1);
    QCOMPARE(result.own()->expiresSeconds, 600);
    QCOMPARE(result.own()->q, QStringLiteral("0.5"));
    QVERIFY(!result.bindings.at(0).self);
    QCOMPARE(result.bindings.at(0).expiresSeconds, 594);
}

void TestRegistrationBindings::matchesTransportAndInstance_data()
{
    QTest::addColumn<QByteArray>("listed");
    QTest::addColumn<bool>("ours");
    QTest::newRow("same") << QByteArray("<sip:1001@127.0.0.1:56018>;expires=60") << true;
    QTest::newRow("explicit udp") << QByteArray("<sip:1001@127.0.0.1:56018;transport=udp>;expires=60") << true;
    QTest::newRow("same instance") << QByteArray("<sip:1001@127.0.0.1:56018>;+sip.instance=\"<urn:uuid:11111111-2222-"
                                                 "3333-4444-555555555555>\";expires=60")
                                   << true;
    QTest::newRow("other port") << QByteArray("<sip:1001@127.0.0.1:56019>;expires=60") << false;
    QTest::newRow("other host") << QByteArray("<sip:1001@127.0.0.2:56018>;expires=60") << false;
    QTest::newRow("other user") << QByteArray("<sip:1002@127.0.0.1:56018>;expires=60") << false;
    QTest::newRow("tcp") << QByteArray("<sip:1001@127.0.0.1:56018;transport=tcp>;expires=60") << false;
    QTest::newRow("sips") << QByteArray("<sips:1001@127.0.0.1:56018>;expires=60") << false;
    QTest::newRow("other instance") << QByteArray("<sip:1001@127.0.0.1:56018>;+sip.instance=\"<urn:uuid:99999999-"
                                                  "2222-3333-4444-555555555555>\";expires=60")
                                    << false;
}

void TestRegistrationBindings::matchesTransportAndInstance()
{
    QFETCH(QByteArray, listed);
    QFETCH(bool, ours);
    const RegistrationBindings result =
        RegistrationBindings::readMessage(okWith("Contact: " + listed + "\r\n"), kOurs, 300);
    QCOMPARE(result.bindings.size(), 1);
    QCOMPARE(result.own() != nullptr, ours);
    QCOMPARE(result.bindings.at(0).expiresSeconds, 60);
}

void TestRegistrationBindings::missingOwnBinding()
{
    const RegistrationBindings result =
        RegistrationBindings::readMessage(okWith("Contact: <sip:1001@127.0.0.1:45099>\r\n", "594"), kOurs, 300);
    QCOMPARE(result.bindings.size(), 1);
    QVERIFY(!result.own());
    QCOMPARE(result.bindings.at(0).expiresSeconds, 594); // from Expires when the Contact has none
}

void TestRegistrationBindings::noContactsAndGarbage()
{
    QVERIFY(RegistrationBindings::readMessage(okWith(QByteArray()), kOurs, 300).bindings.isEmpty());
    QVERIFY(RegistrationBindings::readMessage(okWith("Contact: *\r\n"), kOurs, 300).bindings.isEmpty());
    QVERIFY(RegistrationBindings::readMessage("not SIP at all", kOurs, 300).bindings.isEmpty());
    QVERIFY(RegistrationBindings::readMessage(QByteArray(), kOurs, 300).bindings.isEmpty());
    // Our own Contact unreadable: nothing is taken for ours.
    const RegistrationBindings result =
        RegistrationBindings::readMessage(okWith("Contact: <sip:1001@127.0.0.1:56018>\r\n"), "<<<", 300);
    QCOMPARE(result.bindings.size(), 1);
    QVERIFY(!result.own());
}

void TestRegistrationBindings::hostileListStaysBounded()
{
    QByteArray contacts;
    for (int i = 0; i < 1000; ++i)
        contacts += "Contact: <sip:1001@10.0.0." + QByteArray::number(i % 250) + ":" + QByteArray::number(20000 + i) +
                    ">;expires=60\r\n";
    contacts += "Contact: <sip:1001@127.0.0.1:56018>;expires=600\r\n"; // ours, last of all
    const RegistrationBindings result = RegistrationBindings::readMessage(okWith(contacts), kOurs, 300);
    QCOMPARE(result.bindings.size(), RegistrationBindings::kMaxBindings);
    QVERIFY(result.own());
    QCOMPARE(result.own()->expiresSeconds, 600);
}

QTEST_GUILESS_MAIN(TestRegistrationBindings)
#include "TestRegistrationBindings.moc"
