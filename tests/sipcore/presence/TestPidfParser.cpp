// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/PidfParser.h"

#include <QTest>

using Sip::PidfParser;
using Sip::PresenceStatus;

class TestPidfParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesDocuments_data();
    void parsesDocuments();
    void refusesDocuments_data();
    void refusesDocuments();
    void reportsRawFields();
    void decodesLatin1Documents();
};

namespace {

// Namespace declarations most servers put on the root.
#define PIDF_NS R"(xmlns="urn:ietf:params:xml:ns:pidf")"
#define DM_RPID_NS R"(xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid")"

QByteArray xml(const char *text)
{
    return QByteArray(text);
}

// Literal with embedded NUL bytes, kept whole.
template <std::size_t N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

QByteArray utf16(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

// A one-tuple document with an optional dm:person body, the shape most servers send.
QByteArray personDocument(const char *basic, const char *personBody, const char *presenceNote = "")
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence )" PIDF_NS " " DM_RPID_NS R"( entity="sip:1000@pbx.example">
 <tuple id="t1"><status><basic>)") +
           basic + R"(</basic></status></tuple>
 <dm:person id="p1">)" +
           personBody + R"(</dm:person>)" + presenceNote + R"(
</presence>)";
}

} // namespace

void TestPidfParser::parsesDocuments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PresenceStatus>("status");
    QTest::addColumn<QString>("note");

    // RFC 3863 section 3.4 example: presence-level note wins over the tuples' notes; im:im is not RPID.
    QTest::newRow("rfc3863-example") << xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<impp:presence xmlns:impp="urn:ietf:params:xml:ns:pidf" xmlns:myex="http://id.example.com/presence/"
    entity="pres:someone@example.com">
  <impp:tuple id="ck38g9">
    <impp:status><impp:basic>open</impp:basic></impp:status>
    <myex:mytupletag>Extended value in tuple</myex:mytupletag>
    <impp:contact priority="0.65">tel:+09012345678</impp:contact>
  </impp:tuple>
  <impp:tuple id="md6tb5">
    <impp:status><impp:basic>open</impp:basic></impp:status>
    <impp:contact priority="1.0">im:someone@mobilecarrier.net</impp:contact>
    <impp:note xml:lang="en">Don't Disturb Please!</impp:note>
    <impp:note xml:lang="fr">Ne derangez pas, s'il vous plait</impp:note>
    <impp:timestamp>2001-10-27T16:49:29Z</impp:timestamp>
  </impp:tuple>
  <impp:note xml:lang="en">I'll be in Tokyo next week</impp:note>
</impp:presence>)") << PresenceStatus::Online
                                     << QStringLiteral("I'll be in Tokyo next week");

    QTest::newRow("rfc3863-open-contact") << xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:someone@example.com">
  <tuple id="sg89ae"><status><basic>open</basic></status><contact priority="0.8">tel:+09012345678</contact></tuple>
</presence>)") << PresenceStatus::Online << QString();

    QTest::newRow("closed-is-offline") << xml(R"(<?xml version="1.0"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:bob@example.com">
  <tuple id="a1"><status><basic>closed</basic></status></tuple>
</presence>)") << PresenceStatus::Offline
                                       << QString();

    QTest::newRow("tuple-notes-first-with-lang")
        << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
  <tuple id="x"><status><basic>open</basic></status>
    <note xml:lang="en">Don't Disturb Please!</note><note xml:lang="fr">Ne derangez pas</note></tuple>
</presence>)")
        << PresenceStatus::Online << QStringLiteral("Don't Disturb Please!");

    QTest::newRow("tuple-notes-langless-preferred")
        << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
  <tuple id="x"><status><basic>open</basic></status>
    <note xml:lang="de">Mittagspause</note><note>Lunch break</note><note>Second</note></tuple>
</presence>)")
        << PresenceStatus::Online << QStringLiteral("Lunch break");

    QTest::newRow("person-note-before-tuple-note") << xml(R"(<presence )" PIDF_NS " " DM_RPID_NS R"( entity="sip:a@b">
  <tuple id="x"><status><basic>open</basic></status><note>tuple note</note></tuple>
  <dm:person id="p"><dm:note>person note</dm:note></dm:person>
</presence>)") << PresenceStatus::Online << QStringLiteral("person note");

    // Asterisk res_pjsip (pjsip PIDF generator), one document per extension state.
    const char *asteriskNs = PIDF_NS " " DM_RPID_NS;
    auto asterisk = [asteriskNs](const char *basic, const char *activity, const char *note) -> QByteArray {
        QByteArray person =
            activity[0] ? QByteArray("<rpid:activities><rpid:") + activity + "/></rpid:activities>" : QByteArray();
        return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence entity="sip:1000@192.0.2.10" )") +
               asteriskNs + R"(>
 <note>)" + note +
               R"(</note>
 <tuple id="1000">
  <status><basic>)" +
               basic + R"(</basic></status>
  <contact priority="1">sip:1000@192.0.2.10</contact>
 </tuple>
 <dm:person>)" +
               person + R"(</dm:person>
