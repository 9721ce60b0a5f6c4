// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/RtcpReport.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace Audio {

/// Builds and parses compound RTCP packets (RFC 3550 §6): SR or RR first, then SDES with a CNAME, then an
/// optional BYE. Stateless; callable from any thread.
class RtcpPacket
{
public:
    static constexpr std::uint8_t kSenderReport = 200;
    static constexpr std::uint8_t kReceiverReport = 201;
    static constexpr std::uint8_t kSourceDescription = 202;
    static constexpr std::uint8_t kBye = 203;
    static constexpr std::size_t kMaxReportBlocks = 31;

    /// Serialises report into out: an SR when senderInfo is set, else an RR; SDES CNAME when cname is
    /// non-empty; BYE when report.bye. Returns bytes written, 0 when out is too small or there are more
    /// than 31 report blocks.
    static std::size_t build(const RtcpReport &report, std::span<std::uint8_t> out);

    /// Parses a compound packet. nullopt unless it is version 2, starts with an SR or RR, and every
    /// sub-packet's length and counts fit inside the datagram.
    static std::optional<RtcpReport> parse(std::span<const std::uint8_t> datagram);
};

} // namespace Audio
