// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

namespace Audio {
class AudioDevice;
class Ringer;
} // namespace Audio

namespace Sip {
class CallService;
}

namespace Gui {
class MainWindow;
}

namespace App {

/// What a user hears and sees of call progress outside the call itself:
///  - an incoming call rings on the ringing device from the preferences, shows a desktop notification
///    (tray balloon) and asks the window manager to flag the window. While another call is in progress
///    the new one does not ring into it: the notification and the call panel announce it. Ringing stops as
///    soon as no call is left ringing (answered, rejected, cancelled by the caller);
///  - an outgoing call whose other side rings without early media plays a ringback tone on the call's
///    output device, until the call is answered or ends (with early media, the far end's own ringback or
///    announcement plays through the call instead).
/// GUI thread.
class CallAlerts : public QObject
{
    Q_OBJECT
public:
    using DeviceFactory = std::function<std::unique_ptr<Audio::AudioDevice>()>;
    using DeviceName = std::function<QString()>;
    using LineDeviceName = std::function<QString(const QString &lineId)>;

    /// devices opens the sound system when a tone is due (PortAudio in the app, a file in tests);
    /// ringingDevice names the device to ring on at that moment (empty: the default output).
    CallAlerts(Sip::CallService &calls, Gui::MainWindow &window, DeviceFactory devices, DeviceName ringingDevice,
               QObject *parent = nullptr);
    ~CallAlerts() override;

    /// Names the output device of a line's calls, where its ringback plays (empty: the default output).
    void setCallOutputLookup(LineDeviceName lookup) { m_callOutput = std::move(lookup); }

    bool isRinging() const;
    /// An outgoing call's ringback tone is playing.
    bool isPlayingRingback() const;
    /// Calls currently ringing here.
    QSet<QString> ringingCalls() const { return m_incoming; }

Q_SIGNALS:
    /// Plain words for the status bar: a ring that could not play, or played elsewhere than asked.
    void notice(const QString &message);

private:
    void onCallChanged(const Sip::CallEvent &event);
    void startRinging();
    void stopRinging();
    void updateRingback(const Sip::CallEvent &event);

    Gui::MainWindow &m_window;
    DeviceFactory m_devices;
    DeviceName m_ringingDevice;
    QSet<QString> m_incoming; ///< ringing here
    QSet<QString> m_busy;     ///< other calls not ended (dialling, talking, on hold)
    std::unique_ptr<Audio::Ringer> m_ringer;
    LineDeviceName m_callOutput;
    QString m_ringbackCallId;
    std::unique_ptr<Audio::Ringer> m_ringback;
};

} // namespace App
