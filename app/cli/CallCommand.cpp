// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/CallCommand.h"

#include "app/calls/CallMedia.h"
#include "app/cli/LogPrinter.h"
#include "audio/devices/FileBackend.h"
#include "audio/devices/LoopbackBackend.h"
#include "audio/devices/SoundFile.h"
#include "sipcore/CallDiagnosis.h"
#include "sipcore/CallService.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"

namespace Cli {
namespace {

/// Exit status when the call was set up but audio did not flow both ways.
constexpr int kNoMediaExit = 7;

} // namespace

CallCommand::CallCommand(Mode mode, QObject *parent) : LineCommand(parent), m_mode(mode)
{
    m_duration.setSingleShot(true);
    m_dtmf.setSingleShot(true);
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &CallCommand::onRegistration);
    connect(&m_duration, &QTimer::timeout, this, [this] {
        m_log->appendStep(m_options.line.id, QStringLiteral("Call duration reached: hanging up"));
        m_calls->hangUp(m_callId);
    });
    connect(&m_dtmf, &QTimer::timeout, this, &CallCommand::sendDigits);
    m_hangUpWait.setSingleShot(true);
    connect(&m_hangUpWait, &QTimer::timeout, this, [this] {
        finish(m_resultLine.isEmpty() ? QStringLiteral("FAILED 0 Interrupted: the call did not end in time")
                                      : m_resultLine,
               m_resultLine.isEmpty() ? 1 : m_exitCode);
    });
}

CallCommand::~CallCommand()
{
    // The media and the call service refer to the engine, which LineCommand made first: as children they
    // would be deleted after it (QObject deletes children in the order they were made).
    delete m_media;
    delete m_calls;
}