</presence>
)";
    };
    QTest::newRow("asterisk-pjsip-ready")
        << asterisk("open", "", "Ready") << PresenceStatus::Online << QStringLiteral("Ready");
    QTest::newRow("asterisk-pjsip-inuse") << asterisk("open", "on-the-phone", "On the phone")
                                          << PresenceStatus::OnThePhone << QStringLiteral("On the phone");
    QTest::newRow("asterisk-pjsip-ringing")
        << asterisk("open", "on-the-phone", "Ringing") << PresenceStatus::Ringing << QStringLiteral("Ringing");
    QTest::newRow("asterisk-pjsip-onhold")
        << asterisk("open", "on-the-phone", "On hold") << PresenceStatus::OnThePhone << QStringLiteral("On hold");
    QTest::newRow("asterisk-pjsip-busy") << asterisk("closed", "busy", "On the phone") << PresenceStatus::Busy
                                         << QStringLiteral("On the phone");
    QTest::newRow("asterisk-pjsip-unavailable")
        << asterisk("closed", "", "Unavailable") << PresenceStatus::Offline << QStringLiteral("Unavailable");

    // Asterisk chan_sip: pre-RFC person namespace, activities inside the person's <status>.
    auto chanSip = [](const char *basic, const char *activity, const char *note) -> QByteArray {
        QByteArray activities =
            activity[0] ? QByteArray("<ep:activities><ep:") + activity + "/></ep:activities>\n" : QByteArray();
        return QByteArray(R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" 
xmlns:pp="urn:ietf:params:xml:ns:pidf:person"
xmlns:es="urn:ietf:params:xml:ns:pidf:rpid:status:rpid-status"
xmlns:ep="urn:ietf:params:xml:ns:pidf:rpid:rpid-person"
entity="sip:1000@192.0.2.10">
<pp:person><status>
)") + activities +
               R"(</status></pp:person>
<note>)" + note +
               R"(</note>
<tuple id="1000">
<contact priority="1">sip:1000@192.0.2.10</contact>
<status><basic>)" +
               basic + R"(</basic></status>
</tuple>
</presence>
)";
    };
    QTest::newRow("chan_sip-ready") << chanSip("open", "", "Ready") << PresenceStatus::Online
                                    << QStringLiteral("Ready");
    QTest::newRow("chan_sip-ringing") << chanSip("open", "busy", "Ringing") << PresenceStatus::Ringing
                                      << QStringLiteral("Ringing");
    QTest::newRow("chan_sip-inuse") << chanSip("open", "busy", "On the phone") << PresenceStatus::OnThePhone
                                    << QStringLiteral("On the phone");
    QTest::newRow("chan_sip-unavailable")
        << chanSip("closed", "away", "Unavailable") << PresenceStatus::Offline << QStringLiteral("Unavailable");

    // FreeSWITCH mod_sofia: single quotes, cipid namespace, dm:note in the person.
    auto freeswitch = [](const char *basic, const char *activities, const char *note) -> QByteArray {
        return QByteArray(R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid' xmlns:c='urn:ietf:params:xml:ns:pidf:cipid' entity='sip:1001@192.0.2.5'>
<tuple id='t6a5ed77e'>
<status>
<basic>)") + basic +
               R"(</basic>
</status>
</tuple>
<dm:person id='p06360c4a'>
)" + activities +
               R"(<dm:note>)" + note + R"(</dm:note>
