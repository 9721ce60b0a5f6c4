// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpSender.h"

#include <QRandomGenerator>

namespace Audio {

RtpSender::RtpSender()
    : m_ssrc(QRandomGenerator::global()->generate()),
      m_sequenceNumber(static_cast<std::uint16_t>(QRandomGenerator::global()->generate())),
      m_timestamp(QRandomGenerator::global()->generate())
{
}

RtpPacket RtpSender::makePacket(std::uint8_t payloadType, std::uint32_t timestamp, bool marker,
                                std::span<const std::uint8_t> payload)
{
    RtpPacket packet;
    packet.payloadType = payloadType;
    packet.marker = marker;
    packet.sequenceNumber = m_sequenceNumber++;
    packet.timestamp = timestamp;
    packet.ssrc = m_ssrc;
    packet.payload = payload;
    return packet;
}

void RtpSender::countSent(std::size_t payloadBytes, std::uint32_t timestamp, std::chrono::steady_clock::time_point when)
{
    ++m_packetsSent;
    m_octetsSent += static_cast<std::uint32_t>(payloadBytes);
    m_lastSentTimestamp = timestamp;
    m_lastSentTime = when;
}

std::uint32_t RtpSender::timestampAt(std::chrono::steady_clock::time_point now, int clockRateHz) const
{
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(now - m_lastSentTime).count();
    return m_lastSentTimestamp + static_cast<std::uint32_t>(elapsed * clockRateHz / 1000000);
}

} // namespace Audio
