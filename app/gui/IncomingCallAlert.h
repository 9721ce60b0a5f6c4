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

/// Makes an incoming call noticed: rings on the ringing device from the preferences, shows a desktop
/// notification (tray balloon) and asks the window manager to flag the window. While another call is in
/// progress the new one does not ring into it: the notification and the call panel announce it. Ringing
/// stops as soon as no call is left ringing (answered, rejected, cancelled by the caller). GUI thread.
class IncomingCallAlert : public QObject
{
    Q_OBJECT
public:
    using DeviceFactory = std::function<std::unique_ptr<Audio::AudioDevice>()>;
    using DeviceName = std::function<QString()>;

    /// devices opens the sound system when a call comes in (PortAudio in the app, a file in tests);
    /// ringingDevice names the device to ring on at that moment (empty: the default output).
    IncomingCallAlert(Sip::CallService &calls, Gui::MainWindow &window, DeviceFactory devices,
                      DeviceName ringingDevice, QObject *parent = nullptr);
    ~IncomingCallAlert() override;

    bool isRinging() const;
    /// Calls currently ringing here.
    QSet<QString> ringingCalls() const { return m_incoming; }

Q_SIGNALS:
    /// Plain words for the status bar: a ring that could not play, or played elsewhere than asked.
    void notice(const QString &message);

private:
    void onCallChanged(const Sip::CallEvent &event);
    void startRinging();
    void stopRinging();

    Gui::MainWindow &m_window;
    DeviceFactory m_devices;
    DeviceName m_ringingDevice;
    QSet<QString> m_incoming; ///< ringing here
    QSet<QString> m_busy;     ///< other calls not ended (dialling, talking, on hold)
    std::unique_ptr<Audio::Ringer> m_ringer;
};

} // namespace App