</dm:person>
</presence>)";
    };
    QTest::newRow("freeswitch-available")
        << freeswitch("open", "", "Available") << PresenceStatus::Online << QStringLiteral("Available");
    QTest::newRow("freeswitch-on-the-phone")
        << freeswitch("open", "<rpid:activities>\n<rpid:on-the-phone/>\n</rpid:activities>\n", "On The Phone")
        << PresenceStatus::OnThePhone << QStringLiteral("On The Phone");
    QTest::newRow("freeswitch-busy") << freeswitch("open", "<rpid:activities><rpid:busy/></rpid:activities>", "Busy")
                                     << PresenceStatus::Busy << QStringLiteral("Busy");
    QTest::newRow("freeswitch-unregistered")
        << freeswitch("closed", "", "Unregistered") << PresenceStatus::Offline << QStringLiteral("Unregistered");

    // Kamailio presence_xml force_dummy_presence, and an aggregate of two devices' publications.
    QTest::newRow("kamailio-dummy") << xml(R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:c="urn:ietf:params:xml:ns:pidf:cipid" entity="sip:alice@example.org">
  <tuple xmlns="urn:ietf:params:xml:ns:pidf" id="tuple_mixingid">
    <status><basic>closed</basic></status>
  </tuple>
</presence>)") << PresenceStatus::Offline
                                    << QString();
    QTest::newRow("kamailio-aggregate") << xml(R"(<?xml version="1.0"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:alice@example.org">
  <tuple id="0x7f3a1"><status><basic>closed</basic></status><contact>sip:alice@198.51.100.7</contact></tuple>
  <tuple id="0x7f3a2"><status><basic>open</basic></status><contact>sip:alice@198.51.100.9</contact>
    <note>desk phone</note></tuple>
  <dm:person xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" id="pa">
    <rpid:activities><rpid:away/></rpid:activities></dm:person>
  <dm:person xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" id="pb">
    <rpid:activities><rpid:on-the-phone/></rpid:activities></dm:person>
</presence>)") << PresenceStatus::OnThePhone
                                        << QStringLiteral("desk phone");

    // Cisco (CUCM BLF): Cisco's own activities inside rpid:activities.
    auto cisco = [](const char *activity) -> QByteArray {
        return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:ce="urn:cisco:params:xml:ns:pidf:rpid" entity="sip:2001@cucm.example">
<tuple id="cisco-t1"><status><basic>open</basic></status></tuple>
<dm:person id="cisco-p1"><rpid:activities>)") +
               activity + R"(</rpid:activities></dm:person>
</presence>)";
    };
    QTest::newRow("cisco-alerting") << cisco("<ce:alerting/>") << PresenceStatus::Ringing << QString();
    QTest::newRow("cisco-dnd") << cisco("<ce:dnd/>") << PresenceStatus::Busy << QString();
    QTest::newRow("cisco-on-the-phone") << cisco("<rpid:on-the-phone/>") << PresenceStatus::OnThePhone << QString();
    QTest::newRow("cisco-available") << cisco("<ce:available/>") << PresenceStatus::Online << QString();

    // Polycom and other phones of the RPID draft era: <activity> carries the word as text.
    QTest::newRow("draft-rpid-activity-text") << xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:es="urn:ietf:params:xml:ns:pidf:status:rpid-status" entity="sip:3001@example.com">
 <tuple id="polycom">
  <status><basic>open</basic><es:activities><es:activity>away</es:activity></es:activities></status>
  <note>Be right back</note>
 </tuple>
