// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/TelephoneEvent.h"

namespace Audio {

namespace {
constexpr char kDigits[] = "0123456789*#ABCD";
constexpr int kDigitCount = 16;
} // namespace

std::optional<TelephoneEvent> TelephoneEvent::parse(std::span<const std::uint8_t> payload)
{
    if (payload.size() < kPayloadBytes)
        return std::nullopt;
    TelephoneEvent event;
    event.event = payload[0];
    event.end = (payload[1] & 0x80) != 0;
    event.volume = payload[1] & 0x3F;
    event.duration = static_cast<std::uint16_t>((payload[2] << 8) | payload[3]);
    return event;
}

std::array<std::uint8_t, TelephoneEvent::kPayloadBytes> TelephoneEvent::serialize() const
{
    return {event, static_cast<std::uint8_t>((end ? 0x80 : 0) | (volume & 0x3F)),
            static_cast<std::uint8_t>(duration >> 8), static_cast<std::uint8_t>(duration)};
}

char TelephoneEvent::toDigit(int event)
{
    return event >= 0 && event < kDigitCount ? kDigits[event] : '\0';
}

int TelephoneEvent::fromDigit(char digit)
{
    if (digit >= 'a' && digit <= 'd')
        digit = static_cast<char>(digit - 'a' + 'A');
    for (int i = 0; i < kDigitCount; ++i) {
        if (kDigits[i] == digit)
            return i;
    }
    return -1;
}

} // namespace Audio
