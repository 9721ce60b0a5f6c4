// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/CallStatistics.h"

#include <mutex>

namespace Audio {

/// Latest-value mailbox for CallStatistics: the media thread publishes a snapshot a few times per second,
/// any other thread (typically a UI timer) reads the newest one. Older values are simply overwritten, so
/// nothing queues up and no signal is sent per packet. The lock is held only for a struct copy and is
/// never taken on a real-time audio thread.
class StatisticsMailbox
{
public:
    void publish(const CallStatistics &statistics);
    CallStatistics latest() const;
    /// How many snapshots were published so far.
    quint64 generation() const;

private:
    mutable std::mutex m_mutex;
    CallStatistics m_latest;
    quint64 m_generation = 0;
};

} // namespace Audio