</presence>)") << PresenceStatus::Away << QStringLiteral("Be right back");

    // RFC 4480 activities one by one.
    QTest::newRow("rpid-away") << personDocument("open", "<rpid:activities><rpid:away/></rpid:activities>")
                               << PresenceStatus::Away << QString();
    QTest::newRow("rpid-busy") << personDocument("open", "<rpid:activities><rpid:busy/></rpid:activities>")
                               << PresenceStatus::Busy << QString();
    QTest::newRow("rpid-meeting") << personDocument("open", "<rpid:activities><rpid:meeting/></rpid:activities>")
                                  << PresenceStatus::Busy << QString();
    QTest::newRow("rpid-appointment") << personDocument("open",
                                                        "<rpid:activities><rpid:appointment/></rpid:activities>")
                                      << PresenceStatus::Busy << QString();
    QTest::newRow("rpid-vacation") << personDocument("open", "<rpid:activities><rpid:vacation/></rpid:activities>")
                                   << PresenceStatus::Away << QString();
    QTest::newRow("rpid-lunch") << personDocument("open", "<rpid:activities><rpid:lunch/></rpid:activities>")
                                << PresenceStatus::Away << QString();
    QTest::newRow("rpid-unknown-is-online")
        << personDocument("open", "<rpid:activities><rpid:unknown/></rpid:activities>") << PresenceStatus::Online
        << QString();
    QTest::newRow("rpid-other-with-text")
        << personDocument("open", "<rpid:activities><rpid:other>Writing a thesis</rpid:other></rpid:activities>")
        << PresenceStatus::Online << QString();
    QTest::newRow("rpid-strongest-wins")
        << personDocument("open", "<rpid:activities><rpid:away/><rpid:on-the-phone/><rpid:meeting/></rpid:activities>")
        << PresenceStatus::OnThePhone << QString();
    QTest::newRow("rpid-busy-closed-stays-busy")
        << personDocument("closed", "<rpid:activities><rpid:busy/></rpid:activities>") << PresenceStatus::Busy
        << QString();
    QTest::newRow("rpid-vacation-closed-is-offline")
        << personDocument("closed", "<rpid:activities><rpid:vacation/></rpid:activities>",
                          "<note>Back on Monday</note>")
        << PresenceStatus::Offline << QStringLiteral("Back on Monday");
    QTest::newRow("rpid-user-input-idle")
        << personDocument("open", R"(<rpid:user-input last-input="2024-03-01T10:00:00Z">idle</rpid:user-input>)")
        << PresenceStatus::Away << QString();
    QTest::newRow("rpid-user-input-active")
        << personDocument("open", "<rpid:user-input>active</rpid:user-input>") << PresenceStatus::Online << QString();
    QTest::newRow("rpid-activity-no-tuple") << xml(R"(<presence )" PIDF_NS " " DM_RPID_NS R"( entity="sip:a@b">
<dm:person id="p"><rpid:activities><rpid:busy/></rpid:activities></dm:person></presence>)")
                                            << PresenceStatus::Busy << QString();

    // RFC 4480 section 5 style full example with device, class, mood, place-type and timestamps.
    QTest::newRow("rfc4480-rich") << xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
  xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
  xmlns:lt="urn:ietf:params:xml:ns:location-type"
  xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
  entity="pres:someone@example.com">
  <tuple id="bs35r9">
    <status><basic>open</basic></status>
    <dm:deviceID>urn:device:0003ba4811e3</dm:deviceID>
    <rpid:relationship><rpid:self/></rpid:relationship>
    <rpid:service-class><rpid:electronic/></rpid:service-class>
    <contact priority="0.8">im:someone@mobile.example.net</contact>
    <timestamp>2005-05-30T22:00:29Z</timestamp>
  </tuple>
  <dm:person id="pdd5">
    <rpid:activities from="2005-05-30T12:00:00+05:00" until="2005-05-30T17:00:00+05:00">
      <rpid:note>Far away</rpid:note>
      <rpid:away/>
    </rpid:activities>
    <rpid:class>calendar</rpid:class>
    <rpid:mood><rpid:angry/><rpid:other>brooding</rpid:other></rpid:mood>
    <rpid:place-is><rpid:audio><rpid:noisy/></rpid:audio></rpid:place-is>
    <rpid:place-type><lt:residence/></rpid:place-type>
    <rpid:privacy><rpid:unknown/></rpid:privacy>
    <rpid:sphere>bowling league</rpid:sphere>
    <rpid:status-icon>http://example.com/play.gif</rpid:status-icon>
    <rpid:time-offset>-240</rpid:time-offset>
    <dm:note>Scoring 120</dm:note>
    <dm:timestamp>2005-05-30T16:09:44+05:00</dm:timestamp>
  </dm:person>
  <dm:device id="pc122"><rpid:user-input idle-threshold="600" last-input="2004-10-21T13:20:00.000-05:00">idle</rpid:user-input>
    <dm:deviceID>urn:device:0003ba4811e3</dm:deviceID><dm:note>PC</dm:note></dm:device>
</presence>)") << PresenceStatus::Away
                                  << QStringLiteral("Scoring 120");

    // Form and encoding.
    QTest::newRow("no-tuples-is-unknown") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"/>)")
                                          << PresenceStatus::Unknown << QString();
    QTest::newRow("tuple-without-basic") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status/></tuple></presence>)")
                                         << PresenceStatus::Unknown << QString();
    QTest::newRow("basic-case-and-space") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>
  Open
</basic></status></tuple></presence>)") << PresenceStatus::Online
                                          << QString();
    QTest::newRow("basic-garbage-ignored") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>maybe</basic></status></tuple></presence>)")
                                           << PresenceStatus::Unknown << QString();
    QTest::newRow("one-open-tuple-is-enough") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t1"><status><basic>closed</basic></status></tuple>
