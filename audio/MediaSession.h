// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/CallStatistics.h"
#include "audio/MediaSessionConfig.h"
#include "audio/StatisticsMailbox.h"
#include "audio/rtp/RtpSocketPair.h"
#include "audio/rtp/StunClient.h"

#include <QObject>
#include <QString>
#include <memory>

namespace Audio {

class AudioDevice;
class MediaWorker;

/// The media of one call: capture → echo control → resample → encode → RTP, and RTP → jitter buffer →
/// decode → resample → playback, plus RTCP and RFC 4733 events, on a media thread of its own.
///
/// Lifecycle (owner thread, e.g. the engine thread): bindLocal() to learn the ports for SDP, start() with
/// what was negotiated, commands during the call, stop() (or destruction) at hang-up.
/// Threads: commands may be called from any thread and are queued to the media thread; statistics() reads
/// a latest-value mailbox from any thread. Signals are emitted on the media thread, so with the default
/// connection type they arrive queued in the receiver's thread. The device callback runs on the device's
/// real-time thread and only touches lock-free rings. Owns the sockets and the AudioDevice; do not use the
/// device from elsewhere while the session runs.
class MediaSession : public QObject
{
    Q_OBJECT

public:
    explicit MediaSession(std::unique_ptr<AudioDevice> device, QObject *parent = nullptr);
    ~MediaSession() override;

    /// Binds the RTP/RTCP socket pair (even port, RTCP = RTP + 1) from [portMin, portMax].
    bool bindLocal(const QString &localAddress = QStringLiteral("0.0.0.0"),
                   std::uint16_t portMin = RtpSocketPair::kDefaultPortMin,
                   std::uint16_t portMax = RtpSocketPair::kDefaultPortMax);
    std::uint16_t localRtpPort() const { return m_sockets.rtpPort(); }
    std::uint16_t localRtcpPort() const { return m_sockets.rtcpPort(); }
    /// Behind NAT: asks a STUN server (RFC 5389) which address and port the RTP socket is seen at, the
    /// one the SDP must carry. After bindLocal(), before start(); blocks for at most timeoutMs.
    Stun::Mapping discoverRtpMapping(const SocketAddress &stunServer, int timeoutMs);

    /// Validates config and starts the media thread. Binds on the wildcard address of the remote's
    /// family first when bindLocal() was not called. False with errorString() on invalid input.
    bool start(const MediaSessionConfig &config);
    /// Stops the media thread (sends RTCP BYE); the sockets stay bound so a later start() reuses them.
    void stop();
    bool isRunning() const { return m_worker != nullptr; }
    QString errorString() const { return m_error; }
    const MediaSessionConfig &config() const { return m_config; }

    // Commands: any thread, applied by the media thread within a few milliseconds.
    void setMuted(bool muted);
    /// Hold and resume: sendonly/inactive to hold, sendrecv to resume.
    void setDirection(MediaDirection direction);
    /// New peer address mid-call (re-INVITE); resets latching and the receive statistics' source.
    void setRemote(const QString &address, std::uint16_t rtpPort, std::uint16_t rtcpPort = 0);
    /// Reopens the device with other input/output names (empty: the default) without interrupting the RTP
    /// streams. A name that cannot be opened falls back to the default, else to no sound, and is reported by
    /// audioDeviceFellBack(); the call goes on either way. statistics() shows the names in use.
    void switchDevices(const QString &inputDeviceName, const QString &outputDeviceName);
    /// Sends DTMF digits (0-9 * # A-D) as RFC 4733 events; false when events were not negotiated or a
    /// digit is invalid (nothing is sent then).
    bool sendDigits(const QString &digits, int durationMs = 100);
    void setEchoControlEnabled(bool enabled);

    /// Latest statistics snapshot; any thread.
    CallStatistics statistics() const { return m_mailbox.latest(); }

Q_SIGNALS:
    void telephoneEventReceived(QChar digit);
    /// No RTP (or, while the peer holds, no RTCP) within rtpTimeoutMs: the peer has probably vanished.
    void rtpTimedOut();
    /// Media arrived from an address other than the negotiated one and was dropped (rate-limited).
    void unexpectedSourceSeen(const QString &address);
    /// Symmetric RTP latched onto the address the peer's media actually comes from.
    void remoteLatched(const QString &address);
    /// An open device went away mid-call; replacementName is what the media now uses (empty: no sound device
    /// is left, the call's RTP goes on with silence).
    void audioDeviceLost(const QString &deviceName, const QString &replacementName);
    /// A requested device was missing or would not open (at start or on a switch); usedName replaces it.
    void audioDeviceFellBack(const QString &requestedName, const QString &usedName);
    void mediaError(const QString &message);

private:
    bool validate(const MediaSessionConfig &config);

    std::unique_ptr<AudioDevice> m_device;
    RtpSocketPair m_sockets;
    StatisticsMailbox m_mailbox;
    MediaSessionConfig m_config;
    std::unique_ptr<MediaWorker> m_worker;
    QString m_error;
};

} // namespace Audio
