// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallController.h"

#include "app/calls/CallMedia.h"
#include "audio/PortAudioBackend.h"
#include "sipcore/CallService.h"
#include "ui/CallPanel.h"
#include "ui/DialPad.h"
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
}

CallController::~CallController() = default;

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
