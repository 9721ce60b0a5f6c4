// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/MediaDirection.h"
#include "audio/codecs/CodecType.h"

#include <QString>
#include <cstdint>

namespace Audio {

/// Latest-value snapshot of one call's media, published by the media thread a few times per second and
/// read from any thread through MediaSession::statistics(). Plain copyable value.
struct CallStatistics
{
    CodecType codec = CodecType::Invalid;
    int payloadType = -1;
    MediaDirection direction = MediaDirection::Invalid;
    bool muted = false;
    bool echoControlEnabled = false;
    QString remoteAddress; ///< where RTP is sent, "host:port" or "[v6]:port"

    // Sending side.
    std::uint64_t packetsSent = 0;
    std::uint64_t octetsSent = 0; ///< payload octets, as in RTCP SR
    std::uint64_t telephoneEventsSent = 0;

    // Receiving side, computed locally (RFC 3550 A.1, A.3, A.8).
    std::uint64_t packetsReceived = 0;
    std::uint64_t octetsReceived = 0;
    std::int64_t packetsLost = 0;     ///< cumulative, may be negative with duplicates
    double fractionLostPercent = 0.0; ///< over the last RTCP interval
    double jitterMs = 0.0;
    std::uint64_t telephoneEventsReceived = 0;
    std::uint64_t concealedFrames = 0; ///< frames synthesised by the decoder's PLC
    std::uint64_t unexpectedSourcePackets = 0;
    std::uint64_t malformedPackets = 0;

    // What the peer reports about our stream (RTCP RR/SR report blocks).
    bool remoteReportReceived = false;
    double remoteFractionLostPercent = 0.0;
    std::int64_t remotePacketsLost = 0;
    double remoteJitterMs = 0.0;
    double roundTripTimeMs = -1.0; ///< -1 until an RTCP report with LSR/DLSR came back

    // Device side.
    int deviceSampleRateHz = 0;
    QString inputDevice;  ///< the microphone actually in use (after any fallback), as the backend names it
    QString outputDevice; ///< the speaker actually in use
    std::uint64_t playbackUnderruns = 0; ///< device asked for samples the media thread had not produced
    std::uint64_t captureOverruns = 0;   ///< captured samples dropped because the media thread lagged

    bool rtpTimedOut = false;
    std::int64_t millisecondsSinceLastRtp = -1; ///< -1 before the first packet
};

} // namespace Audio
