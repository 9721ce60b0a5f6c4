// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace Audio {

/// One RTP packet (RFC 3550 §5.1): fixed header, CSRC list, optional header extension, payload, padding.
/// parse() yields a view whose extension and payload spans point into the parsed datagram, so it must not
/// outlive that buffer; serialize() writes into a caller buffer. Neither allocates, so the media thread can
/// use them per packet.
struct RtpPacket
{
    static constexpr std::size_t kFixedHeaderBytes = 12;
    static constexpr std::size_t kMaxCsrcCount = 15;

    bool marker = false;
    std::uint8_t payloadType = 0;
    std::uint16_t sequenceNumber = 0;
    std::uint32_t timestamp = 0;
    std::uint32_t ssrc = 0;
    std::uint8_t csrcCount = 0;
    std::array<std::uint32_t, kMaxCsrcCount> csrcs{};
    bool hasExtension = false;
    std::uint16_t extensionProfile = 0;
    std::span<const std::uint8_t> extension; ///< extension data, a multiple of 4 bytes
    std::span<const std::uint8_t> payload;
    std::uint8_t paddingBytes = 0; ///< including the final count byte; 0 when the P bit is clear

    /// Parses a datagram. nullopt for anything that is not a well-formed RTP version 2 packet: too short,
    /// wrong version, CSRC list or extension past the end, padding count 0 or larger than what follows the
    /// header, or a payload type in the RTCP range (RFC 5761 §4).
    static std::optional<RtpPacket> parse(std::span<const std::uint8_t> datagram);

    /// True when the datagram looks like RTCP rather than RTP (for RTP/RTCP on one port, RFC 5761).
    static bool looksLikeRtcp(std::span<const std::uint8_t> datagram);

    /// Bytes serialize() writes.
    std::size_t serializedSize() const;
    /// Writes the packet; returns bytes written, 0 when out is too small or the packet is inconsistent
    /// (extension not a multiple of 4, more than 15 CSRCs, payload type over 127).
    std::size_t serialize(std::span<std::uint8_t> out) const;
};

} // namespace Audio
