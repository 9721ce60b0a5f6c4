// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoParser.h"

#include <QTest>

using Sip::DialogInfoParser;
using Sip::PresenceStatus;

class TestDialogInfoParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesDocuments_data();
    void parsesDocuments();
    void refusesDocuments_data();
    void refusesDocuments();
    void reportsDialogDetails();
    void statusForDialog_data();
    void statusForDialog();
};

namespace {

// One <dialog-info> around the given dialogs, as Asterisk and Kamailio lay it out.
QByteArray document(const char *dialogs, const char *state = "full", const char *version = "1")
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version=")") +
           version + R"(" state=")" + state + R"(" entity="sip:1000@pbx.example">
)" + dialogs +
           R"(
</dialog-info>
)";
}

} // namespace

void TestDialogInfoParser::parsesDocuments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PresenceStatus>("status");
    QTest::addColumn<QString>("dialogState");
    QTest::addColumn<int>("dialogCount");
    QTest::addColumn<bool>("fullState");
    QTest::addColumn<qint64>("version");

    // RFC 4235 section 6.1 example.
    QTest::newRow("rfc4235-confirmed") << QByteArray(R"(<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
             version="0" state="full" entity="sip:alice@example.com">
  <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="initiator">
    <state>confirmed</state>
    <duration>274</duration>
    <local><identity display="Alice">sip:alice@example.com</identity><target uri="sip:alice@pc33.example.com"/></local>
    <remote><identity display="Bob">sip:bob@example.org</identity><target uri="sip:bobster@phone21.example.org"/></remote>
  </dialog>
</dialog-info>)") << PresenceStatus::OnThePhone
                                       << QStringLiteral("confirmed") << 1 << true << qint64(0);

    // Asterisk res_pjsip_dialog_info_body_generator.
    QTest::newRow("asterisk-idle") << document(R"( <dialog id="1000">
  <state>terminated</state>
 </dialog>)") << PresenceStatus::Online
                                   << QStringLiteral("terminated") << 1 << true << qint64(1);
    QTest::newRow("asterisk-ringing") << document(R"( <dialog id="1000" direction="recipient">
  <state>early</state>
 </dialog>)") << PresenceStatus::Ringing
                                      << QStringLiteral("early") << 1 << true << qint64(1);
    QTest::newRow("asterisk-inuse") << document(R"( <dialog id="1000">
  <state>confirmed</state>
 </dialog>)") << PresenceStatus::OnThePhone
                                    << QStringLiteral("confirmed") << 1 << true << qint64(1);
    QTest::newRow("asterisk-onhold") << QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" xmlns:sa="urn:ietf:params:xml:ns:sa-dialog-info" version="7" state="full" entity="sip:1000@192.0.2.10">
 <dialog id="1000">
  <sa:exten>1000</sa:exten>
  <state>confirmed</state>
  <local>
   <target uri="sip:1000@192.0.2.10">
    <param pname="+sip.rendering" pvalue="no"/>
   </target>
  </local>
 </dialog>
