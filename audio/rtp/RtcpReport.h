// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/RtcpReportBlock.h"

#include <QByteArray>
#include <cstdint>
#include <optional>
#include <vector>

namespace Audio {

/// Sender information of an RTCP SR (RFC 3550 §6.4.1).
struct RtcpSenderInfo
{
    std::uint64_t ntpTimestamp = 0;
    std::uint32_t rtpTimestamp = 0;
    std::uint32_t packetCount = 0;
    std::uint32_t octetCount = 0;

    friend bool operator==(const RtcpSenderInfo &, const RtcpSenderInfo &) = default;
};

/// The content of one compound RTCP packet that the media layer sends or cares about: an SR or RR with its
/// report blocks, the SDES CNAME, and whether a BYE was present. Other packet types are skipped on parse.
struct RtcpReport
{
    std::uint32_t ssrc = 0;                    ///< the reporter
    std::optional<RtcpSenderInfo> senderInfo;  ///< set for an SR, empty for an RR
    std::vector<RtcpReportBlock> reportBlocks; ///< at most 31
    QByteArray cname;
    bool bye = false;
};

} // namespace Audio
