// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoParser.h"
#include "sipcore/presence/PidfParser.h"
#include "tests/sipcore/presence/PresenceChecks.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using Sip::DialogInfoParser;
using Sip::PidfParser;
using Sip::PresenceParseLimits;
using Sip::PresenceStatus;

// Hostile input: every case must end quickly with a sound result, and the refusals must say why.
class TestPresenceRobustness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capsSize();
    void sizeCapIsConfigurable();
    void capsDepth_data();
    void capsDepth();
    void tenThousandNestedElements();
    void capsElementCount();
    void refusesBillionLaughs_data();
    void refusesBillionLaughs();
    void oneMegabyteInputs();
    void cutsLongText();
    void manyAttributesStayFast_data();
    void manyAttributesStayFast();
    void randomBytes();
    void mutatedDocuments();

private:
    static constexpr qint64 slowMs = 2000; // far above what any bounded document needs
};

namespace {

const QByteArray openTuple = R"(<tuple id="t"><status><basic>open</basic></status></tuple>)";

QByteArray pidf(const QByteArray &inner)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b">)" +
           inner + "</presence>";
}

QByteArray dialogInfo(const QByteArray &inner)
{
    return R"(<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full">)" + inner +
           "</dialog-info>";
}

QByteArray nested(const char *name, int depth, const QByteArray &core = {})
{
    QByteArray body;
    for (int i = 0; i < depth; ++i)
        body += QByteArray("<") + name + ">";
    body += core;
    for (int i = 0; i < depth; ++i)
        body += QByteArray("</") + name + ">";
    return body;
}

QByteArray utf16(const QByteArray &latin1)
{
    const QString text = QChar(0xFEFF) + QString::fromLatin1(latin1);
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

const QByteArray billionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE presence [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><note>&lol9;</note></presence>)";

} // namespace

void TestPresenceRobustness::capsSize()
{
    const PresenceParseLimits limits;
    QByteArray body = pidf(openTuple + "<note>fits</note>");
    body.insert(body.indexOf("<presence"), QByteArray(limits.maxBytes - body.size(), ' '));
    QCOMPARE(body.size(), limits.maxBytes);
    const auto fits = PidfParser().parse(body);
    QVERIFY2(fits.ok, qPrintable(fits.error));
    QCOMPARE(fits.presence.note, QStringLiteral("fits"));

    body.prepend(' ');
    const auto tooLarge = PidfParser().parse(body);
    QVERIFY(!tooLarge.ok);
    QCOMPARE(tooLarge.presence.status, PresenceStatus::Unknown);
    QCOMPARE(tooLarge.error, QStringLiteral("document too large: 65537 bytes, at most 65536 accepted"));
    QCOMPARE(DialogInfoParser().parse(body).error, tooLarge.error);
}

void TestPresenceRobustness::sizeCapIsConfigurable()
{
    const QByteArray body = pidf(openTuple);
    PresenceParseLimits small;
    small.maxBytes = body.size() - 1;
    QVERIFY(PidfParser(small).parse(body).error.startsWith(QStringLiteral("document too large")));
    QCOMPARE(PidfParser(small).limits(), small);
    small.maxBytes = body.size();
    QVERIFY(PidfParser(small).parse(body).ok);

    PresenceParseLimits few;
    few.maxElements = 3;
    QCOMPARE(PidfParser(few).parse(pidf(openTuple)).error, QStringLiteral("too many elements: more than 3"));
    few.maxElements = 4;
    QVERIFY(PidfParser(few).parse(pidf(openTuple)).ok);
}

void TestPresenceRobustness::capsDepth_data()
{
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("extraLevels");
    QTest::addColumn<bool>("ok");
    // The root is level 1, so maxDepth - 1 extra levels just fit.
    QTest::newRow("default-fits") << 32 << 31 << true;
    QTest::newRow("default-over") << 32 << 32 << false;
    QTest::newRow("tight-fits") << 4 << 3 << true;
    QTest::newRow("tight-over") << 4 << 4 << false;
}

