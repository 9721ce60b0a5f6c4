// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The call panel, driven by objectName offscreen: what it shows for each call state and what it asks for.

#include "ui/calls/CallPanel.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include "tests/ui/UiTestSupport.h"

using Sip::CallEvent;
using Sip::CallState;

namespace {

CallEvent callEvent(const QString &callId, CallState state, const QString &peer = QStringLiteral("sip:1002@pbx"))
{
    CallEvent result;
    result.callId = callId;
    result.state = state;
    result.peer = peer;
    result.direction = state == CallState::Incoming ? Sip::CallDirection::Incoming : Sip::CallDirection::Outgoing;
    return result;
}

} // namespace

class TestCallPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void idleHasNothingToPress();
    void incomingCallCanBeAnsweredOrRejected();
    void connectedCallControls();
    void endedCallLeavesItsReason();
    void selectedCallOfSeveral();
    void transferAsksForTargetAndShowsProgress();
    void failedTransferCanBeRetried();
    void ringingWithEarlyMediaSaysSo();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_panel->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    std::unique_ptr<Gui::CallPanel> m_panel;
};

void TestCallPanel::init()
{
    m_panel = std::make_unique<Gui::CallPanel>();
    m_panel->show();
}

void TestCallPanel::cleanup()
{
    m_panel.reset();
}

void TestCallPanel::idleHasNothingToPress()
{
    QVERIFY(!child<QPushButton>(QStringLiteral("answerButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("rejectButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("callHangUpButton"))->isEnabled());
    QVERIFY(!child<QToolButton>(QStringLiteral("holdButton"))->isEnabled());
    QVERIFY(!child<QLineEdit>(QStringLiteral("dtmfEdit"))->isEnabled());
    QCOMPARE(m_panel->currentCallId(), QString());
}

void TestCallPanel::incomingCallCanBeAnsweredOrRejected()
{
    QSignalSpy answer(m_panel.get(), &Gui::CallPanel::answerRequested);
    QSignalSpy reject(m_panel.get(), &Gui::CallPanel::rejectRequested);
    CallEvent ringing = callEvent(QStringLiteral("call-7"), CallState::Incoming, QStringLiteral("sip:1005@pbx"));
    ringing.peerDisplayName = QStringLiteral("Front desk");
    m_panel->showCall(ringing);
    QVERIFY(child<QLabel>(QStringLiteral("incomingLabel"))->text().contains(QLatin1String("Front desk")));
    QVERIFY(child<QPushButton>(QStringLiteral("answerButton"))->isEnabled());
    QVERIFY(!child<QToolButton>(QStringLiteral("holdButton"))->isEnabled()); // nothing to hold yet
    QTest::mouseClick(child<QPushButton>(QStringLiteral("answerButton")), Qt::LeftButton);
    QCOMPARE(answer.count(), 1);
    QCOMPARE(answer.constFirst().constFirst().toString(), QStringLiteral("call-7"));
    QTest::mouseClick(child<QPushButton>(QStringLiteral("rejectButton")), Qt::LeftButton);
    QCOMPARE(reject.count(), 1);

    m_panel->showCall(callEvent(QStringLiteral("call-7"), CallState::Connected, QStringLiteral("sip:1005@pbx")));
    QVERIFY(!child<QPushButton>(QStringLiteral("answerButton"))->isEnabled());
    QCOMPARE(child<QLabel>(QStringLiteral("incomingLabel"))->text(), QStringLiteral("No incoming call"));
}

void TestCallPanel::connectedCallControls()
{
    QSignalSpy hold(m_panel.get(), &Gui::CallPanel::holdRequested);
    QSignalSpy mute(m_panel.get(), &Gui::CallPanel::muteRequested);
    QSignalSpy digits(m_panel.get(), &Gui::CallPanel::digitsRequested);
    QSignalSpy hangUp(m_panel.get(), &Gui::CallPanel::hangUpRequested);
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Connected));
    auto *holdButton = child<QToolButton>(QStringLiteral("holdButton"));
    QVERIFY(holdButton->isEnabled());
    QTest::mouseClick(holdButton, Qt::LeftButton);
    QCOMPARE(hold.count(), 1);
    QCOMPARE(hold.constFirst().at(1).toBool(), true);
    // The button follows the call's real state, not the click.
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Held));
    QVERIFY(holdButton->isChecked());
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Connected));
    QVERIFY(!holdButton->isChecked());

    QTest::mouseClick(child<QToolButton>(QStringLiteral("muteButton")), Qt::LeftButton);
    QCOMPARE(mute.count(), 1);
    QCOMPARE(mute.constFirst().at(1).toBool(), true);

    auto *dtmf = child<QLineEdit>(QStringLiteral("dtmfEdit"));
    QTest::keyClicks(dtmf, QStringLiteral("5x#"));
    QCOMPARE(digits.count(), 2); // "x" is not a DTMF digit
    QCOMPARE(digits.at(0).at(1).toString(), QStringLiteral("5"));
    QCOMPARE(digits.at(1).at(1).toString(), QStringLiteral("#"));

    m_panel->showStatistics(QStringLiteral("call-1"), QStringLiteral("PCMU · loss 0.0 %"));
    m_panel->showStatistics(QStringLiteral("call-9"), QStringLiteral("not a call here"));
    QCOMPARE(child<QLabel>(QStringLiteral("callStatisticsLabel"))->text(), QStringLiteral("PCMU · loss 0.0 %"));

    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QCOMPARE(hangUp.count(), 1);
    QCOMPARE(hangUp.constFirst().constFirst().toString(), QStringLiteral("call-1"));
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Ended));
    QCOMPARE(child<QLabel>(QStringLiteral("callStatisticsLabel"))->text(), QString());
}