<tuple id="t2"><status><basic>closed</basic></status></tuple>
<tuple id="t3"><status><basic>open</basic></status></tuple></presence>)")
                                              << PresenceStatus::Online << QString();
    QTest::newRow("basic-outside-tuple-ignored")
        << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<status><basic>open</basic></status><tuple id="t"><status><basic>closed</basic></status></tuple></presence>)")
        << PresenceStatus::Offline << QString();
    QTest::newRow("cdata-note") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>open</basic></status></tuple><note><![CDATA[Back <soon> & then]]></note></presence>)")
                                << PresenceStatus::Online << QStringLiteral("Back <soon> & then");
    QTest::newRow("entities-in-note") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>open</basic></status></tuple><note>Tom &amp; Jerry &lt;3 &#x263A; &#65;</note></presence>)")
                                      << PresenceStatus::Online << QStringLiteral("Tom & Jerry <3 \u263A A");
    QTest::newRow("utf8-note")
        << xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence "
               "xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@b\"><tuple id=\"t\"><status>"
               "<basic>open</basic></status></tuple><note>Gr\xc3\xbc\xc3\x9f"
               "e aus K\xc3\xb6ln \xf0\x9f\x93\x9e</note></presence>")
        << PresenceStatus::Online << QStringLiteral("Grüße aus Köln \U0001F4DE");
    QTest::newRow("multiline-note-simplified") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>open</basic></status><note>
    In a meeting
    until 3pm
</note></tuple></presence>)") << PresenceStatus::Online
                                               << QStringLiteral("In a meeting until 3pm");
    QTest::newRow("empty-note-skipped") << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<note>   </note><tuple id="t"><status><basic>open</basic></status><note>real</note></tuple></presence>)")
                                        << PresenceStatus::Online << QStringLiteral("real");
    QTest::newRow("comments-and-pi") << xml(R"(<?xml version="1.0"?><!-- generated --><?xml-stylesheet href="x"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><!-- c --><tuple id="t"><status><basic>open<!-- x --></basic>
</status></tuple></presence><!-- trailing comment -->)")
                                     << PresenceStatus::Online << QString();
    QTest::newRow("note-in-foreign-namespace-ignored")
        << xml(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="t"><status><basic>open</basic></status></tuple><x:note xmlns:x="urn:example:x">nope</x:note></presence>)")
        << PresenceStatus::Online << QString();
    QTest::newRow("utf8-bom") << QByteArray("\xef\xbb\xbf<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                                            "entity=\"sip:a@b\"><tuple id=\"t\"><status><basic>closed</basic>"
                                            "</status></tuple></presence>")
                              << PresenceStatus::Offline << QString();
    QTest::newRow("utf16-document") << utf16(QStringLiteral(
                                           "\uFEFF<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@b\">"
                                           "<tuple id=\"t\"><status><basic>open</basic></status></tuple>"
                                           "<note>utf-16</note></presence>"))
                                    << PresenceStatus::Online << QStringLiteral("utf-16");
}

void TestPidfParser::parsesDocuments()
{
    QFETCH(QByteArray, body);
    QFETCH(PresenceStatus, status);
    QFETCH(QString, note);

    const auto result = PidfParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.presence.status, status);
    QCOMPARE(result.presence.note, note);
}

void TestPidfParser::refusesDocuments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty document");
    QTest::newRow("whitespace") << QByteArray(" \r\n\t ") << QStringLiteral("empty document");
    QTest::newRow("plain-text") << QByteArray("Ready") << QStringLiteral("not well-formed XML at line 1");
    QTest::newRow("sip-message") << QByteArray("NOTIFY sip:a@b SIP/2.0\r\nEvent: presence\r\n\r\n")
                                 << QStringLiteral("not well-formed XML");
    QTest::newRow("json") << QByteArray(R"({"presence":"open"})") << QStringLiteral("not well-formed XML");
    QTest::newRow("truncated") << QByteArray(R"(<?xml version="1.0"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><tuple id="t"><status><basic>op)")
                               << QStringLiteral("truncated document");
    QTest::newRow("truncated-in-tag") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" ent)")
                                      << QStringLiteral("truncated document");
    QTest::newRow("wrong-root") << QByteArray(R"(<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1"
state="full" entity="sip:a@b"/>)")
                                << QStringLiteral("not a PIDF document: root element is <dialog-info>");
    QTest::newRow("wrong-namespace") << QByteArray(
                                            R"(<presence xmlns="urn:ietf:params:xml:ns:cpim-pidf" entity="sip:a@b">
<tuple id="t"><status><basic>open</basic></status></tuple></presence>)")
                                     << QStringLiteral("not a PIDF document: <presence> in namespace "
                                                       "'urn:ietf:params:xml:ns:cpim-pidf', expected "
                                                       "'urn:ietf:params:xml:ns:pidf'");
    QTest::newRow("no-namespace") << QByteArray(R"(<presence entity="sip:a@b"><tuple id="t"><status><basic>open</basic>
</status></tuple></presence>)") << QStringLiteral("not a PIDF document: <presence> in namespace ''");
    QTest::newRow("xpidf") << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE presence PUBLIC "-//IETF//DTD RFCxxxx XPIDF 1.0//EN" "xpidf.dtd">