void TestPresenceRobustness::capsDepth()
{
    QFETCH(int, maxDepth);
    QFETCH(int, extraLevels);
    QFETCH(bool, ok);

    PresenceParseLimits limits;
    limits.maxDepth = maxDepth;
    const auto presence = PidfParser(limits).parse(pidf(nested("x", extraLevels)));
    QCOMPARE(presence.ok, ok);
    const auto dialogs = DialogInfoParser(limits).parse(dialogInfo(nested("dialog", extraLevels)));
    QCOMPARE(dialogs.ok, ok);
    if (!ok) {
        const QString error = QStringLiteral("elements nested too deeply: more than %1 levels").arg(maxDepth);
        QCOMPARE(presence.error, error);
        QCOMPARE(dialogs.error, error);
    }
}

void TestPresenceRobustness::tenThousandNestedElements()
{
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : {pidf(nested("x", 10000)), dialogInfo(nested("dialog", 10000)),
                                   nested("presence", 10000), QByteArray(10000 * 3, '<')}) {
        PresenceParseLimits roomy;
        roomy.maxBytes = 1024 * 1024;
        const auto presence = PidfParser(roomy).parse(body);
        QVERIFY(!presence.ok);
        QCOMPARE(presence.presence.status, PresenceStatus::Unknown);
        QVERIFY2(PresenceChecks::checkPidf(presence, roomy).isEmpty(), qPrintable(presence.error));
        const auto dialogs = DialogInfoParser(roomy).parse(body);
        QVERIFY(!dialogs.ok);
        QVERIFY(PresenceChecks::checkDialogInfo(dialogs, roomy).isEmpty());
    }
    PresenceParseLimits roomy;
    roomy.maxBytes = 1024 * 1024;
    QCOMPARE(PidfParser(roomy).parse(pidf(nested("x", 10000))).error,
             QStringLiteral("elements nested too deeply: more than 32 levels"));
    QCOMPARE(PidfParser().parse(pidf(nested("x", 5000))).error,
             QStringLiteral("elements nested too deeply: more than 32 levels"));
    QVERIFY(timer.elapsed() < slowMs);
}

void TestPresenceRobustness::capsElementCount()
{
    QByteArray siblings;
    for (int i = 0; i < 5000; ++i)
        siblings += "<x/>";
    QCOMPARE(PidfParser().parse(pidf(siblings)).error, QStringLiteral("too many elements: more than 4096"));

    QByteArray dialogs;
    for (int i = 0; i < 2500; ++i) // two elements each
        dialogs += "<dialog id=\"" + QByteArray::number(i) + "\"><state>confirmed</state></dialog>";
    PresenceParseLimits roomy;
    roomy.maxBytes = 1024 * 1024;
    const auto result = DialogInfoParser(roomy).parse(dialogInfo(dialogs));
    QCOMPARE(result.error, QStringLiteral("too many elements: more than 4096"));
    QVERIFY(result.dialogs.isEmpty());
}

void TestPresenceRobustness::refusesBillionLaughs_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("billion-laughs") << billionLaughs;
    QTest::newRow("billion-laughs-utf16") << utf16(billionLaughs);
    QTest::newRow("internal-subset-only") << QByteArray(R"(<!DOCTYPE presence [<!ENTITY n "Ready">]>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><note>&n;</note></presence>)");
    QTest::newRow("external-entity") << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE presence [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><note>&xxe;</note></presence>)");
    QTest::newRow("external-entity-utf16") << utf16(R"(<!DOCTYPE presence [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"><note>&xxe;</note></presence>)");
    QTest::newRow("parameter-entities") << QByteArray(R"(<!DOCTYPE x [<!ENTITY % a "<!ENTITY b 'c'>"> %a;]><x/>)");
    QTest::newRow("doctype-without-subset") << QByteArray(R"(<!DOCTYPE presence SYSTEM "pidf.dtd">
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:a@b"/>)");
}

