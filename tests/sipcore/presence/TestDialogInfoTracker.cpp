// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoTracker.h"

#include <QTest>

using Sip::DialogInfoParser;
using Sip::DialogInfoTracker;
using Outcome = Sip::DialogInfoTracker::Outcome;
using Sip::PresenceStatus;

class TestDialogInfoTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsUnknown();
    void fullStateReplaces();
    void partialStateMerges();
    void staleVersionsAreIgnored();
    void gapsAskForFullState();
    void refusedDocumentsChangeNothing();
    void documentsWithoutVersion();
    void boundsLiveDialogs();
    void resetForgetsEverything();
};

namespace {

Sip::DialogInfoResult parse(const QByteArray &dialogs, const char *state, int version)
{
    const QByteArray body = QByteArray(R"(<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version=")") +
                            QByteArray::number(version) + R"(" state=")" + state + R"(" entity="sip:1000@pbx">)" +
                            dialogs + "</dialog-info>";
    const auto result = DialogInfoParser().parse(body);
    if (!result.ok)
        qWarning("unexpected parse failure: %s", qPrintable(result.error));
    return result;
}

QByteArray dialog(const char *id, const char *state, const char *direction = "recipient")
{
    return QByteArray("<dialog id=\"") + id + "\" direction=\"" + direction + "\"><state>" + state +
           "</state></dialog>";
}

} // namespace

void TestDialogInfoTracker::startsUnknown()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.presence().status, PresenceStatus::Unknown);
    QCOMPARE(tracker.version(), qint64(-1));
    QVERIFY(tracker.dialogs().isEmpty());
}

void TestDialogInfoTracker::fullStateReplaces()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "confirmed") + dialog("b", "early"), "full", 0)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Ringing);
    QCOMPARE(tracker.dialogs().size(), 2);
    QCOMPARE(tracker.presence().entity, QStringLiteral("sip:1000@pbx"));

    QCOMPARE(tracker.apply(parse(dialog("c", "confirmed"), "full", 1)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::OnThePhone);
    QCOMPARE(tracker.dialogs().size(), 1);
    QCOMPARE(tracker.version(), qint64(1));

    QCOMPARE(tracker.apply(parse({}, "full", 2)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Online);
    QVERIFY(tracker.presence().dialogState.isEmpty());
}

void TestDialogInfoTracker::partialStateMerges()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "confirmed"), "full", 4)), Outcome::Applied);
    QCOMPARE(tracker.apply(parse(dialog("b", "early"), "partial", 5)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Ringing);
    QCOMPARE(tracker.dialogs().size(), 2);

    // The ringing call is answered elsewhere, then the first call ends.
    QCOMPARE(tracker.apply(parse(dialog("b", "terminated"), "partial", 6)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::OnThePhone);
    QCOMPARE(tracker.presence().dialogState, QStringLiteral("confirmed"));
    QCOMPARE(tracker.apply(parse(dialog("a", "terminated"), "partial", 7)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Online);
    QCOMPARE(tracker.presence().dialogState, QStringLiteral("terminated"));
    QVERIFY(tracker.dialogs().isEmpty());
}

void TestDialogInfoTracker::staleVersionsAreIgnored()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "early"), "full", 10)), Outcome::Applied);
    QCOMPARE(tracker.apply(parse(dialog("a", "terminated"), "partial", 10)), Outcome::Stale);
    QCOMPARE(tracker.apply(parse(dialog("a", "terminated"), "full", 3)), Outcome::Stale);
    QCOMPARE(tracker.presence().status, PresenceStatus::Ringing);
    QCOMPARE(tracker.version(), qint64(10));
}

void TestDialogInfoTracker::gapsAskForFullState()
{
    DialogInfoTracker first;
    QCOMPARE(first.apply(parse(dialog("a", "early"), "partial", 1)), Outcome::NeedsFullState);
    QCOMPARE(first.presence().status, PresenceStatus::Ringing);

    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "early"), "full", 1)), Outcome::Applied);
    QCOMPARE(tracker.apply(parse(dialog("a", "confirmed"), "partial", 3)), Outcome::NeedsFullState);
    QCOMPARE(tracker.presence().status, PresenceStatus::OnThePhone);
    QCOMPARE(tracker.apply(parse(dialog("a", "terminated"), "full", 4)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Online);
}

void TestDialogInfoTracker::refusedDocumentsChangeNothing()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "confirmed"), "full", 1)), Outcome::Applied);
    QCOMPARE(tracker.apply(DialogInfoParser().parse("<garbage")), Outcome::Refused);
    QCOMPARE(tracker.presence().status, PresenceStatus::OnThePhone);
    QCOMPARE(tracker.version(), qint64(1));
}

void TestDialogInfoTracker::documentsWithoutVersion()
{
    DialogInfoTracker tracker;
    const QByteArray body(R"(<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" state="full">
<dialog id="a"><state>confirmed</state></dialog></dialog-info>)");
    QCOMPARE(tracker.apply(DialogInfoParser().parse(body)), Outcome::Applied);
    QCOMPARE(tracker.apply(DialogInfoParser().parse(body)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::OnThePhone);
    QCOMPARE(tracker.version(), qint64(-1));
}

void TestDialogInfoTracker::boundsLiveDialogs()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse({}, "full", 0)), Outcome::Applied);
    for (int i = 1; i <= 3 * DialogInfoTracker::maxDialogs; ++i) {
        const QByteArray id = "d" + QByteArray::number(i);
        QCOMPARE(tracker.apply(parse(dialog(id.constData(), "confirmed"), "partial", i)), Outcome::Applied);
    }
    QCOMPARE(tracker.dialogs().size(), DialogInfoTracker::maxDialogs);
    QCOMPARE(tracker.dialogs().constLast().id, QStringLiteral("d%1").arg(3 * DialogInfoTracker::maxDialogs));
}

void TestDialogInfoTracker::resetForgetsEverything()
{
    DialogInfoTracker tracker;
    QCOMPARE(tracker.apply(parse(dialog("a", "confirmed"), "full", 50)), Outcome::Applied);
    tracker.reset();
    QCOMPARE(tracker.presence().status, PresenceStatus::Unknown);
    QCOMPARE(tracker.version(), qint64(-1));
    // A new subscription starts counting again.
    QCOMPARE(tracker.apply(parse(dialog("a", "early"), "full", 0)), Outcome::Applied);
    QCOMPARE(tracker.presence().status, PresenceStatus::Ringing);
}

QTEST_GUILESS_MAIN(TestDialogInfoTracker)
#include "TestDialogInfoTracker.moc"
