// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/ContactPresence.h"
#include "sipcore/presence/OwnStatus.h"

#include <QTest>

using Sip::OwnStatus;
using Sip::PresenceStatus;

class TestPresenceNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void presenceStatusNames_data();
    void presenceStatusNames();
    void presenceStatusFromUnknownWords();
    void ownStatusNames_data();
    void ownStatusNames();
    void ownStatusFromUnknownWords();
    void defaultsAreInvalid();
    void metaTypes();
};

void TestPresenceNames::presenceStatusNames_data()
{
    QTest::addColumn<PresenceStatus>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("online") << PresenceStatus::Online << QStringLiteral("online");
    QTest::newRow("away") << PresenceStatus::Away << QStringLiteral("away");
    QTest::newRow("busy") << PresenceStatus::Busy << QStringLiteral("busy");
    QTest::newRow("on-the-phone") << PresenceStatus::OnThePhone << QStringLiteral("on-the-phone");
    QTest::newRow("ringing") << PresenceStatus::Ringing << QStringLiteral("ringing");
    QTest::newRow("offline") << PresenceStatus::Offline << QStringLiteral("offline");
    QTest::newRow("unknown") << PresenceStatus::Unknown << QStringLiteral("unknown");
}

void TestPresenceNames::presenceStatusNames()
{
    QFETCH(PresenceStatus, status);
    QFETCH(QString, name);
    QCOMPARE(Sip::presenceStatusName(status), name);
    QCOMPARE(Sip::presenceStatusFromName(name), status);
    QCOMPARE(Sip::presenceStatusFromName(QStringLiteral(" ") + name.toUpper() + QStringLiteral("\n")), status);
}

void TestPresenceNames::presenceStatusFromUnknownWords()
{
    QCOMPARE(Sip::presenceStatusName(PresenceStatus::Invalid), QStringLiteral("invalid"));
    QCOMPARE(Sip::presenceStatusFromName(QStringLiteral("invalid")), PresenceStatus::Invalid);
    QCOMPARE(Sip::presenceStatusFromName(QString()), PresenceStatus::Invalid);
    QCOMPARE(Sip::presenceStatusFromName(QStringLiteral("on the phone")), PresenceStatus::Invalid);
    QCOMPARE(Sip::presenceStatusName(static_cast<PresenceStatus>(99)), QStringLiteral("invalid"));
}

void TestPresenceNames::ownStatusNames_data()
{
    QTest::addColumn<OwnStatus>("status");
    QTest::addColumn<QString>("name");
    QTest::addColumn<PresenceStatus>("seenAs");
    QTest::newRow("available") << OwnStatus::Available << QStringLiteral("available") << PresenceStatus::Online;
    QTest::newRow("away") << OwnStatus::Away << QStringLiteral("away") << PresenceStatus::Away;
    QTest::newRow("busy") << OwnStatus::Busy << QStringLiteral("busy") << PresenceStatus::Busy;
    QTest::newRow("dnd") << OwnStatus::DoNotDisturb << QStringLiteral("dnd") << PresenceStatus::Busy;
    QTest::newRow("offline") << OwnStatus::Offline << QStringLiteral("offline") << PresenceStatus::Offline;
}

void TestPresenceNames::ownStatusNames()
{
    QFETCH(OwnStatus, status);
    QFETCH(QString, name);
    QFETCH(PresenceStatus, seenAs);
    QCOMPARE(Sip::ownStatusName(status), name);
    QCOMPARE(Sip::ownStatusFromName(name), status);
    QCOMPARE(Sip::ownStatusFromName(QStringLiteral("  ") + name.toUpper()), status);
    QCOMPARE(Sip::presenceStatusFor(status), seenAs);
}

void TestPresenceNames::ownStatusFromUnknownWords()
{
    QCOMPARE(Sip::ownStatusName(OwnStatus::Invalid), QStringLiteral("invalid"));
    QCOMPARE(Sip::ownStatusFromName(QStringLiteral("invalid")), OwnStatus::Invalid);
    QCOMPARE(Sip::ownStatusFromName(QStringLiteral("online")), OwnStatus::Invalid);
    QCOMPARE(Sip::ownStatusFromName(QStringLiteral("do-not-disturb")), OwnStatus::Invalid);
    QCOMPARE(Sip::ownStatusFromName(QString()), OwnStatus::Invalid);
    QCOMPARE(Sip::presenceStatusFor(OwnStatus::Invalid), PresenceStatus::Invalid);
}

void TestPresenceNames::defaultsAreInvalid()
{
    QCOMPARE(Sip::ContactPresence().status, PresenceStatus::Invalid);
    QCOMPARE(static_cast<int>(PresenceStatus::Invalid), 0);
    QCOMPARE(static_cast<int>(OwnStatus::Invalid), 0);
}

void TestPresenceNames::metaTypes()
{
    Sip::ContactPresence presence;
    presence.status = PresenceStatus::Ringing;
    presence.note = QStringLiteral("Ringing");
    const QVariant variant = QVariant::fromValue(presence);
    QCOMPARE(variant.value<Sip::ContactPresence>(), presence);
    QVERIFY(QMetaType::fromType<Sip::PresenceStatus>().isValid());
    QVERIFY(QMetaType::fromType<Sip::OwnStatus>().isValid());
}

QTEST_GUILESS_MAIN(TestPresenceNames)
#include "TestPresenceNames.moc"
