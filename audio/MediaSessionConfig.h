// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/MediaDirection.h"
#include "audio/codecs/CodecType.h"

#include <QString>
#include <cstdint>

namespace Audio {

/// What the signalling layer negotiated for one audio stream (one m=audio line), plus local media options.
/// Plain copyable value handed to MediaSession::start().
struct MediaSessionConfig
{
    // Remote side (from the peer's SDP c= and m= lines).
    QString remoteAddress; ///< numeric IPv4 or IPv6 address
    std::uint16_t remoteRtpPort = 0;
    std::uint16_t remoteRtcpPort = 0; ///< 0: remoteRtpPort + 1 (no a=rtcp)

    // Negotiated payload.
    CodecType codec = CodecType::Invalid;
    int payloadType = -1;                 ///< e.g. 0 for PCMU, 8 for PCMA, dynamic for Opus
    int telephoneEventPayloadType = -1;   ///< -1: RFC 4733 events not negotiated
    int telephoneEventClockRateHz = 8000; ///< clock of the telephone-event rtpmap
    int ptimeMs = 20;
    MediaDirection direction = MediaDirection::SendRecv;

    // Local options.
    bool symmetricRtp = false; ///< latch the remote address to the first valid RTP source (NAT traversal)
    /// Latching is guarded: a source on the SDP's host (its port rewritten by a NAT) is latched onto at
    /// any time, another host only within this long after the remote address was set (the answer), so a
    /// stranger spraying RTP at the port later cannot take the call's audio. Once latched, it stays.
    int latchWindowMs = 10000;
    int rtpTimeoutMs = 30000;  ///< report rtpTimedOut() after this long without RTP; 0 disables
    int rtcpIntervalMs = 5000; ///< mean RTCP report interval (randomised ±50 %)
    bool echoControl = true;
    bool opusDtx = false;
    int opusBitrate = 32000;
    int opusExpectedLossPercent = 10; ///< tunes Opus in-band FEC
    QString cname;                    ///< RTCP SDES CNAME; generated when empty

    // Devices: names as listed by AudioDevice; empty means the backend's default.
    QString inputDeviceName;
    QString outputDeviceName;
    int deviceSampleRateHz = 48000;
    int deviceFramesPerBuffer = 480; ///< 10 ms at 48 kHz
};

} // namespace Audio