void TestPresenceRobustness::refusesBillionLaughs()
{
    QFETCH(QByteArray, body);

    QElapsedTimer timer;
    timer.start();
    const auto presence = PidfParser().parse(body);
    QVERIFY(!presence.ok);
    QCOMPARE(presence.presence.status, PresenceStatus::Unknown);
    QCOMPARE(presence.error, QStringLiteral("document type declarations are not accepted"));
    const auto dialogs = DialogInfoParser().parse(body);
    QCOMPARE(dialogs.error, QStringLiteral("document type declarations are not accepted"));
    QVERIFY(timer.elapsed() < slowMs);
}

void TestPresenceRobustness::oneMegabyteInputs()
{
    const qsizetype megabyte = 1024 * 1024;
    QByteArray note(megabyte, 'a');
    const QByteArray bigNote = pidf(openTuple + "<note>" + note + "</note>");
    QByteArray garbage(megabyte, '\0');
    QRandomGenerator random(20240601);
    for (char &byte : garbage)
        byte = char(random.bounded(256));

    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : {bigNote, garbage, QByteArray(megabyte, '<'), QByteArray(megabyte, ' ')}) {
        const auto presence = PidfParser().parse(body);
        QCOMPARE(presence.error,
                 QStringLiteral("document too large: %1 bytes, at most 65536 accepted").arg(body.size()));
        QCOMPARE(DialogInfoParser().parse(body).ok, false);
    }

    // With the cap lifted a megabyte still parses, and the note is cut, not kept whole.
    PresenceParseLimits roomy;
    roomy.maxBytes = 2 * megabyte;
    const auto result = PidfParser(roomy).parse(bigNote);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.note, QString(roomy.maxTextChars, QLatin1Char('a')));
    QVERIFY(!PidfParser(roomy).parse(garbage).ok);
    QVERIFY(!DialogInfoParser(roomy).parse(garbage).ok);
    QVERIFY(timer.elapsed() < 5 * slowMs);
}

void TestPresenceRobustness::cutsLongText()
{
    const QByteArray spaced = "<note>" + QByteArray(100000, ' ') + "x  y</note>";
    PresenceParseLimits roomy;
    roomy.maxBytes = 1024 * 1024;
    const auto spaces = PidfParser(roomy).parse(pidf(openTuple + spaced));
    QVERIFY2(spaces.ok, qPrintable(spaces.error));
    QCOMPARE(spaces.presence.note, QString()); // beyond the raw budget: only whitespace was kept
    const auto fine = PidfParser().parse(pidf(openTuple + "<note>" + QByteArray(1000, ' ') + "x  y</note>"));
    QCOMPARE(fine.presence.note, QStringLiteral("x y"));

    PresenceParseLimits tight;
    tight.maxTextChars = 8; // the cut falls right after "be"
    const auto cut = PidfParser(tight).parse(pidf(openTuple + "<note>I'll be in Tokyo next week</note>"));
    QCOMPARE(cut.presence.note, QStringLiteral("I'll be"));

    QByteArray identity = "<dialog id=\"" + QByteArray(5000, 'i') + "\"><state>early</state><remote><identity>" +
                          QByteArray(5000, 'r') + "</identity></remote></dialog>";
    const auto dialogs = DialogInfoParser().parse(dialogInfo(identity));
    QVERIFY2(dialogs.ok, qPrintable(dialogs.error));
    QCOMPARE(dialogs.dialogs.constFirst().id.size(), PresenceParseLimits().maxTextChars);
    QCOMPARE(dialogs.dialogs.constFirst().remoteIdentity.size(), PresenceParseLimits().maxTextChars);
}

