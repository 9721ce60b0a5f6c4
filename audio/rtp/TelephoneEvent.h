// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace Audio {

/// The 4-byte RFC 4733 telephone-event payload (§2.3): event code, end bit, volume, duration.
struct TelephoneEvent
{
    static constexpr std::size_t kPayloadBytes = 4;

    std::uint8_t event = 0; ///< 0-9, 10 '*', 11 '#', 12-15 'A'-'D'
    bool end = false;
    std::uint8_t volume = 10;   ///< -dBm0, 0..63
    std::uint16_t duration = 0; ///< in the event's RTP clock units

    /// Parses a payload; nullopt when shorter than 4 bytes. Longer payloads (redundancy) use the first event.
    static std::optional<TelephoneEvent> parse(std::span<const std::uint8_t> payload);
    std::array<std::uint8_t, kPayloadBytes> serialize() const;

    /// DTMF digit for an event code ('0'-'9', '*', '#', 'A'-'D'); '\0' for other codes.
    static char toDigit(int event);
    /// Event code for a DTMF digit (case-insensitive letters); -1 for anything else.
    static int fromDigit(char digit);

    friend bool operator==(const TelephoneEvent &, const TelephoneEvent &) = default;
};

} // namespace Audio
