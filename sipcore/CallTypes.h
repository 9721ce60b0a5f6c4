// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Sip {

/// Who started the call.
enum class CallDirection
{
    Invalid = 0,
    Outgoing,
    Incoming
};

/// Where a call stands. Ended is final: statusCode, reason and diagnosis say why.
enum class CallState
{
    Invalid = 0,
    Dialing,    ///< Outgoing: INVITE sent (possibly again with credentials), no ringing yet
    Ringing,    ///< Outgoing: the other side rings (180/183)
    Incoming,   ///< Incoming: ringing here, waiting for answer() or reject()
    Answering,  ///< Incoming: 200 OK sent, waiting for the caller's ACK
    Connected,  ///< Talking (media both ways unless muted)
    Held,       ///< We put the other side on hold
    RemoteHeld, ///< The other side put us on hold
    Ending,     ///< BYE or CANCEL sent, waiting for its answer
    Ended,
};

/// SDP media direction as seen from the local side.
enum class MediaDirection
{
    Invalid = 0,
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive
};

/// Why the application hangs up; shapes the log line and the final diagnosis.
enum class HangUpCause
{
    Invalid = 0,
    User,
    MediaTimeout,
    MediaError
};

/// Answer to an incoming call that is refused.
enum class RejectReason
{
    Invalid = 0,
    Busy,    ///< 486 Busy Here
    Decline, ///< 603 Decline
};

QString callStateName(CallState state);               ///< "dialing", "ringing", ... for logs and the CLI
QString mediaDirectionName(MediaDirection direction); ///< "sendrecv", "sendonly", "recvonly", "inactive"
bool isActive(CallState state);                       ///< Connected, Held or RemoteHeld

/// One state change of one call. Small copyable value; crosses threads.
struct CallEvent
{
    QString callId; ///< Offhook's id of the call (not the SIP Call-ID)
    QString lineId;
    CallState state = CallState::Invalid;
    CallDirection direction = CallDirection::Invalid;
    QString peer; ///< The other side's URI, sip:1002@pbx
    QString peerDisplayName;
    int statusCode = 0;        ///< Last SIP status that shaped this state (final status when Ended)
    QString reason;            ///< Its reason phrase, or a short cause ("BYE received")
    QString diagnosis;         ///< Plain words a user can act on (failures and endings)
    bool endedLocally = false; ///< Ended: we hung up or cancelled
    /// Ringing: the other side sent SDP in a 180/183, so its ringback or announcement is already playing
    /// ("Ringing (early media)"); the 200 OK's SDP takes over when the call is answered.
    bool earlyMedia = false;
    QString sipCallId;
    QDateTime timestamp;     ///< UTC
    QString transferredFrom; ///< A call placed because the peer of this call id transferred it (REFER)
};

/// What this side offers for audio: supplied by whoever owns the media (the RTP port is bound before
/// the offer is written). Plain value.
struct LocalMedia
{
    QString address;             ///< Address for c=; empty = the local address that routes to the line's server
    quint16 rtpPort = 0;         ///< Bound RTP port (RTCP is rtpPort + 1)
    QStringList codecs;          ///< Preference order, of "opus", "PCMU", "PCMA"; empty = all three in that order
    bool telephoneEvents = true; ///< Offer RFC 4733 telephone-event/8000
    int ptimeMs = 20;
    MediaDirection direction = MediaDirection::SendRecv; ///< SendOnly or Inactive to hold the other side
};

/// The outcome of one offer/answer round for the audio stream: everything the media layer needs to
/// send and receive. Emitted again when a re-INVITE changes it (hold, new address). Plain value.
struct MediaParameters
{
    QString callId;
    QString localAddress;
    quint16 localRtpPort = 0;
    QString remoteAddress;
    quint16 remotePort = 0;
    quint16 remoteRtcpPort = 0; ///< 0 = remotePort + 1
    int payloadType = -1;       ///< To send with: the number the other side's SDP gave the codec
    QString codec;              ///< "opus", "PCMU", "PCMA"
    int clockRateHz = 0;
    int channels = 1;
    int telephoneEventPayloadType = -1; ///< -1: no RFC 4733 events (DTMF goes by SIP INFO)
    int telephoneEventClockRateHz = 8000;
    int ptimeMs = 20;
    MediaDirection direction = MediaDirection::Invalid;

    bool isValid() const { return payloadType >= 0 && !codec.isEmpty() && remotePort != 0; }
    /// "opus/48000/2 to 127.0.0.1:40002"
    QString describe() const;
    bool operator==(const MediaParameters &other) const = default;
};

/// Progress of a blind transfer we started (REFER and the NOTIFYs about it). Plain value.
struct TransferEvent
{
    QString callId;
    QString target;
    int statusCode = 0; ///< From the NOTIFY's sipfrag (100, 180, 200, 486 ...) or the REFER's answer
    QString reason;
    bool finished = false; ///< No more progress will come
    bool succeeded = false;
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::CallEvent)
Q_DECLARE_METATYPE(Sip::MediaParameters)
Q_DECLARE_METATYPE(Sip::TransferEvent)
Q_DECLARE_METATYPE(Sip::LocalMedia)