void CallCommand::addOptions(QCommandLineParser &parser, Mode mode)
{
    LineOptions::addTo(parser);
    parser.addOption({QStringLiteral("play"),
                      QStringLiteral("WAV file sent as the microphone (looped; mono or stereo, 8-48 kHz). "
                                     "Silence without it."),
                      QStringLiteral("IN.wav")});
    parser.addOption({QStringLiteral("record"),
                      QStringLiteral("Write what the other side sends to this WAV file (16-bit mono, at the "
                                     "rate of --play, else 48 kHz)."),
                      QStringLiteral("OUT.wav")});
    parser.addOption({QStringLiteral("duration"),
                      mode == Mode::Dial ? QStringLiteral("Hang up this long after the call is answered "
                                                          "(default 10).")
                                         : QStringLiteral("Hang up this long after answering (default: when "
                                                          "the caller hangs up)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("codec"), QStringLiteral("Offer or accept only this codec."),
                      QStringLiteral("opus|pcmu|pcma")});
    parser.addOption({QStringLiteral("wait"),
                      mode == Mode::Dial ? QStringLiteral("Give up when the call is not answered within this "
                                                          "time (default 60).")
                                         : QStringLiteral("Give up when no call comes within this time "
                                                          "(default 60)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("stun"),
                      QStringLiteral("STUN server (port 3478 by default): behind NAT the SDP carries the address "
                                     "it sees the RTP port at."),
                      QStringLiteral("HOST[:PORT]")});
    parser.addOption({QStringLiteral("no-echo-control"),
                      QStringLiteral("Run the call without the echo canceller (it is on by default).")});
    if (mode == Mode::Answer)
        parser.addOption({QStringLiteral("echo"),
                          QStringLiteral("Echo test: send back what the caller sends (a loopback device, echo "
                                         "control off). Not with --play or --record.")});
    if (mode == Mode::Dial)
        parser.addOption({QStringLiteral("dtmf"),
                          QStringLiteral("Send these digits (0-9 * # A-D) one second into the call."),
                          QStringLiteral("DIGITS")});
}

bool CallCommand::readOptions(const QCommandLineParser &parser, QString *error)
{
    const QStringList positional = parser.positionalArguments();
    if (m_mode == Mode::Dial) {
        if (positional.size() != 1) {
            *error = positional.isEmpty() ? QStringLiteral("call needs a target, e.g. sip:1002@pbx or 1002")
                                          : QStringLiteral("unexpected argument '%1'").arg(positional.at(1));
            return false;
        }
        m_target = positional.constFirst();
        m_durationSeconds = 10;
    } else if (!positional.isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(positional.constFirst());
        return false;
    }
    if (!m_options.read(parser, error))
        return false;
    auto readSeconds = [&parser, error](const QString &name, int minimum, int *value) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const int number = parser.value(name).toInt(&ok);
        if (!ok || number < minimum || number > 86400) {
            *error = QStringLiteral("--%1 needs a number of seconds (%2..86400)").arg(name).arg(minimum);
            return false;
        }
        *value = number;
        return true;
    };
    if (!readSeconds(QStringLiteral("duration"), 1, &m_durationSeconds) ||
        !readSeconds(QStringLiteral("wait"), 1, &m_waitSeconds))
        return false;
    if (parser.isSet(QStringLiteral("codec"))) {
        const QString codec = parser.value(QStringLiteral("codec")).toLower();
        if (codec == QLatin1String("opus"))
            m_codec = QStringLiteral("opus");
        else if (codec == QLatin1String("pcmu"))
            m_codec = QStringLiteral("PCMU");
        else if (codec == QLatin1String("pcma"))
            m_codec = QStringLiteral("PCMA");
        else {
            *error = QStringLiteral("--codec must be opus, pcmu or pcma");
            return false;
        }
    }
    if (m_mode == Mode::Dial && parser.isSet(QStringLiteral("dtmf"))) {
        m_digits = parser.value(QStringLiteral("dtmf")).toUpper();
        static const QString valid = QStringLiteral("0123456789*#ABCD");
        for (const QChar digit : std::as_const(m_digits)) {
            if (!valid.contains(digit)) {
                *error = QStringLiteral("--dtmf takes the digits 0-9 * # A-D, not '%1'").arg(digit);
                return false;
            }
        }
    }
    m_playFile = parser.value(QStringLiteral("play"));
    m_recordFile = parser.value(QStringLiteral("record"));
    m_echoControl = !parser.isSet(QStringLiteral("no-echo-control"));
    m_stunServer = parser.value(QStringLiteral("stun"));
    m_echo = m_mode == Mode::Answer && parser.isSet(QStringLiteral("echo"));
    if (m_echo && (!m_playFile.isEmpty() || !m_recordFile.isEmpty())) {
        *error = QStringLiteral("--echo sends back what arrives: it takes no --play or --record");
        return false;
    }
    if (!m_playFile.isEmpty()) {
        const Audio::SoundFile file = Audio::SoundFile::openForReading(m_playFile);
        if (!file.isOpen()) {
            *error = QStringLiteral("cannot read %1: %2").arg(m_playFile, file.errorString());
            return false;
        }
        const int rate = file.sampleRateHz();
        if (rate < 8000 || rate > 48000 || rate % 100 != 0) {
            *error = QStringLiteral("%1 is at %2 Hz; --play takes 8000-48000 Hz").arg(m_playFile).arg(rate);
            return false;
        }
        m_sampleRateHz = rate;
    }
    return true;
}

bool CallCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    if (!readOptions(parser, error))
        return false;
    *usageError = false;
    if (!startEngine(false, error)) // one registration attempt
        return false;
    m_calls = new Sip::CallService(*m_engine, this);
    App::CallMediaOptions mediaOptions;
    if (!m_codec.isEmpty())
        mediaOptions.codecs = {m_codec};
    mediaOptions.inputDeviceName = m_playFile;
    mediaOptions.outputDeviceName = m_recordFile;
    mediaOptions.deviceSampleRateHz = m_sampleRateHz;
    mediaOptions.rtpTimeoutMs = 10000;
    mediaOptions.echoControl = m_echoControl && !m_echo; // a canceller would remove the echo being tested
    mediaOptions.stunServer = m_stunServer;
    App::CallMedia::DeviceFactory devices = [] { return std::make_unique<Audio::FileBackend>(true); };
    if (m_echo)
        devices = [] { return std::make_unique<Audio::LoopbackBackend>(); };
    m_media = new App::CallMedia(*m_calls, std::move(devices), mediaOptions, this);
    connect(m_calls, &Sip::CallService::callChanged, this, &CallCommand::onCall);
    connect(m_media, &App::CallMedia::digitReceived, this, [this](const QString &callId, QChar digit) {
        if (callId == m_callId)
            m_printer->printLine(QStringLiteral("DTMF %1").arg(digit));
    });
    connect(m_media, &App::CallMedia::networkNote, this, [this](const QString &, const QString &message, bool problem) {
        m_log->appendStep(m_options.line.id, message, problem ? Sip::LogEntry::Kind::Error : Sip::LogEntry::Kind::Step);
    });
    connect(m_media, &App::CallMedia::mediaFailed, this, [this](const QString &, const QString &message) {
        m_log->appendStep(m_options.line.id, QStringLiteral("Media failed: %1").arg(message),
                          Sip::LogEntry::Kind::Error);
    });
    connect(m_media, &App::CallMedia::mediaTimedOut, this, [this](const QString &) {
        m_log->appendStep(m_options.line.id, QStringLiteral("No RTP from the other side: ending the call"),
                          Sip::LogEntry::Kind::Error);
    });
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (!m_registered) {
            finish(timeoutLine(m_options.timeoutSeconds), Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
        } else if (m_mode == Mode::Answer && m_callId.isEmpty()) {
            finish(QStringLiteral("NO CALL within %1 s").arg(m_waitSeconds),
                   Sip::Diagnosis::exitCode(Sip::FailureKind::Timeout));
        } else if (!m_connected && !m_callId.isEmpty()) {
            m_log->appendStep(m_options.line.id,
                              QStringLiteral("No answer within %1 s: cancelling").arg(m_waitSeconds));
            m_calls->hangUp(m_callId);
        }
    });
    registerLine(m_options.timeoutSeconds * 1000);
    return true;
}

