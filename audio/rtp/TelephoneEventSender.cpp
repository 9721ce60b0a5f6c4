// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/TelephoneEventSender.h"

#include <algorithm>

namespace Audio {

namespace {
constexpr int kMinDurationMs = 40;
constexpr int kMaxDurationMs = 5000;
} // namespace

TelephoneEventSender::TelephoneEventSender(int eventClockRateHz, int ptimeMs)
    : m_eventClockRateHz(eventClockRateHz), m_intervalUnits(eventClockRateHz * ptimeMs / 1000)
{
}

bool TelephoneEventSender::queue(char digit, int durationMs)
{
    const int event = TelephoneEvent::fromDigit(digit);
    if (event < 0 || m_queueSize == kQueueCapacity)
        return false;
    const int clamped = std::clamp(durationMs, kMinDurationMs, kMaxDurationMs);
    // Duration is a 16-bit field; long events at high clock rates are capped rather than segmented.
    const int units = std::min(clamped * m_eventClockRateHz / 1000, 0xFFFF);
    m_queue[static_cast<std::size_t>((m_queueHead + m_queueSize) % kQueueCapacity)] = {static_cast<std::uint8_t>(event),
                                                                                       units};
    ++m_queueSize;
    return true;
}

int TelephoneEventSender::next(std::uint32_t frameTimestamp, Packets &out)
{
    if (!m_active) {
        if (m_gapIntervals > 0) {
            --m_gapIntervals;
            return 0;
        }
        if (m_queueSize == 0)
            return 0;
        m_current = m_queue[static_cast<std::size_t>(m_queueHead)];
        m_queueHead = (m_queueHead + 1) % kQueueCapacity;
        --m_queueSize;
        m_active = true;
        m_startTimestamp = frameTimestamp;
        m_elapsedUnits = 0;
    }
    m_elapsedUnits = std::min(m_elapsedUnits + m_intervalUnits, m_current.durationUnits);
    TelephoneEvent event;
    event.event = m_current.event;
    event.duration = static_cast<std::uint16_t>(m_elapsedUnits);
    event.end = m_elapsedUnits >= m_current.durationUnits;
    Packet packet;
    packet.payload = event.serialize();
    packet.timestamp = m_startTimestamp;
    packet.marker = m_elapsedUnits <= m_intervalUnits; // first packet of the event
    if (!event.end) {
        out[0] = packet;
        return 1;
    }
    m_active = false;
    m_gapIntervals = kGapIntervals;
    for (int i = 0; i < kEndRetransmissions; ++i) {
        out[static_cast<std::size_t>(i)] = packet;
        packet.marker = false;
    }
    return kEndRetransmissions;
}

} // namespace Audio
