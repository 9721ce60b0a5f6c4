// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The call panel's message about a call's sound devices (offscreen, by objectName): shown in plain words,
// replaced by the next one, gone when that call ends, never ending the call itself.

#include "ui/calls/CallPanel.h"

#include <QLabel>
#include <QTest>

using Sip::CallEvent;
using Sip::CallState;

class TestCallDeviceNotice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noticeShowsUntilItsCallEnds();
};

namespace {
CallEvent callEvent(const QString &callId, CallState state)
{
    CallEvent result;
    result.callId = callId;
    result.state = state;
    result.peer = QStringLiteral("sip:1002@pbx");
    result.direction = Sip::CallDirection::Outgoing;
    return result;
}
} // namespace

void TestCallDeviceNotice::noticeShowsUntilItsCallEnds()
{
    Gui::CallPanel panel;
    panel.show();
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("deviceNoticeLabel")));
    panel.showCall(callEvent(QStringLiteral("call-1"), CallState::Connected));
    panel.showCall(callEvent(QStringLiteral("call-2"), CallState::Held));

    const QString unplugged = QStringLiteral("Audio device 'USB Headset' was unplugged — now using 'Default'");
    panel.showDeviceNotice(QStringLiteral("call-1"), unplugged);
    auto *notice = panel.findChild<QLabel *>(QStringLiteral("deviceNoticeLabel"));
    QVERIFY(notice);
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), unplugged);
    QCOMPARE(panel.callCount(), 2); // a device message never ends a call

    // A call state change does not wipe it.
    panel.showCall(callEvent(QStringLiteral("call-1"), CallState::Held));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), unplugged);

    // Another call ending leaves it; its own call ending removes it.
    panel.showCall(callEvent(QStringLiteral("call-2"), CallState::Ended));
    QVERIFY(notice->isVisible());
    panel.showCall(callEvent(QStringLiteral("call-1"), CallState::Ended));
    QVERIFY(!notice->isVisible());

    // The next notice shows again, in the same place.
    panel.showCall(callEvent(QStringLiteral("call-3"), CallState::Connected));
    panel.showDeviceNotice(QStringLiteral("call-3"), QStringLiteral("second"));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), QStringLiteral("second"));
    QCOMPARE(panel.findChildren<QLabel *>(QStringLiteral("deviceNoticeLabel")).size(), 1);
}

QTEST_MAIN(TestCallDeviceNotice)
#include "TestCallDeviceNotice.moc"
