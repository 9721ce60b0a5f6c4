// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/PidfBuilder.h"

#include "sipcore/presence/PidfParser.h"

#include <QTest>

using Sip::OwnStatus;
using Sip::PidfBuilder;
using Sip::PidfParser;
using Sip::PresenceStatus;

class TestPidfBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void writesExpectedDocument();
    void escapesEntityAndNote();
    void sanitizesNotes_data();
    void sanitizesNotes();
    void keepsIdsStable();
    void refusesInvalidInput();
};

void TestPidfBuilder::roundTrips_data()
{
    QTest::addColumn<OwnStatus>("status");
    QTest::addColumn<QString>("note");
    QTest::addColumn<PresenceStatus>("seenAs");
    QTest::addColumn<QString>("basic");

    const QList<QString> notes = {
        QString(),
        QStringLiteral("Back at 3"),
        QStringLiteral("<b>bold</b> & \"quoted\" 'single' ]]> --> <!-- &amp;"),
        QStringLiteral("Grüße aus Köln \U0001F4DE 日本語"),
        QStringLiteral("Ringing"), // Asterisk's special note must not turn Available into Ringing
    };
    for (const QString &note : notes) {
        const QByteArray suffix = note.isEmpty() ? QByteArray("no-note") : note.left(12).toUtf8();
        QTest::addRow("available/%s", suffix.constData())
            << OwnStatus::Available << note << PresenceStatus::Online << QStringLiteral("open");
        QTest::addRow("away/%s", suffix.constData())
            << OwnStatus::Away << note << PresenceStatus::Away << QStringLiteral("open");
        QTest::addRow("busy/%s", suffix.constData())
            << OwnStatus::Busy << note << PresenceStatus::Busy << QStringLiteral("open");
        QTest::addRow("dnd/%s", suffix.constData())
            << OwnStatus::DoNotDisturb << note << PresenceStatus::Busy << QStringLiteral("open");
        QTest::addRow("offline/%s", suffix.constData())
            << OwnStatus::Offline << note << PresenceStatus::Offline << QStringLiteral("closed");
    }
}

void TestPidfBuilder::roundTrips()
{
    QFETCH(OwnStatus, status);
    QFETCH(QString, note);
    QFETCH(PresenceStatus, seenAs);
    QFETCH(QString, basic);

    const PidfBuilder builder(QStringLiteral("sip:1000@pbx.example"));
    const QByteArray body = builder.build(status, note);
    QVERIFY(!body.isEmpty());
    const auto result = PidfParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error + QLatin1Char('\n') + QString::fromUtf8(body)));
    QCOMPARE(result.presence.status, seenAs);
    QCOMPARE(result.presence.note, note);
    QCOMPARE(result.presence.entity, QStringLiteral("sip:1000@pbx.example"));
    QCOMPARE(result.presence.basicStatus, basic);
}

void TestPidfBuilder::writesExpectedDocument()
{
    const PidfBuilder builder(QStringLiteral("sip:1000@pbx.example"));
    const QString id = builder.tupleId().mid(1);
    const QByteArray expected = QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:1000@pbx.example">
 <tuple id="t%1">
  <status>
   <basic>open</basic>
  </status>
  <note>Lunch</note>
 </tuple>
 <dm:person id="p%1">
  <rpid:activities>
   <rpid:away/>
  </rpid:activities>
  <dm:note>Lunch</dm:note>
 </dm:person>
</presence>
)")
                                    .arg(id)
                                    .toUtf8();
    QCOMPARE(builder.build(OwnStatus::Away, QStringLiteral("Lunch")), expected);
    QVERIFY(!builder.build(OwnStatus::Available).contains("activities"));
    QVERIFY(!builder.build(OwnStatus::Available).contains("note"));
    QVERIFY(builder.build(OwnStatus::DoNotDisturb).contains("<rpid:busy/>"));
}

