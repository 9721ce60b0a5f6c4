// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/cli/LineCommand.h"
#include "sipcore/CallTypes.h"
#include "sipcore/RegistrationState.h"

#include <QTimer>

namespace Sip {
class CallService;
}

namespace App {
class CallMedia;
}

namespace Cli {

/// `offhook-cli call` (Mode::Dial) and `offhook-cli answer` (Mode::Answer): register the line, place one
/// call or wait for one and answer it, stream --play (or silence) and record what arrives to --record
/// through the file audio backend, send --dtmf digits, hang up after --duration, then print
/// `CALL ENDED <reason> codec=<name> sent=<n> received=<n> lost=<n>` and exit 0 only when media flowed
/// both ways. Main thread.
class CallCommand : public LineCommand
{
    Q_OBJECT
public:
    enum class Mode
    {
        Dial,
        Answer
    };

    explicit CallCommand(Mode mode, QObject *parent = nullptr);
    ~CallCommand() override;

    static void addOptions(QCommandLineParser &parser, Mode mode);
    bool start(const QCommandLineParser &parser, QString *error, bool *usageError) override;

private:
    bool readOptions(const QCommandLineParser &parser, QString *error);
    void onRegistration(const Sip::RegistrationEvent &event);
    void onCall(const Sip::CallEvent &event);
    bool followTransfer(const Sip::CallEvent &event); ///< True when the event is fully handled
    void onConnected();
    void sendDigits();
    void finishCall(const Sip::CallEvent &event);
    void stopTimers() override;
    void onExitSignal(int signalNumber) override;

    Mode m_mode;
    QString m_target;
    QString m_playFile;
    QString m_recordFile;
    int m_durationSeconds = 0;
    int m_waitSeconds = 60;
    QString m_codec;
    QString m_digits;
    int m_sampleRateHz = 48000;
    bool m_echoControl = true;
    QString m_stunServer;
    bool m_echo = false;

    Sip::CallService *m_calls = nullptr;
    App::CallMedia *m_media = nullptr;
    QTimer m_duration;
    QTimer m_dtmf;
    QTimer m_hangUpWait; ///< After an exit signal: how long the hang-up may take before the command ends anyway
    QString m_callId;
    QString m_transferredCallId; ///< The call we were transferred away from (REFER), while it may still run
    bool m_transferConnected = false;
    bool m_registered = false;
    bool m_connected = false;
};

} // namespace Cli