</dialog-info>)") << PresenceStatus::OnThePhone
                                     << QStringLiteral("confirmed") << 1 << true << qint64(7);

    // FreeSWITCH mod_sofia BLF.
    QTest::newRow("freeswitch-ringing") << QByteArray(R"(<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="12" state="full" entity="sip:1001@192.0.2.5">
<dialog id="3f0b2c2e-6c1d-4e55-a1f2-9b1e2d3c4b5a" direction="recipient">
<state>early</state>
<remote>
<identity display="1000">sip:1000@192.0.2.5</identity>
<target uri="sip:**1001@192.0.2.5"/>
</remote>
<local>
<identity display="1001">sip:1001@192.0.2.5</identity>
<target uri="sip:1001@192.0.2.5">
<param pname="+sip.rendering" pvalue="yes"/>
</target>
</local>
</dialog>
</dialog-info>)") << PresenceStatus::Ringing
                                        << QStringLiteral("early") << 1 << true << qint64(12);
    QTest::newRow("freeswitch-calling-out")
        << document(R"(<dialog id="x" direction="initiator"><state>early</state></dialog>)")
        << PresenceStatus::OnThePhone << QStringLiteral("early") << 1 << true << qint64(1);
    QTest::newRow("freeswitch-idle-no-dialog") << QByteArray(R"(<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="13" state="full" entity="sip:1001@192.0.2.5">
</dialog-info>)") << PresenceStatus::Online << QString()
                                               << 0 << true << qint64(13);

    // Kamailio pua_dialoginfo / presence_dialoginfo.
    QTest::newRow("kamailio-trying") << QByteArray(R"(<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:alice@example.org">
  <dialog id="a8b7c6" call-id="a8b7c6@198.51.100.7" local-tag="a0b1" direction="initiator">
    <state>trying</state>
    <local><identity>sip:alice@example.org</identity><target uri="sip:alice@example.org"/></local>
    <remote><identity>sip:bob@example.org</identity><target uri="sip:bob@example.org"/></remote>
  </dialog>
</dialog-info>)") << PresenceStatus::OnThePhone
                                     << QStringLiteral("trying") << 1 << true << qint64(1);
    QTest::newRow("kamailio-proceeding-recipient")
        << document(R"(<dialog id="d" direction="recipient"><state>proceeding</state></dialog>)")
        << PresenceStatus::Ringing << QStringLiteral("proceeding") << 1 << true << qint64(1);
    QTest::newRow("partial-terminated") << document(R"(<dialog id="d" call-id="c" direction="recipient">
<state event="rejected" code="486">terminated</state></dialog>)",
                                                    "partial", "5")
                                        << PresenceStatus::Online << QStringLiteral("terminated") << 1 << false
                                        << qint64(5);

    // Several dialogs at once.
    QTest::newRow("call-waiting-ringing-wins")
        << document(R"(<dialog id="a" direction="initiator"><state>confirmed</state></dialog>
<dialog id="b" direction="recipient"><state>early</state></dialog>)")
        << PresenceStatus::Ringing << QStringLiteral("early") << 2 << true << qint64(1);
    QTest::newRow("terminated-and-confirmed")
        << document(R"(<dialog id="a"><state>terminated</state></dialog>
<dialog id="b" direction="recipient"><state>confirmed</state></dialog>)")
        << PresenceStatus::OnThePhone << QStringLiteral("confirmed") << 2 << true << qint64(1);
    QTest::newRow("all-terminated") << document(R"(<dialog id="a"><state>terminated</state></dialog>
<dialog id="b"><state event="replaced">terminated</state></dialog>)")
                                    << PresenceStatus::Online << QStringLiteral("terminated") << 2 << true << qint64(1);

    // Lenient reading.
    QTest::newRow("state-case-and-space")
        << document("<dialog id=\"a\"><state>\n  Confirmed \n</state></dialog>") << PresenceStatus::OnThePhone
        << QStringLiteral("confirmed") << 1 << true << qint64(1);
    QTest::newRow("early-without-direction")
        << document("<dialog id=\"a\"><state>early</state></dialog>") << PresenceStatus::Ringing
        << QStringLiteral("early") << 1 << true << qint64(1);
    QTest::newRow("unknown-state-ignored")
        << document("<dialog id=\"a\"><state>dancing</state></dialog>") << PresenceStatus::Online
        << QStringLiteral("terminated") << 1 << true << qint64(1);
    QTest::newRow("dialog-without-state")
        << document("<dialog id=\"a\" direction=\"recipient\"/>") << PresenceStatus::Online
        << QStringLiteral("terminated") << 1 << true << qint64(1);
    QTest::newRow("prefixed") << QByteArray(R"(<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" version="3"
state="full" entity="sip:a@b"><d:dialog id="x" direction="recipient"><d:state>early</d:state></d:dialog></d:dialog-info>)")
                              << PresenceStatus::Ringing << QStringLiteral("early") << 1 << true << qint64(3);
    QTest::newRow("foreign-dialog-ignored")
        << document(R"(<x:dialog xmlns:x="urn:example:x" id="a"><x:state>confirmed</x:state>
</x:dialog>)")
        << PresenceStatus::Online << QString() << 0 << true << qint64(1);
    QTest::newRow("nested-dialog-ignored")
        << document(R"(<dialog id="a"><dialog id="b"><state>confirmed</state></dialog>
<state>terminated</state></dialog>)")
        << PresenceStatus::Online << QStringLiteral("terminated") << 1 << true << qint64(1);
    QTest::newRow("missing-version-and-state")
        << QByteArray(R"(<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info">
<dialog id="a"><state>confirmed</state></dialog></dialog-info>)")
        << PresenceStatus::OnThePhone << QStringLiteral("confirmed") << 1 << true << qint64(-1);
    QTest::newRow("non-numeric-version") << document("", "full", "seven") << PresenceStatus::Online << QString() << 0
                                         << true << qint64(-1);
    QTest::newRow("negative-version") << document("", "full", "-3") << PresenceStatus::Online << QString() << 0 << true
                                      << qint64(-1);
    QTest::newRow("huge-version") << document("", "full", "4294967296") << PresenceStatus::Online << QString() << 0
                                  << true << qint64(4294967296LL);
    QTest::newRow("overflowing-version") << document("", "full", "99999999999999999999999") << PresenceStatus::Online
                                         << QString() << 0 << true << qint64(-1);
}

void TestDialogInfoParser::parsesDocuments()
{
    QFETCH(QByteArray, body);
    QFETCH(PresenceStatus, status);
    QFETCH(QString, dialogState);
    QFETCH(int, dialogCount);
    QFETCH(bool, fullState);
    QFETCH(qint64, version);

    const auto result = DialogInfoParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.presence.status, status);
    QCOMPARE(result.presence.dialogState, dialogState);
    QCOMPARE(result.dialogs.size(), dialogCount);
    QCOMPARE(result.fullState, fullState);
    QCOMPARE(result.version, version);
    QVERIFY(result.presence.note.isEmpty());
}