void TestPidfBuilder::escapesEntityAndNote()
{
    const PidfBuilder builder(QStringLiteral("sip:a\"b<c>&d@pbx.example"));
    const QByteArray body = builder.build(OwnStatus::Busy, QStringLiteral("</note><basic>closed</basic>"));
    QVERIFY(!body.contains("</note><basic>"));
    QVERIFY(body.contains("&lt;/note>&lt;basic>closed&lt;/basic>") || body.contains("&lt;/note&gt;"));
    const auto result = PidfParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.entity, QStringLiteral("sip:a\"b<c>&d@pbx.example"));
    QCOMPARE(result.presence.note, QStringLiteral("</note><basic>closed</basic>"));
    QCOMPARE(result.presence.status, PresenceStatus::Busy);
}

void TestPidfBuilder::sanitizesNotes_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("expected");

    QTest::newRow("whitespace") << QStringLiteral("  in a\tmeeting\r\n until 3 ")
                                << QStringLiteral("in a meeting until 3");
    QTest::newRow("control-chars") << QStringLiteral("a\x01"
                                                     "b\x1f"
                                                     "c\x7f"
                                                     "d")
                                   << QStringLiteral("abc\x7f"
                                                     "d");
    QTest::newRow("nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QStringLiteral("ab");
    QTest::newRow("nonchars") << QString(QStringLiteral("a") + QChar(0xFFFE) + QChar(0xFFFF) + QStringLiteral("b"))
                              << QStringLiteral("ab");
    QTest::newRow("lone-surrogates") << QString(QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b") +
                                                QChar(0xDC00))
                                     << QStringLiteral("ab");
    QTest::newRow("emoji-kept") << QStringLiteral("\U0001F600") << QStringLiteral("\U0001F600");
    QTest::newRow("long") << QString(1000, QLatin1Char('x')) << QString(PidfBuilder::maxNoteChars, QLatin1Char('x'));
    QString pairs;
    for (int i = 0; i < PidfBuilder::maxNoteChars; ++i)
        pairs += QStringLiteral("\U0001F600");
    QTest::newRow("long-pairs-not-split") << pairs << pairs.left(PidfBuilder::maxNoteChars);
    QTest::newRow("only-spaces") << QStringLiteral(" \n ") << QString();
}

void TestPidfBuilder::sanitizesNotes()
{
    QFETCH(QString, note);
    QFETCH(QString, expected);

    QCOMPARE(PidfBuilder::sanitizeNote(note), expected);
    const QByteArray body = PidfBuilder(QStringLiteral("sip:1@b")).build(OwnStatus::Available, note);
    const auto result = PidfParser().parse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.presence.note, expected);
}

void TestPidfBuilder::keepsIdsStable()
{
    const PidfBuilder first(QStringLiteral("sip:1000@pbx.example"));
    const PidfBuilder again(QStringLiteral(" sip:1000@pbx.example "));
    const PidfBuilder other(QStringLiteral("sip:1001@pbx.example"));
    QCOMPARE(first.tupleId(), again.tupleId());
    QCOMPARE(first.personId(), again.personId());
    QVERIFY(first.tupleId() != other.tupleId());
    QVERIFY(first.tupleId().startsWith(QLatin1Char('t')));
    QCOMPARE(first.tupleId().size(), 13);
    QCOMPARE(first.build(OwnStatus::Away, QStringLiteral("x")), again.build(OwnStatus::Away, QStringLiteral("x")));
    const QByteArray away = first.build(OwnStatus::Away);
    const QByteArray busy = first.build(OwnStatus::Busy);
    QVERIFY(away.contains(QStringLiteral("id=\"%1\"").arg(first.tupleId()).toUtf8()));
    QVERIFY(busy.contains(QStringLiteral("id=\"%1\"").arg(first.tupleId()).toUtf8()));
}

void TestPidfBuilder::refusesInvalidInput()
{
    QVERIFY(PidfBuilder(QStringLiteral("sip:1@b")).build(OwnStatus::Invalid).isEmpty());
    QVERIFY(PidfBuilder(QString()).build(OwnStatus::Available).isEmpty());
    QVERIFY(PidfBuilder(QStringLiteral("  ")).build(OwnStatus::Available).isEmpty());
}

QTEST_GUILESS_MAIN(TestPidfBuilder)
#include "TestPidfBuilder.moc"
