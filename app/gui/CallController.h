// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/calls/CallMedia.h"
#include "sipcore/CallTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Sip {
class CallService;
class SipEngine;
} // namespace Sip

namespace Gui {
class MainWindow;
struct CallHistoryEntry;
} // namespace Gui

namespace App {

class CallHistoryStore;

/// Calls in the desktop app: owns the engine's CallService and the media of its calls, places calls
/// from the dial pad on the selected line, carries out what the window's call panel asks for (answer,
/// reject, hang up, hold, mute, DTMF, transfer), records every finished call in the window's history
/// (and its file) and redials from it. GUI thread.
class CallController : public QObject
{
    Q_OBJECT
public:
    /// Calls with PortAudio's devices.
    CallController(Sip::SipEngine &engine, Gui::MainWindow &window, QObject *parent = nullptr);
    /// Calls with the devices made by `devices` (a file or null backend for tests and headless runs).
    CallController(Sip::SipEngine &engine, Gui::MainWindow &window, CallMedia::DeviceFactory devices,
                   const CallMediaOptions &options, QObject *parent = nullptr);
    ~CallController() override;

    Sip::CallService *calls() const { return m_calls; }
    CallMedia *media() const { return m_media; }
    /// The preferences' microphone and speaker: used by the next calls and switched to in running ones.
    void setAudioDevices(const QString &inputDeviceName, const QString &outputDeviceName);
    /// STUN server for the next calls' public RTP address (host[:port]); empty = none.
    void setStunServer(const QString &server);

    /// Loads the call history from path into the window and saves it there after every change.
    /// Returns what was wrong with the file (for a message), empty when all is well.
    QString useHistoryFile(const QString &path);

private:
    struct PendingCall
    {
        Sip::CallEvent first;
        QString peerDisplayName;
        QDateTime connectedUtc;
        QString transferredTo;
    };

    void dial(const QString &number);
    void placeCall(const QString &lineId, const QString &target);
    void redial(const Gui::CallHistoryEntry &entry);
    void record(const Sip::CallEvent &event);
    void publishStatistics();
    void saveHistory();

    Gui::MainWindow &m_window;
    Sip::CallService *m_calls;
    CallMedia *m_media;
    QHash<QString, PendingCall> m_pending; ///< Calls not ended yet, by call id
    std::unique_ptr<CallHistoryStore> m_historyStore;
    QTimer m_statisticsTimer; ///< Reads the media's latest-value mailbox; no signal per packet
};

} // namespace App
