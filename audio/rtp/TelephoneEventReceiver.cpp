// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/TelephoneEventReceiver.h"

#include "audio/rtp/TelephoneEvent.h"

namespace Audio {

std::optional<int> TelephoneEventReceiver::onPacket(std::uint32_t ssrc, std::uint32_t timestamp,
                                                    std::span<const std::uint8_t> payload)
{
    const std::optional<TelephoneEvent> event = TelephoneEvent::parse(payload);
    if (!event)
        return std::nullopt;
    if (m_haveLast && ssrc == m_lastSsrc) {
        // Same event again, or an older one arriving late (timestamps compared modulo 2^32).
        if (static_cast<std::int32_t>(timestamp - m_lastTimestamp) <= 0)
            return std::nullopt;
    }
    m_haveLast = true;
    m_lastSsrc = ssrc;
    m_lastTimestamp = timestamp;
    return event->event;
}

} // namespace Audio