void CallCommand::onRegistration(const Sip::RegistrationEvent &event)
{
    if (m_finishing)
        return;
    if (event.state == Sip::RegistrationState::Registered && !m_registered) {
        m_registered = true;
        printNat(event);
        m_deadline.start(m_waitSeconds * 1000);
        if (m_mode == Mode::Answer) {
            m_printer->printLine(QStringLiteral("WAITING for a call to %1").arg(event.contact));
            return;
        }
        QString error;
        m_callId = m_media->call(m_options.line.id, m_target, &error);
        if (m_callId.isEmpty())
            finish(QStringLiteral("FAILED 500 Media: %1").arg(error), 1);
        return;
    }
    if (Sip::isFailure(event.state) && !m_registered) {
        finish(failureLine(event.statusCode, event.reasonPhrase, event.diagnosis),
               Sip::Diagnosis::exitCode(event.failure));
    }
}

void CallCommand::onCall(const Sip::CallEvent &event)
{
    if (m_finishing)
        return;
    if (event.state == Sip::CallState::Incoming) {
        if (!m_callId.isEmpty()) {
            m_calls->reject(event.callId, Sip::RejectReason::Busy);
            return;
        }
        m_callId = event.callId;
        m_deadline.stop();
        QString error;
        if (!m_media->answer(m_callId, &error)) {
            m_log->appendStep(m_options.line.id, QStringLiteral("Cannot answer: %1").arg(error),
                              Sip::LogEntry::Kind::Error);
            m_calls->reject(m_callId, Sip::RejectReason::Busy);
        }
        return;
    }
    if (followTransfer(event))
        return;
    if (event.callId != m_callId)
        return;
    if (event.state == Sip::CallState::Connected && !m_transferredCallId.isEmpty())
        m_transferConnected = true;
    if (event.state == Sip::CallState::Connected && !m_connected) {
        onConnected();
        return;
    }
    if (event.state == Sip::CallState::Ended)
        finishCall(event);
}

