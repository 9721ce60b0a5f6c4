// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/PacedClock.h"

namespace Audio {

namespace {
constexpr int kMaxCatchUpPeriods = 20;
} // namespace

PacedClock::~PacedClock()
{
    stop();
}

void PacedClock::start(std::chrono::microseconds period, std::function<void()> tick)
{
    stop();
    m_period = period;
    m_tick = std::move(tick);
    m_running.store(true);
    m_thread = std::thread([this] { run(); });
}

void PacedClock::stop()
{
    m_running.store(false);
    if (m_thread.joinable())
        m_thread.join();
}

void PacedClock::run()
{
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now();
    while (m_running.load(std::memory_order_relaxed)) {
        m_tick();
        deadline += m_period;
        const auto now = Clock::now();
        if (now - deadline > m_period * kMaxCatchUpPeriods)
            deadline = now; // stalled far behind: restart the schedule rather than burst
        if (deadline > now)
            std::this_thread::sleep_until(deadline);
    }
}

} // namespace Audio
