// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/RtcpReport.h"

#include <QByteArray>
#include <chrono>
#include <cstdint>
#include <span>

namespace Audio {

class RtpReceiveStatistics;
class RtpSender;

/// RTCP for one call (RFC 3550 §6): schedules reports at a randomised interval, builds SR (when we sent
/// RTP since the last report) or RR with a report block for the peer, and digests the peer's reports into
/// what it says about our stream: fraction lost, cumulative loss, jitter and the round-trip time from
/// LSR/DLSR. Media thread only.
class RtcpSession
{
public:
    using Clock = std::chrono::steady_clock;

    RtcpSession(int rtpClockRateHz, int intervalMs, QByteArray cname);

    bool isDue(Clock::time_point now) const { return now >= m_nextReport; }
    /// Builds the next compound packet into out and schedules the one after; returns bytes (0 on failure).
    std::size_t buildReport(Clock::time_point now, const RtpSender &sender, RtpReceiveStatistics &receiveStatistics,
                            bool haveRemoteSource, std::uint32_t remoteSsrc, bool bye, std::span<std::uint8_t> out);
    /// Digests a received compound packet; ourSsrc picks the report block about our stream.
    void onReport(const RtcpReport &report, Clock::time_point now, std::uint32_t ourSsrc);

    bool remoteReportReceived() const { return m_remoteReportReceived; }
    double remoteFractionLostPercent() const { return m_remoteFractionLost * 100.0 / 256.0; }
    std::int64_t remotePacketsLost() const { return m_remotePacketsLost; }
    double remoteJitterMs() const;
    double roundTripTimeMs() const { return m_roundTripTimeMs; }
    bool byeReceived() const { return m_byeReceived; }
    std::uint64_t reportsSent() const { return m_reportsSent; }
    std::uint64_t reportsReceived() const { return m_reportsReceived; }

private:
    void scheduleNext(Clock::time_point now);

    int m_clockRateHz;
    int m_intervalMs;
    QByteArray m_cname;
    Clock::time_point m_nextReport;
    std::uint32_t m_packetsAtLastReport = 0;
    // From the peer's last SR, echoed back as LSR/DLSR.
    std::uint32_t m_lastSenderReportCompact = 0;
    Clock::time_point m_lastSenderReportArrival;
    bool m_haveSenderReport = false;
    // What the peer reports about us.
    bool m_remoteReportReceived = false;
    std::uint8_t m_remoteFractionLost = 0;
    std::int64_t m_remotePacketsLost = 0;
    std::uint32_t m_remoteJitter = 0;
    double m_roundTripTimeMs = -1.0;
    bool m_byeReceived = false;
    std::uint64_t m_reportsSent = 0;
    std::uint64_t m_reportsReceived = 0;
};

} // namespace Audio