<presence><presentity uri="sip:a@b;method=SUBSCRIBE"/><atom id="1"><address uri="sip:a@b;user=ip" priority="0.8">
<status status="open"/></address></atom></presence>)")
                           << QStringLiteral("document type declarations are not accepted");
    QTest::newRow("undeclared-entity") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<note>a&nbsp;b</note></presence>)") << QStringLiteral("not well-formed XML at line 2");
    QTest::newRow("undeclared-prefix") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<dm:person id="p"/></presence>)") << QStringLiteral("not well-formed XML");
    QTest::newRow("mismatched-tags") << QByteArray(
                                            R"(<presence xmlns="urn:ietf:params:xml:ns:pidf"><tuple></presence>)")
                                     << QStringLiteral("not well-formed XML");
    QTest::newRow("two-roots") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf"/>
<presence xmlns="urn:ietf:params:xml:ns:pidf"/>)")
                               << QStringLiteral("not well-formed XML");
    QTest::newRow("trailing-garbage") << QByteArray(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf"/>garbage)")
                                      << QStringLiteral("not well-formed XML");
    QTest::newRow("nul-byte") << bytes("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><note>a\0b</note></presence>")
                              << QStringLiteral("not well-formed XML");
    QTest::newRow("binary") << bytes("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00")
                            << QStringLiteral("not well-formed XML");
    QTest::newRow("bad-utf8") << QByteArray("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><note>\xc3\x28\xff</note>"
                                            "</presence>")
                              << QStringLiteral("not well-formed XML");
    QTest::newRow("unknown-encoding") << QByteArray(R"(<?xml version="1.0" encoding="X-NOPE-42"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"/>)")
                                      << QStringLiteral("not well-formed XML");
    QTest::newRow("html") << QByteArray("<html><body><h1>503 Service Unavailable</h1></body></html>")
                          << QStringLiteral("not a PIDF document: root element is <html>");
}

void TestPidfParser::refusesDocuments()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    const auto result = PidfParser().parse(body);
    QVERIFY(!result.ok);
    QCOMPARE(result.presence.status, PresenceStatus::Unknown);
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
}

void TestPidfParser::reportsRawFields()
{
    const auto result = PidfParser().parse(R"(<presence )" PIDF_NS " " DM_RPID_NS R"( entity=" sip:1000@pbx.example ">
<tuple id="a"><status><basic>closed</basic></status></tuple><tuple id="b"><status><basic>open</basic></status></tuple>
<dm:person id="p"><rpid:activities><rpid:Meeting/><rpid:lunch/></rpid:activities></dm:person></presence>)");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.entity, QStringLiteral("sip:1000@pbx.example"));
    QCOMPARE(result.presence.basicStatus, QStringLiteral("open"));
    QCOMPARE(result.presence.activities, QStringList({QStringLiteral("meeting"), QStringLiteral("lunch")}));
    QCOMPARE(result.presence.status, PresenceStatus::Busy);
    QVERIFY(result.presence.dialogState.isEmpty());

    const auto closed = PidfParser().parse(R"(<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">
<tuple id="a"><status><basic>closed</basic></status></tuple></presence>)");
    QCOMPARE(closed.presence.basicStatus, QStringLiteral("closed"));
    QCOMPARE(PidfParser::contentType(), QStringLiteral("application/pidf+xml"));
    QCOMPARE(PidfParser::namespaceUri(), QStringLiteral("urn:ietf:params:xml:ns:pidf"));
}

void TestPidfParser::decodesLatin1Documents()
{
    // chan_sip and FreeSWITCH declare ISO-8859-1; a note with an accent arrives as one byte.
    const QByteArray body("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<presence "
                          "xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@b\"><tuple id=\"t\"><status>"
                          "<basic>open</basic></status></tuple><note>Caf\xe9</note></presence>");
    const auto result = PidfParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.note, QStringLiteral("Café"));
}

QTEST_GUILESS_MAIN(TestPidfParser)
#include "TestPidfParser.moc"
