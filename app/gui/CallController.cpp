// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallController.h"

#include "app/calls/CallMedia.h"
#include "audio/PortAudioBackend.h"
#include "sipcore/CallService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/CallPanel.h"
#include "ui/DialPad.h"
#include "ui/LineListModel.h"
#include "ui/MainWindow.h"

#include <QStatusBar>

namespace App {

CallController::CallController(Sip::SipEngine &engine, Gui::MainWindow &window, QObject *parent)
    : QObject(parent), m_window(window), m_calls(new Sip::CallService(engine, this)),
      m_media(new CallMedia(
          *m_calls, [] { return std::make_unique<Audio::PortAudioBackend>(); }, CallMediaOptions{}, this))
{
    Gui::CallPanel *panel = window.callPanel();
    Gui::DialPad *pad = window.dialPad();
    pad->setCallsEnabled(true);
    connect(pad, &Gui::DialPad::callRequested, this, &CallController::dial);
    connect(pad, &Gui::DialPad::hangUpRequested, this, [this, panel] {
        if (const QString id = panel->currentCallId(); !id.isEmpty())
            m_calls->hangUp(id);
    });
    connect(m_calls, &Sip::CallService::callChanged, panel, &Gui::CallPanel::showCall);
    connect(panel, &Gui::CallPanel::answerRequested, this, [this](const QString &callId) {
        QString error;
        if (!m_media->answer(callId, &error))
            m_window.statusBar()->showMessage(tr("Cannot answer: %1").arg(error), 10000);
    });
    connect(panel, &Gui::CallPanel::rejectRequested, this,
            [this](const QString &callId) { m_calls->reject(callId, Sip::RejectReason::Decline); });
    connect(panel, &Gui::CallPanel::hangUpRequested, this, [this](const QString &callId) { m_calls->hangUp(callId); });
    connect(panel, &Gui::CallPanel::holdRequested, this, [this](const QString &callId, bool hold) {
        if (hold)
            m_calls->hold(callId);
        else
            m_calls->resume(callId);
    });
    connect(panel, &Gui::CallPanel::muteRequested, m_media, &CallMedia::setMuted);
    connect(panel, &Gui::CallPanel::digitsRequested, m_media, &CallMedia::sendDigits);
    connect(m_media, &CallMedia::mediaFailed, this, [this](const QString &, const QString &message) {
        m_window.statusBar()->showMessage(tr("Call audio failed: %1").arg(message), 20000);
    });
    // Calls on a line with an output device of its own play there.
    m_media->setLineOutputLookup(
        [this](const QString &lineId) { return m_window.lineModel()->line(lineId).audioOutputDevice; });
    // Device trouble never ends a call; the user reads what happened in the panel, the status bar and the log.
    connect(m_media, &CallMedia::deviceNotice, this,
            [this, panel, sipLog = engine.log()](const QString &callId, const QString &message) {
                panel->showDeviceNotice(callId, message);
                m_window.statusBar()->showMessage(message, 20000);
                if (sipLog)
                    sipLog->appendStep(m_media->lineOf(callId), message, Sip::LogEntry::Kind::Error);
            });
    connect(&m_statisticsTimer, &QTimer::timeout, this, &CallController::publishStatistics);
    m_statisticsTimer.start(1000);
}

CallController::~CallController() = default;

void CallController::setAudioDevices(const QString &inputDeviceName, const QString &outputDeviceName)
{
    m_media->setDevices(inputDeviceName, outputDeviceName);
}

void CallController::publishStatistics()
{
    for (const Sip::CallEvent &call : m_calls->activeCalls()) {
        if (!Sip::isActive(call.state))
            continue;
        const Audio::CallStatistics s = m_media->statistics(call.callId);
        QString text = tr("%1 · sent %2 · received %3 · loss %4 % · jitter %5 ms")
                           .arg(m_media->media(call.callId).codec)
                           .arg(s.packetsSent)
                           .arg(s.packetsReceived)
                           .arg(s.fractionLostPercent, 0, 'f', 1)
                           .arg(s.jitterMs, 0, 'f', 1);
        if (s.roundTripTimeMs >= 0)
            text += tr(" · RTT %1 ms").arg(s.roundTripTimeMs, 0, 'f', 1);
        m_window.callPanel()->showStatistics(call.callId, text);
    }
}

void CallController::dial(const QString &number)
{
    const QString lineId = m_window.currentLineId();
    if (lineId.isEmpty() || number.trimmed().isEmpty()) {
        m_window.statusBar()->showMessage(tr("Choose a line and enter a number to call."), 10000);
        return;
    }
    QString error;
    if (m_media->call(lineId, number.trimmed(), &error).isEmpty())
        m_window.statusBar()->showMessage(tr("Cannot call: %1").arg(error), 10000);
}

} // namespace App
