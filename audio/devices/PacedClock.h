// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace Audio {

/// A thread that calls a tick function once per period at real-time pace, standing in for a sound card's
/// interrupt in FileBackend and NullBackend. Deadlines are absolute, so a late tick is caught up; after a
/// long stall (the machine was suspended or overloaded) the schedule restarts instead of bursting.
class PacedClock
{
public:
    PacedClock() = default;
    ~PacedClock();
    PacedClock(const PacedClock &) = delete;
    PacedClock &operator=(const PacedClock &) = delete;

    /// Starts the thread; tick runs on it until stop().
    void start(std::chrono::microseconds period, std::function<void()> tick);
    /// Stops and joins the thread. Safe to call when not running.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

private:
    void run();

    std::chrono::microseconds m_period{10000};
    std::function<void()> m_tick;
    std::atomic<bool> m_running{false};
    std::thread m_thread;
};

} // namespace Audio
