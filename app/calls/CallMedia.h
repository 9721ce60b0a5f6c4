// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/CallStatistics.h"
#include "sipcore/CallTypes.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace Audio {
class AudioDevice;
class MediaSession;
struct MediaSessionConfig;
} // namespace Audio

namespace Sip {
class CallService;
}

namespace App {

/// Local media settings for every call CallMedia runs. Plain value.
struct CallMediaOptions
{
    QString rtpBindAddress = QStringLiteral("0.0.0.0");
    quint16 rtpPortMin = 0; ///< 0 = the media layer's default range
    quint16 rtpPortMax = 0;
    QStringList codecs;       ///< Preference, of "opus", "PCMU", "PCMA"; empty = all
    QString inputDeviceName;  ///< The preferences' microphone; empty = the backend's default
    QString outputDeviceName; ///< The preferences' speaker, for lines without an output of their own
    int deviceSampleRateHz = 48000;
    int rtpTimeoutMs = 30000; ///< The call is hung up after this long without RTP; 0 = never
    bool echoControl = true;
    /// STUN server (RFC 5389) as host[:port], port 3478 by default; empty = none. Behind NAT the SDP then
    /// carries the address and port the NAT maps the RTP socket to, so a peer can reach it.
    QString stunServer;
    int stunTimeoutMs = 500; ///< Bound for the STUN answer at call set-up
    /// RTP from another host than the SDP's is latched onto only this long after the answer (see
    /// Audio::MediaSessionConfig::latchWindowMs); a source on the SDP's own host at any time.
    int latchWindowMs = 10000;
};

/// The composition of signalling and media: for each call of a Sip::CallService it binds an
/// Audio::MediaSession before the offer or answer is written, starts it with what was negotiated,
/// follows re-INVITEs (hold, new address), hangs the call up when the media times out, and stops the
/// media when the call ends. DTMF goes as RFC 4733 events when negotiated, else by SIP INFO.
/// Lives in the CallService's thread; MediaSession signals arrive queued.
class CallMedia : public QObject
{
    Q_OBJECT
public:
    using DeviceFactory = std::function<std::unique_ptr<Audio::AudioDevice>()>;
    /// The output device a line's calls are routed to (empty: the preferences' one).
    using LineOutputLookup = std::function<QString(const QString &lineId)>;

    CallMedia(Sip::CallService &calls, DeviceFactory devices, const CallMediaOptions &options,
              QObject *parent = nullptr);
    ~CallMedia() override;

    void setOptions(const CallMediaOptions &options) { m_options = options; }
    void setLineOutputLookup(LineOutputLookup lookup) { m_lineOutput = std::move(lookup); }
    /// New preferences' devices: kept for the next calls and switched to in every running call (a call
    /// on a line with its own output keeps that output), without interrupting it.
    void setDevices(const QString &inputDeviceName, const QString &outputDeviceName);
    const CallMediaOptions &options() const { return m_options; }

    /// Binds media and places the call; returns its id (empty with error set when no RTP port is free).
    QString call(const QString &lineId, const QString &target, QString *error = nullptr);
    /// Binds media and answers an incoming call; false with error when no RTP port is free.
    bool answer(const QString &callId, QString *error = nullptr);
    /// RFC 4733 when the call negotiated telephone-event, else SIP INFO. False for invalid digits.
    bool sendDigits(const QString &callId, const QString &digits);
    void setMuted(const QString &callId, bool muted);

    /// Latest statistics of a call; after it ended, the last ones it had.
    Audio::CallStatistics statistics(const QString &callId) const;
    /// The line a call is on; empty when unknown.
    QString lineOf(const QString &callId) const;
    /// What was negotiated last for the call (invalid before the first answer).
    Sip::MediaParameters media(const QString &callId) const { return m_media.value(callId); }

Q_SIGNALS:
    /// A DTMF digit from the other side (RFC 4733 or SIP INFO).
    void digitReceived(const QString &callId, QChar digit);
    /// The media of a call could not run (device, socket, codec); the call is hung up.
    void mediaFailed(const QString &callId, const QString &message);
    /// No RTP for rtpTimeoutMs: the call is hung up with HangUpCause::MediaTimeout.
    void mediaTimedOut(const QString &callId);
    /// Something about a call's sound devices the user should know; the call goes on. For example
    /// "Audio device 'Headset' was unplugged — now using 'Default'".
    void deviceNotice(const QString &callId, const QString &message);
    /// What the media's network set-up found, for the log: the STUN mapping the SDP carries, or (problem)
    /// why there is none.
    void networkNote(const QString &callId, const QString &message, bool problem);

private:
    struct Devices
    {
        QString input;
        QString output;
    };

    /// Notes for the new call, emitted once its id is known.
    struct BindNotes
    {
        QString device;  ///< deviceNotice
        QString network; ///< networkNote
        bool networkProblem = false;
    };
    Audio::MediaSession *bind(const QString &key, const QString &lineId, Sip::LocalMedia *local, QString *error,
                              BindNotes *notes);
    void discoverPublicAddress(Audio::MediaSession &session, Sip::LocalMedia *local, BindNotes *notes) const;
    void emitNotes(const QString &callId, const BindNotes &notes);
    Devices devicesFor(const QString &lineId, const Audio::AudioDevice &lister, QString *notice) const;
    void connectSession(Audio::MediaSession *session, const QString &callId);
    void onCallChanged(const Sip::CallEvent &event);
    void onMediaChanged(const Sip::MediaParameters &media);
    Audio::MediaSessionConfig configFor(const Sip::MediaParameters &media) const;

    Sip::CallService &m_calls;
    DeviceFactory m_devices;
    CallMediaOptions m_options;
    LineOutputLookup m_lineOutput;
    QHash<QString, Audio::MediaSession *> m_sessions; // children of this object
    QHash<QString, Sip::MediaParameters> m_media;
    QHash<QString, Audio::CallStatistics> m_finalStatistics;
    QHash<QString, QString> m_lines;     // call id -> line id
    QHash<QString, Devices> m_devicesOf; // call id -> devices asked for
};

} // namespace App
