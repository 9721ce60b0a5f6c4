// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtcpSession.h"

#include "audio/rtp/NtpTime.h"
#include "audio/rtp/RtcpPacket.h"
#include "audio/rtp/RtpReceiveStatistics.h"
#include "audio/rtp/RtpSender.h"

#include <QRandomGenerator>

namespace Audio {

RtcpSession::RtcpSession(int rtpClockRateHz, int intervalMs, QByteArray cname)
    : m_clockRateHz(rtpClockRateHz), m_intervalMs(intervalMs), m_cname(std::move(cname))
{
    // The first report goes out after half an interval (RFC 3550 §6.2).
    m_nextReport = Clock::now() + std::chrono::milliseconds(m_intervalMs / 2);
}

void RtcpSession::scheduleNext(Clock::time_point now)
{
    // Randomised to 0.5..1.5 of the interval so that reports of many participants do not synchronise.
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    m_nextReport = now + std::chrono::milliseconds(static_cast<long long>(m_intervalMs * factor));
}

std::size_t RtcpSession::buildReport(Clock::time_point now, const RtpSender &sender,
                                     RtpReceiveStatistics &receiveStatistics, bool haveRemoteSource,
                                     std::uint32_t remoteSsrc, bool bye, std::span<std::uint8_t> out)
{
    scheduleNext(now);
    RtcpReport report;
    report.ssrc = sender.ssrc();
    report.cname = m_cname;
    report.bye = bye;
    if (sender.packetsSent() != m_packetsAtLastReport) {
        RtcpSenderInfo info;
        info.ntpTimestamp = NtpTime::now();
        info.rtpTimestamp = sender.timestampAt(now, m_clockRateHz);
        info.packetCount = sender.packetsSent();
        info.octetCount = sender.octetsSent();
        report.senderInfo = info;
        m_packetsAtLastReport = sender.packetsSent();
    }
    if (haveRemoteSource && receiveStatistics.hasSource()) {
        std::uint32_t delay = 0;
        if (m_haveSenderReport)
            delay = NtpTime::compactDuration(
                std::chrono::duration_cast<std::chrono::microseconds>(now - m_lastSenderReportArrival));
        report.reportBlocks.push_back(
            receiveStatistics.makeReportBlock(remoteSsrc, m_haveSenderReport ? m_lastSenderReportCompact : 0, delay));
    }
    const std::size_t size = RtcpPacket::build(report, out);
    if (size > 0)
        ++m_reportsSent;
    return size;
}

void RtcpSession::onReport(const RtcpReport &report, Clock::time_point now, std::uint32_t ourSsrc)
{
    ++m_reportsReceived;
    if (report.bye)
        m_byeReceived = true;
    if (report.senderInfo) {
        m_lastSenderReportCompact = NtpTime::compact(report.senderInfo->ntpTimestamp);
        m_lastSenderReportArrival = now;
        m_haveSenderReport = true;
    }
    for (const RtcpReportBlock &block : report.reportBlocks) {
        if (block.ssrc != ourSsrc)
            continue;
        m_remoteReportReceived = true;
        m_remoteFractionLost = block.fractionLost;
        m_remotePacketsLost = block.cumulativeLost;
        m_remoteJitter = block.jitter;
        if (block.lastSenderReport != 0) {
            // RTT = A - LSR - DLSR, all in 1/65536 s (RFC 3550 §6.4.1); modulo 2^32 arithmetic.
            const std::uint32_t arrival = NtpTime::compact(NtpTime::now());
            const auto rtt =
                static_cast<std::int32_t>(arrival - block.lastSenderReport - block.delaySinceLastSenderReport);
            m_roundTripTimeMs = rtt < 0 ? 0.0 : NtpTime::compactToMs(static_cast<std::uint32_t>(rtt));
        }
    }
}

double RtcpSession::remoteJitterMs() const
{
    return m_clockRateHz > 0 ? m_remoteJitter * 1000.0 / m_clockRateHz : 0.0;
}

} // namespace Audio
