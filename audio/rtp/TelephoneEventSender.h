// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/TelephoneEvent.h"

#include <array>
#include <cstdint>

namespace Audio {

/// Turns queued DTMF digits into RFC 4733 packets (§2.5.1): a first packet with the marker bit, one update
/// per packet interval with a growing duration, and the final packet with the end bit sent three times.
/// All packets of one event carry the event's start timestamp. Audio is suppressed while an event runs.
/// Media thread only; no allocation after construction.
class TelephoneEventSender
{
public:
    struct Packet
    {
        std::array<std::uint8_t, TelephoneEvent::kPayloadBytes> payload{};
        bool marker = false;
        std::uint32_t timestamp = 0;
    };
    static constexpr int kEndRetransmissions = 3;
    using Packets = std::array<Packet, kEndRetransmissions>;

    /// eventClockRateHz is the telephone-event rtpmap clock; ptimeMs the packet interval.
    TelephoneEventSender(int eventClockRateHz, int ptimeMs);

    /// Queues a digit; false for an unknown digit or a full queue.
    bool queue(char digit, int durationMs = 100);
    /// True while an event is being sent, queued, or in the pause after one.
    bool isBusy() const { return m_active || m_gapIntervals > 0 || m_queueSize > 0; }
    /// True when this interval's packets replace audio.
    bool isSending() const { return m_active || (m_gapIntervals == 0 && m_queueSize > 0); }

    /// Advances one packet interval. frameTimestamp is the RTP timestamp an audio frame would carry now.
    /// Fills out with the packets to send this interval and returns their count (0..3).
    int next(std::uint32_t frameTimestamp, Packets &out);

private:
    struct Queued
    {
        std::uint8_t event = 0;
        int durationUnits = 0;
    };
    static constexpr int kQueueCapacity = 32;
    static constexpr int kGapIntervals = 2; // silence between digits

    int m_eventClockRateHz;
    int m_intervalUnits;
    std::array<Queued, kQueueCapacity> m_queue{};
    int m_queueHead = 0;
    int m_queueSize = 0;
    bool m_active = false;
    Queued m_current;
    std::uint32_t m_startTimestamp = 0;
    int m_elapsedUnits = 0;
    int m_gapIntervals = 0;
};

} // namespace Audio
