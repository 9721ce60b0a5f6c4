// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The thread rules are checked in every build: a call on the wrong thread is counted and logged.
#include "sipcore/internal/ThreadCheck.h"

#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

#include <QTest>
#include <thread>

using Sip::Internal::ThreadCheck;

class TestThreadCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unboundCheckPassesAnywhere();
    void boundCheckPassesOnItsThread();
    void boundCheckCountsOtherThreads();
    void facadeCallFromAnotherThreadIsCounted();
    void facadeCallOnItsThreadIsNot();
};

void TestThreadCheck::initTestCase()
{
    // This test makes violations on purpose: count them instead of aborting as the rest of the suite does.
    qputenv("OFFHOOK_THREAD_CHECK", "log");
}

void TestThreadCheck::unboundCheckPassesAnywhere()
{
    ThreadCheck check;
    const int before = ThreadCheck::violationCount();
    check.check("here");
    std::thread([&check] { check.check("there"); }).join();
    QCOMPARE(ThreadCheck::violationCount(), before);
}

void TestThreadCheck::boundCheckPassesOnItsThread()
{
    ThreadCheck check;
    const int before = ThreadCheck::violationCount();
    std::thread([&check] {
        check.bindToCurrentThread();
        check.check("engine entry point");
    }).join();
    QCOMPARE(ThreadCheck::violationCount(), before);
}

void TestThreadCheck::boundCheckCountsOtherThreads()
{
    ThreadCheck check;
    std::thread([&check] { check.bindToCurrentThread(); }).join();
    const int before = ThreadCheck::violationCount();
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("THREAD VIOLATION: entry point ran on")));
    check.check("entry point");
    QCOMPARE(ThreadCheck::violationCount(), before + 1);
    QVERIFY(!check.isCurrent());
    check.unbind();
    QVERIFY(check.isCurrent());
}

void TestThreadCheck::facadeCallFromAnotherThreadIsCounted()
{
    Sip::SipLog log;
    Sip::SipEngine engine(&log); // lives on this thread; not started
    const int before = ThreadCheck::violationCount();
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("THREAD VIOLATION: .*registerLine")));
    std::thread([&engine] { engine.registerLine(QStringLiteral("no-such-line")); }).join();
    QCOMPARE(ThreadCheck::violationCount(), before + 1);
}

void TestThreadCheck::facadeCallOnItsThreadIsNot()
{
    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    const int before = ThreadCheck::violationCount();
    engine.registerLine(QStringLiteral("no-such-line"));
    engine.unregisterLine(QStringLiteral("no-such-line"));
    QCOMPARE(ThreadCheck::violationCount(), before);
}

QTEST_GUILESS_MAIN(TestThreadCheck)
#include "TestThreadCheck.moc"