void TestCallPanel::endedCallLeavesItsReason()
{
    m_panel->showCall(callEvent(QStringLiteral("call-2"), CallState::Dialing));
    QCOMPARE(m_panel->callCount(), 1);
    CallEvent ended = callEvent(QStringLiteral("call-2"), CallState::Ended);
    ended.statusCode = 486;
    ended.diagnosis = QStringLiteral("The other side is busy.");
    m_panel->showCall(ended);
    QCOMPARE(m_panel->callCount(), 0);
    QVERIFY(child<QLabel>(QStringLiteral("callStatusLabel"))->text().contains(QLatin1String("busy")));
    QVERIFY(!child<QPushButton>(QStringLiteral("callHangUpButton"))->isEnabled());
}

void TestCallPanel::selectedCallOfSeveral()
{
    QSignalSpy hangUp(m_panel.get(), &Gui::CallPanel::hangUpRequested);
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Held));
    m_panel->showCall(callEvent(QStringLiteral("call-2"), CallState::Incoming, QStringLiteral("sip:1003@pbx")));
    auto *list = child<QListWidget>(QStringLiteral("callList"));
    QCOMPARE(list->count(), 2);
    // The call that was there first stays selected when another one comes in.
    QCOMPARE(m_panel->currentCallId(), QStringLiteral("call-1"));
    QVERIFY(child<QPushButton>(QStringLiteral("answerButton"))->isEnabled()); // the waiting call
    QVERIFY(child<QToolButton>(QStringLiteral("holdButton"))->isChecked());
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == QLatin1String("call-2"))
            list->setCurrentRow(row);
    }
    QCOMPARE(m_panel->currentCallId(), QStringLiteral("call-2"));
    QVERIFY(!child<QToolButton>(QStringLiteral("holdButton"))->isEnabled()); // still ringing
    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QCOMPARE(hangUp.constFirst().constFirst().toString(), QStringLiteral("call-2"));
}

namespace {
Sip::TransferEvent transferEvent(const QString &callId, int status, const QString &reason, bool finished = false)
{
    Sip::TransferEvent event;
    event.callId = callId;
    event.target = QStringLiteral("sip:1003@pbx");
    event.statusCode = status;
    event.reason = reason;
    event.finished = finished;
    event.succeeded = finished && status >= 200 && status < 300;
    return event;
}
} // namespace