void TestDialogInfoParser::refusesDocuments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty document");
    QTest::newRow("pidf-instead") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"/>)")
                                  << QStringLiteral("not a dialog-info document: root element is <presence>");
    QTest::newRow("wrong-namespace") << QByteArray(
                                            R"(<dialog-info xmlns="urn:example:dialog" version="1" state="full"/>)")
                                     << QStringLiteral("not a dialog-info document: <dialog-info> in namespace "
                                                       "'urn:example:dialog', expected "
                                                       "'urn:ietf:params:xml:ns:dialog-info'");
    QTest::newRow("bad-state") << document("", "everything")
                               << QStringLiteral("state attribute is 'everything', expected 'full' or 'partial'");
    QTest::newRow("truncated") << document("<dialog id=\"a\"><state>confirmed</state></dialog>").left(150)
                               << QStringLiteral("truncated document");
    QTest::newRow("dtd") << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE dialog-info [<!ENTITY a "aaaaaaaaaa">]>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"><dialog id="&a;"/></dialog-info>)")
                         << QStringLiteral("document type declarations are not accepted");
    QTest::newRow("garbage") << QByteArray("\x01\x02\x03\xff\xfe<<<>>>&&&") << QStringLiteral("not well-formed XML");
    QTest::newRow("text-only") << QByteArray("confirmed") << QStringLiteral("not well-formed XML");
    QTest::newRow("unclosed-state") << document("<dialog id=\"a\"><state>confirmed</dialog>")
                                    << QStringLiteral("not well-formed XML");
}

void TestDialogInfoParser::refusesDocuments()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    const auto result = DialogInfoParser().parse(body);
    QVERIFY(!result.ok);
    QCOMPARE(result.presence.status, PresenceStatus::Unknown);
    QVERIFY(result.dialogs.isEmpty());
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
}

void TestDialogInfoParser::reportsDialogDetails()
{
    const auto result = DialogInfoParser().parse(document(R"(<dialog id="d1" call-id="c1@host" direction=" Recipient ">
<state event="rejected" code="486">terminated</state>
<remote><identity display="Bob &amp; Co">sip:bob@example.org</identity></remote>
<local><identity display="Me">sip:1000@pbx.example</identity></local></dialog>)",
                                                          "partial", "9"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.entity, QStringLiteral("sip:1000@pbx.example"));
    QCOMPARE(result.dialogs.size(), 1);
    const Sip::DialogInfoEntry &dialog = result.dialogs.constFirst();
    QCOMPARE(dialog.id, QStringLiteral("d1"));
    QCOMPARE(dialog.callId, QStringLiteral("c1@host"));
    QCOMPARE(dialog.direction, QStringLiteral("recipient"));
    QCOMPARE(dialog.state, QStringLiteral("terminated"));
    QCOMPARE(dialog.stateEvent, QStringLiteral("rejected"));
    QCOMPARE(dialog.stateCode, 486);
    QCOMPARE(dialog.remoteIdentity, QStringLiteral("sip:bob@example.org"));
    QCOMPARE(dialog.remoteDisplayName, QStringLiteral("Bob & Co"));
    QCOMPARE(DialogInfoParser::contentType(), QStringLiteral("application/dialog-info+xml"));
    QCOMPARE(DialogInfoParser::namespaceUri(), QStringLiteral("urn:ietf:params:xml:ns:dialog-info"));
}

void TestDialogInfoParser::statusForDialog_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<PresenceStatus>("status");

    const QString recipient = QStringLiteral("recipient");
    const QString initiator = QStringLiteral("initiator");
    QTest::newRow("trying-recipient") << QStringLiteral("trying") << recipient << PresenceStatus::Ringing;
    QTest::newRow("trying-initiator") << QStringLiteral("trying") << initiator << PresenceStatus::OnThePhone;
    QTest::newRow("proceeding-recipient") << QStringLiteral("proceeding") << recipient << PresenceStatus::Ringing;
    QTest::newRow("proceeding-initiator") << QStringLiteral("proceeding") << initiator << PresenceStatus::OnThePhone;
    QTest::newRow("early-recipient") << QStringLiteral("early") << recipient << PresenceStatus::Ringing;
    QTest::newRow("early-initiator") << QStringLiteral("early") << initiator << PresenceStatus::OnThePhone;
    QTest::newRow("early-none") << QStringLiteral("early") << QString() << PresenceStatus::Ringing;
    QTest::newRow("confirmed-recipient") << QStringLiteral("confirmed") << recipient << PresenceStatus::OnThePhone;
    QTest::newRow("confirmed-initiator") << QStringLiteral("confirmed") << initiator << PresenceStatus::OnThePhone;
    QTest::newRow("terminated") << QStringLiteral("terminated") << recipient << PresenceStatus::Invalid;
    QTest::newRow("empty") << QString() << QString() << PresenceStatus::Invalid;
}

void TestDialogInfoParser::statusForDialog()
{
    QFETCH(QString, state);
    QFETCH(QString, direction);
    QFETCH(PresenceStatus, status);

    Sip::DialogInfoEntry dialog;
    dialog.state = state;
    dialog.direction = direction;
    QCOMPARE(DialogInfoParser::statusForDialog(dialog), status);
}

QTEST_GUILESS_MAIN(TestDialogInfoParser)
#include "TestDialogInfoParser.moc"
