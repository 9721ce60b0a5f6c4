// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <chrono>
#include <cstdint>

namespace Audio {

/// 64-bit NTP timestamps (seconds since 1900 in 32.32 fixed point) as RTCP sender reports carry them,
/// and the "middle 32 bits" form used by LSR/DLSR round-trip computation (RFC 3550 §6.4.1).
class NtpTime
{
public:
    static std::uint64_t fromSystemTime(std::chrono::system_clock::time_point time);
    static std::uint64_t now() { return fromSystemTime(std::chrono::system_clock::now()); }
    /// Middle 32 bits: 16.16 fixed point seconds.
    static std::uint32_t compact(std::uint64_t ntp) { return static_cast<std::uint32_t>(ntp >> 16); }
    /// A duration in 1/65536 s units (DLSR).
    static std::uint32_t compactDuration(std::chrono::microseconds duration);
    /// Converts 1/65536 s units to milliseconds.
    static double compactToMs(std::uint32_t compact) { return compact * 1000.0 / 65536.0; }
};

} // namespace Audio
