// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <cstdint>

namespace Audio {

/// One reception report block of an RTCP SR or RR (RFC 3550 §6.4.1).
struct RtcpReportBlock
{
    std::uint32_t ssrc = 0;          ///< source this block reports on
    std::uint8_t fractionLost = 0;   ///< lost/expected since the previous report, in 1/256
    std::int32_t cumulativeLost = 0; ///< 24-bit signed on the wire
    std::uint32_t extendedHighestSequence = 0;
    std::uint32_t jitter = 0;                     ///< interarrival jitter in RTP timestamp units
    std::uint32_t lastSenderReport = 0;           ///< LSR: middle 32 bits of the last SR's NTP time, 0 if none
    std::uint32_t delaySinceLastSenderReport = 0; ///< DLSR in 1/65536 s

    friend bool operator==(const RtcpReportBlock &, const RtcpReportBlock &) = default;
};

} // namespace Audio
