// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QObject>
#include <QTimer>

namespace Sip {
class CallService;
class SipEngine;
} // namespace Sip

namespace Gui {
class MainWindow;
}

namespace App {

class CallMedia;

/// Calls in the desktop app: owns the engine's CallService and the media of its calls (PortAudio
/// devices), places calls from the dial pad on the selected line, and carries out what the window's
/// call panel asks for (answer, reject, hang up, hold, mute, DTMF). GUI thread.
class CallController : public QObject
{
    Q_OBJECT
public:
    CallController(Sip::SipEngine &engine, Gui::MainWindow &window, QObject *parent = nullptr);
    ~CallController() override;

    Sip::CallService *calls() const { return m_calls; }
    CallMedia *media() const { return m_media; }
    /// The preferences' microphone and speaker: used by the next calls and switched to in running ones.
    void setAudioDevices(const QString &inputDeviceName, const QString &outputDeviceName);

private:
    void dial(const QString &number);
    void publishStatistics();

    Gui::MainWindow &m_window;
    Sip::CallService *m_calls;
    CallMedia *m_media;
    QTimer m_statisticsTimer; ///< Reads the media's latest-value mailbox; no signal per packet
};

} // namespace App
