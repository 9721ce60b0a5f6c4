// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpReceiveStatistics.h"

#include <algorithm>
#include <cmath>

namespace Audio {

namespace {
constexpr std::uint32_t kMaxDropout = 3000;
constexpr std::uint32_t kMaxMisorder = 100;
constexpr int kMinSequential = 2;
constexpr std::uint32_t kSequenceModulo = 1u << 16;
constexpr std::int32_t kMaxCumulativeLost = 0x7FFFFF;
constexpr std::int32_t kMinCumulativeLost = -0x800000;
} // namespace

RtpReceiveStatistics::RtpReceiveStatistics(int clockRateHz) : m_clockRateHz(clockRateHz) {}

void RtpReceiveStatistics::reset()
{
    *this = RtpReceiveStatistics(m_clockRateHz);
}

void RtpReceiveStatistics::initSequence(std::uint16_t sequenceNumber)
{
    m_baseSequence = sequenceNumber;
    m_maxSequence = sequenceNumber;
    m_badSequence = kSequenceModulo + 1; // so seq == bad_seq is false
    m_cycles = 0;
    m_received = 0;
    m_receivedPrior = 0;
    m_expectedPrior = 0;
}

bool RtpReceiveStatistics::updateSequence(std::uint16_t sequenceNumber)
{
    if (!m_initialized) {
        initSequence(sequenceNumber);
        m_maxSequence = static_cast<std::uint16_t>(sequenceNumber - 1);
        m_probation = kMinSequential;
        m_initialized = true;
    }
    const std::uint16_t delta = static_cast<std::uint16_t>(sequenceNumber - m_maxSequence);
    if (m_probation > 0) {
        // The source becomes valid after kMinSequential packets in sequence.
        if (sequenceNumber == static_cast<std::uint16_t>(m_maxSequence + 1)) {
            --m_probation;
            m_maxSequence = sequenceNumber;
            if (m_probation == 0) {
                initSequence(sequenceNumber);
                ++m_received;
                return true;
            }
        } else {
            m_probation = kMinSequential - 1;
            m_maxSequence = sequenceNumber;
        }
        return false;
    }
    if (delta < kMaxDropout) {
        if (sequenceNumber < m_maxSequence)
            m_cycles += kSequenceModulo; // wrapped
        m_maxSequence = sequenceNumber;
    } else if (delta <= kSequenceModulo - kMaxMisorder) {
        // A big jump: the sender may have restarted. Two in a row resynchronise.
        if (sequenceNumber == m_badSequence) {
            initSequence(sequenceNumber);
        } else {
            m_badSequence = (std::uint32_t{sequenceNumber} + 1) & (kSequenceModulo - 1);
            return false;
        }
    }
    // else: duplicate or reordered packet, counted but does not move max_seq
    ++m_received;
    return true;
}

void RtpReceiveStatistics::updateJitter(std::uint32_t rtpTimestamp, std::int64_t arrivalMicroseconds)
{
    const std::int64_t arrivalUnits = arrivalMicroseconds * m_clockRateHz / 1000000;
    // Differences of 32-bit timestamps survive wrap-around when taken modulo 2^32.
    const std::int64_t transit = static_cast<std::int32_t>(static_cast<std::uint32_t>(arrivalUnits) - rtpTimestamp);
    if (m_haveTransit) {
        const double d = std::abs(static_cast<double>(static_cast<std::int32_t>(transit - m_lastTransit)));
        m_jitter += (d - m_jitter) / 16.0;
    }
    m_lastTransit = transit;
    m_haveTransit = true;
}

double RtpReceiveStatistics::jitterMs() const
{
    return m_clockRateHz > 0 ? m_jitter * 1000.0 / m_clockRateHz : 0.0;
}

std::int64_t RtpReceiveStatistics::expectedPackets() const
{
    if (!m_initialized || m_probation > 0)
        return 0;
    return static_cast<std::int64_t>(extendedHighestSequence()) - m_baseSequence + 1;
}

std::int64_t RtpReceiveStatistics::cumulativeLost() const
{
    return expectedPackets() - static_cast<std::int64_t>(m_received);
}

RtcpReportBlock RtpReceiveStatistics::makeReportBlock(std::uint32_t ssrc, std::uint32_t lastSenderReport,
                                                      std::uint32_t delaySinceLastSenderReport)
{
    const std::int64_t expected = expectedPackets();
    const std::int64_t expectedInterval = expected - m_expectedPrior;
    const std::int64_t receivedInterval = static_cast<std::int64_t>(m_received - m_receivedPrior);
    const std::int64_t lostInterval = expectedInterval - receivedInterval;
    m_expectedPrior = expected;
    m_receivedPrior = m_received;
    m_lastFractionLost =
        expectedInterval <= 0 || lostInterval <= 0
            ? 0
            : static_cast<std::uint8_t>(std::min<std::int64_t>(255, (lostInterval << 8) / expectedInterval));

    RtcpReportBlock block;
    block.ssrc = ssrc;
    block.fractionLost = m_lastFractionLost;
    block.cumulativeLost =
        static_cast<std::int32_t>(std::clamp<std::int64_t>(cumulativeLost(), kMinCumulativeLost, kMaxCumulativeLost));
    block.extendedHighestSequence = extendedHighestSequence();
    block.jitter = jitter();
    block.lastSenderReport = lastSenderReport;
    block.delaySinceLastSenderReport = delaySinceLastSenderReport;
    return block;
}

} // namespace Audio