void TestCallPanel::transferAsksForTargetAndShowsProgress()
{
    QSignalSpy transfer(m_panel.get(), &Gui::CallPanel::transferRequested);
    m_panel->setTransferTargetSuggestion([] { return QStringLiteral("1003"); });
    auto *button = child<QPushButton>(QStringLiteral("transferButton"));
    auto *label = child<QLabel>(QStringLiteral("transferStatusLabel"));
    QVERIFY(!button->isEnabled()); // no call
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Ringing));
    QVERIFY(!button->isEnabled()); // not connected yet
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Connected));
    QVERIFY(button->isEnabled());

    QString suggested;
    UiTest::whenModal([&suggested](QWidget *modal) {
        auto *dialog = qobject_cast<QInputDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("transferDialog"));
        suggested = dialog->textValue();
        dialog->setTextValue(QStringLiteral(" 1003 "));
        dialog->accept();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(transfer.count(), 1);
    QCOMPARE(suggested, QStringLiteral("1003"));
    QCOMPARE(transfer.constFirst().at(0).toString(), QStringLiteral("call-1"));
    QCOMPARE(transfer.constFirst().at(1).toString(), QStringLiteral("1003"));
    QVERIFY(label->isVisible());
    QVERIFY(!button->isEnabled()); // one transfer at a time

    m_panel->showTransfer(transferEvent(QStringLiteral("call-1"), 202, QStringLiteral("Accepted")));
    QVERIFY2(label->text().contains(QLatin1String("accepted")), qPrintable(label->text()));
    m_panel->showTransfer(transferEvent(QStringLiteral("call-1"), 100, QStringLiteral("Trying")));
    QVERIFY2(label->text().contains(QLatin1String("trying")), qPrintable(label->text()));
    m_panel->showTransfer(transferEvent(QStringLiteral("call-1"), 200, QStringLiteral("OK"), true));
    QCOMPARE(label->text(), QStringLiteral("Transferred to 1003@pbx."));
    // The transferred call ends; the outcome stays readable.
    m_panel->showCall(callEvent(QStringLiteral("call-1"), CallState::Ended));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Transferred to 1003@pbx."));
    // ...until the next call starts.
    m_panel->showCall(callEvent(QStringLiteral("call-2"), CallState::Dialing));
    QVERIFY(!label->isVisible());
}

void TestCallPanel::failedTransferCanBeRetried()
{
    QSignalSpy transfer(m_panel.get(), &Gui::CallPanel::transferRequested);
    auto *button = child<QPushButton>(QStringLiteral("transferButton"));
    auto *label = child<QLabel>(QStringLiteral("transferStatusLabel"));
    m_panel->showCall(callEvent(QStringLiteral("call-4"), CallState::Held));
    UiTest::whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<QInputDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->textValue(), QString()); // no suggestion given
        dialog->reject();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(transfer.count(), 0); // cancelled
    QVERIFY(button->isEnabled());

    m_panel->showTransfer(transferEvent(QStringLiteral("call-4"), 0, QStringLiteral("REFER sent")));
    QVERIFY(!button->isEnabled());
    m_panel->showTransfer(transferEvent(QStringLiteral("call-4"), 486, QStringLiteral("Busy Here"), true));
    QCOMPARE(label->text(), QStringLiteral("Transfer to 1003@pbx failed: 486 Busy Here"));
    QVERIFY(button->isEnabled());
    QCOMPARE(m_panel->callCount(), 1); // the call goes on
}

void TestCallPanel::ringingWithEarlyMediaSaysSo()
{
    auto *list = child<QListWidget>(QStringLiteral("callList"));
    CallEvent ringing = callEvent(QStringLiteral("call-4"), CallState::Ringing);
    m_panel->showCall(ringing);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("sip:1002@pbx — ringing"));
    ringing.earlyMedia = true;
    m_panel->showCall(ringing);
    QCOMPARE(list->item(0)->text(), QStringLiteral("sip:1002@pbx — ringing (early media)"));
}

QTEST_MAIN(TestCallPanel)
#include "TestCallPanel.moc"