void TestPresenceRobustness::manyAttributesStayFast_data()
{
    QTest::addColumn<QByteArray>("body");
    const qsizetype room = PresenceParseLimits().maxBytes - 200;
    QByteArray attributes;
    for (int i = 0; attributes.size() < room; ++i)
        attributes += " a" + QByteArray::number(i) + "=\"\"";
    QTest::newRow("attributes") << QByteArray("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"" + attributes + "/>");
    QByteArray namespaces;
    for (int i = 0; namespaces.size() < room; ++i)
        namespaces += " xmlns:n" + QByteArray::number(i) + "=\"u\"";
    QTest::newRow("namespaces") << QByteArray("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"" + namespaces + "/>");
    QByteArray duplicate;
    while (duplicate.size() < room)
        duplicate += " a=\"\"";
    QTest::newRow("duplicate-attributes")
        << QByteArray("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"" + duplicate + "/>");
    QByteArray prefixed;
    for (int i = 0; prefixed.size() < room / 2; ++i)
        prefixed += "<n" + QByteArray::number(i % 50) + ":x xmlns:n" + QByteArray::number(i % 50) + "=\"u\"/>";
    QTest::newRow("prefixed-elements") << pidf(prefixed);
    QByteArray references;
    while (references.size() < room)
        references += "&#x41;&amp;";
    QTest::newRow("character-references") << pidf("<note>" + references + "</note>");
}

void TestPresenceRobustness::manyAttributesStayFast()
{
    QFETCH(QByteArray, body);
    QElapsedTimer timer;
    timer.start();
    const auto presence = PidfParser().parse(body);
    QVERIFY2(PresenceChecks::checkPidf(presence).isEmpty(), qPrintable(presence.error));
    const auto dialogs = DialogInfoParser().parse(body);
    QVERIFY(PresenceChecks::checkDialogInfo(dialogs).isEmpty());
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY2(elapsedMs < slowMs, qPrintable(QStringLiteral("%1 ms").arg(elapsedMs)));
}

void TestPresenceRobustness::randomBytes()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    static const QByteArray alphabet = "<>/=\"' \n&;#x:!?-[]abcdeilnoprstuy0123456789";
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 3000; ++round) {
        QByteArray body(random.bounded(2048), '\0');
        const bool markup = round % 2 == 0; // half raw bytes, half XML-ish bytes that get further
        for (char &byte : body)
            byte = markup ? alphabet.at(random.bounded(alphabet.size())) : char(random.bounded(256));
        const auto presence = PidfParser().parse(body);
        const QString problem = PresenceChecks::checkPidf(presence);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 round %2: %3").arg(seed).arg(round).arg(problem)));
        const auto dialogs = DialogInfoParser().parse(body);
        const QString dialogProblem = PresenceChecks::checkDialogInfo(dialogs);
        QVERIFY2(dialogProblem.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 round %2: %3").arg(seed).arg(round).arg(dialogProblem)));
    }
    QVERIFY(timer.elapsed() < 10 * slowMs);
}

void TestPresenceRobustness::mutatedDocuments()
{
    const QList<QByteArray> seeds = {
        pidf(openTuple + R"(<dm:person xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" )"
                         R"(xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" id="p"><rpid:activities>)"
                         R"(<rpid:on-the-phone/></rpid:activities><dm:note>Ringing</dm:note></dm:person>)"),
        dialogInfo(R"(<dialog id="a" direction="recipient"><state event="x" code="486">early</state>)"
                   R"(<remote><identity display="B">sip:b@c</identity></remote></dialog>)"),
    };
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    for (int round = 0; round < 4000; ++round) {
        QByteArray body = seeds.at(round % seeds.size());
        const int edits = 1 + random.bounded(8);
        for (int i = 0; i < edits && !body.isEmpty(); ++i) {
            const qsizetype at = random.bounded(body.size());
            switch (random.bounded(4)) {
            case 0:
                body[at] = char(random.bounded(256));
                break;
            case 1:
                body.remove(at, 1 + random.bounded(16));
                break;
            case 2:
                body.insert(at, body.mid(random.bounded(body.size()), random.bounded(64)));
                break;
            default:
                body.insert(at, "<!--&<>");
                break;
            }
        }
        const QString problem = PresenceChecks::checkPidf(PidfParser().parse(body));
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 round %2: %3").arg(seed).arg(round).arg(problem)));
        const QString dialogProblem = PresenceChecks::checkDialogInfo(DialogInfoParser().parse(body));
        QVERIFY2(dialogProblem.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 round %2: %3").arg(seed).arg(round).arg(dialogProblem)));
    }
}

QTEST_GUILESS_MAIN(TestPresenceRobustness)
#include "TestPresenceRobustness.moc"