bool CallCommand::followTransfer(const Sip::CallEvent &event)
{
    // The other side transferred us: CallMedia placed a new call; from now on that one is streamed, and the
    // transferred call ends with BYE on its own.
    if (!event.transferredFrom.isEmpty() && event.transferredFrom == m_callId) {
        m_printer->printLine(QStringLiteral("TRANSFERRED to %1").arg(event.peer));
        m_transferredCallId = m_callId;
        m_callId = event.callId;
        return false;
    }
    if (event.callId != m_callId || m_transferredCallId.isEmpty() || event.state != Sip::CallState::Ended ||
        isActive(m_calls->lastEvent(m_callId).state) || m_transferConnected)
        return false;
    // The new call failed before it connected: back to the transferred call if it still runs.
    if (m_calls->lastEvent(m_transferredCallId).state == Sip::CallState::Ended)
        return false;
    m_printer->printLine(QStringLiteral("TRANSFER FAILED %1 %2").arg(event.statusCode).arg(event.reason));
    m_callId = m_transferredCallId;
    m_transferredCallId.clear();
    return true;
}

void CallCommand::onConnected()
{
    m_connected = true;
    m_deadline.stop();
    if (m_durationSeconds > 0)
        m_duration.start(m_durationSeconds * 1000);
    if (!m_digits.isEmpty())
        m_dtmf.start(1000);
}

void CallCommand::sendDigits()
{
    if (!m_media->sendDigits(m_callId, m_digits))
        m_log->appendStep(m_options.line.id, QStringLiteral("Cannot send DTMF %1").arg(m_digits),
                          Sip::LogEntry::Kind::Error);
}

void CallCommand::finishCall(const Sip::CallEvent &event)
{
    const Audio::CallStatistics statistics = m_media->statistics(event.callId);
    const QString codec = m_media->media(event.callId).codec.toLower();
    QString reason;
    if (event.reason == QLatin1String("RTP timeout"))
        reason = QStringLiteral("rtp-timeout");
    else if (event.reason == QLatin1String("BYE received"))
        reason = QStringLiteral("remote-hangup");
    else if (event.reason == QLatin1String("BYE sent"))
        reason = QStringLiteral("local-hangup");
    else if (event.statusCode == 487)
        reason = event.endedLocally ? (m_connected ? QStringLiteral("cancelled") : QStringLiteral("no-answer"))
                                    : QStringLiteral("caller-cancelled");
    else if (event.endedLocally && (event.statusCode == 486 || event.statusCode == 603))
        reason = QStringLiteral("rejected");
    else if (event.statusCode >= 300)
        reason = QStringLiteral("failed-%1").arg(event.statusCode);
    else
        reason = QStringLiteral("ended");
    m_resultLine = QStringLiteral("CALL ENDED %1 codec=%2 sent=%3 received=%4 lost=%5")
                       .arg(reason, codec.isEmpty() ? QStringLiteral("none") : codec)
                       .arg(statistics.packetsSent)
                       .arg(statistics.packetsReceived)
                       .arg(statistics.packetsLost);
    if (!m_connected) {
        if (!event.diagnosis.isEmpty())
            m_printer->printLine(QStringLiteral("DIAGNOSIS %1").arg(event.diagnosis));
        Sip::CallDiagnosis::Context context;
        context.incoming = event.direction == Sip::CallDirection::Incoming;
        const Sip::FailureKind kind = event.statusCode == 487 && !context.incoming
                                          ? Sip::FailureKind::Timeout
                                          : Sip::CallDiagnosis::classify(event.statusCode, context);
        m_exitCode = kind == Sip::FailureKind::None ? 1 : Sip::Diagnosis::exitCode(kind);
    } else {
        m_exitCode = statistics.packetsSent > 0 && statistics.packetsReceived > 0 ? 0 : kNoMediaExit;
    }
    finish(m_resultLine, m_exitCode);
}

void CallCommand::stopTimers()
{
    m_duration.stop();
    m_dtmf.stop();
    m_hangUpWait.stop();
}

void CallCommand::onExitSignal(int signalNumber)
{
    const Sip::CallEvent call = m_callId.isEmpty() ? Sip::CallEvent{} : m_calls->lastEvent(m_callId);
    if (call.callId.isEmpty() || call.state == Sip::CallState::Ended || call.state == Sip::CallState::Invalid) {
        LineCommand::onExitSignal(signalNumber);
        return;
    }
    // BYE (or CANCEL, or 603 to a ringing call) first; the call's end then finishes the command as usual.
    m_calls->hangUp(m_callId);
    m_hangUpWait.start(3000);
}

} // namespace Cli
