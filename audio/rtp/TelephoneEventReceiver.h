// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace Audio {

/// Detects new RFC 4733 events in received telephone-event packets. An event is identified by its RTP
/// timestamp (per SSRC): it is reported once, on whichever of its packets arrives first (start, update or
/// end), and its later updates, retransmitted end packets and stale reordered packets are ignored.
/// Media thread only.
class TelephoneEventReceiver
{
public:
    /// Returns the event code when this packet starts a new event, otherwise nullopt (also for malformed).
    std::optional<int> onPacket(std::uint32_t ssrc, std::uint32_t timestamp, std::span<const std::uint8_t> payload);
    void reset() { m_haveLast = false; }

private:
    bool m_haveLast = false;
    std::uint32_t m_lastSsrc = 0;
    std::uint32_t m_lastTimestamp = 0;
};

} // namespace Audio
