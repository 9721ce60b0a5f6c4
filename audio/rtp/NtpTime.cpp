// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/NtpTime.h"

namespace Audio {

namespace {
constexpr std::uint64_t kUnixToNtpSeconds = 2208988800ull; // 1900-01-01 to 1970-01-01
}

std::uint64_t NtpTime::fromSystemTime(std::chrono::system_clock::time_point time)
{
    const auto sinceEpoch = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch());
    const auto micros = static_cast<std::uint64_t>(sinceEpoch.count());
    const std::uint64_t seconds = micros / 1000000 + kUnixToNtpSeconds;
    const std::uint64_t fraction = ((micros % 1000000) << 32) / 1000000;
    return (seconds << 32) | fraction;
}

std::uint32_t NtpTime::compactDuration(std::chrono::microseconds duration)
{
    const auto micros = static_cast<std::uint64_t>(duration.count() < 0 ? 0 : duration.count());
    return static_cast<std::uint32_t>((micros << 16) / 1000000);
}

} // namespace Audio
