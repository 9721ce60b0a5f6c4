// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/RtpPacket.h"

#include <chrono>
#include <cstdint>
#include <span>

namespace Audio {

/// Sending side of one RTP stream: random SSRC, sequence number and timestamp origin (RFC 3550 §5.1),
/// the media clock, and the counters an RTCP SR reports. Media thread only.
class RtpSender
{
public:
    RtpSender();

    std::uint32_t ssrc() const { return m_ssrc; }
    void setSsrc(std::uint32_t ssrc) { m_ssrc = ssrc; }
    /// RTP timestamp of the frame being produced now.
    std::uint32_t timestamp() const { return m_timestamp; }
    std::uint16_t nextSequenceNumber() const { return m_sequenceNumber; }
    /// Moves the media clock by one frame, whether or not that frame was sent.
    void advance(std::uint32_t samples) { m_timestamp += samples; }

    /// Header for the next packet; takes a sequence number.
    RtpPacket makePacket(std::uint8_t payloadType, std::uint32_t timestamp, bool marker,
                         std::span<const std::uint8_t> payload);
    /// Records that a packet with payloadBytes of payload and the given timestamp went out.
    void countSent(std::size_t payloadBytes, std::uint32_t timestamp, std::chrono::steady_clock::time_point when);

    std::uint32_t packetsSent() const { return m_packetsSent; }
    std::uint32_t octetsSent() const { return m_octetsSent; }
    bool hasSent() const { return m_packetsSent > 0; }
    /// RTP timestamp matching the instant now, extrapolated from the last sent packet (for SR).
    std::uint32_t timestampAt(std::chrono::steady_clock::time_point now, int clockRateHz) const;

private:
    std::uint32_t m_ssrc;
    std::uint16_t m_sequenceNumber;
    std::uint32_t m_timestamp;
    std::uint32_t m_packetsSent = 0;
    std::uint32_t m_octetsSent = 0;
    std::uint32_t m_lastSentTimestamp = 0;
    std::chrono::steady_clock::time_point m_lastSentTime;
};

} // namespace Audio
