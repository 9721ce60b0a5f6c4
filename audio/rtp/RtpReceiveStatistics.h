// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/RtcpReportBlock.h"

#include <cstdint>

namespace Audio {

/// Reception bookkeeping for one RTP source, as RFC 3550 appendix A specifies: sequence validation with
/// probation and wrap-around (A.1), expected/lost counts and the fraction lost per report interval (A.3),
/// and interarrival jitter (A.8). Owned by the media thread.
class RtpReceiveStatistics
{
public:
    explicit RtpReceiveStatistics(int clockRateHz = 8000);

    /// Forgets the current source; the next packet starts probation for a new one.
    void reset();
    void setClockRateHz(int clockRateHz) { m_clockRateHz = clockRateHz; }

    /// Feeds a packet's sequence number. Returns false while the source is in probation or for a packet
    /// after a large jump that is not yet confirmed; those are not counted and should not be played.
    bool updateSequence(std::uint16_t sequenceNumber);
    /// Feeds timing for the jitter estimate; arrivalMicroseconds from any monotonic clock.
    void updateJitter(std::uint32_t rtpTimestamp, std::int64_t arrivalMicroseconds);

    bool hasSource() const { return m_initialized; }
    std::uint64_t packetsReceived() const { return m_received; }
    std::uint32_t extendedHighestSequence() const { return m_cycles + m_maxSequence; }
    std::int64_t expectedPackets() const;
    std::int64_t cumulativeLost() const;
    /// Jitter in RTP timestamp units, as sent in reports.
    std::uint32_t jitter() const { return static_cast<std::uint32_t>(m_jitter); }
    double jitterMs() const;
    /// Fraction lost (1/256) computed by the latest makeReportBlock().
    std::uint8_t lastFractionLost() const { return m_lastFractionLost; }

    /// Builds a report block for ssrc and starts a new report interval.
    RtcpReportBlock makeReportBlock(std::uint32_t ssrc, std::uint32_t lastSenderReport,
                                    std::uint32_t delaySinceLastSenderReport);

private:
    void initSequence(std::uint16_t sequenceNumber);

    int m_clockRateHz;
    bool m_initialized = false;
    std::uint16_t m_maxSequence = 0;
    std::uint32_t m_cycles = 0;
    std::uint32_t m_baseSequence = 0;
    std::uint32_t m_badSequence = 0;
    int m_probation = 0;
    std::uint64_t m_received = 0;
    std::uint64_t m_receivedPrior = 0;
    std::int64_t m_expectedPrior = 0;
    std::uint8_t m_lastFractionLost = 0;
    bool m_haveTransit = false;
    std::int64_t m_lastTransit = 0;
    double m_jitter = 0.0;
};

} // namespace Audio
