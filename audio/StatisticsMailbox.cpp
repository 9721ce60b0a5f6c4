// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/StatisticsMailbox.h"

namespace Audio {

void StatisticsMailbox::publish(const CallStatistics &statistics)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_latest = statistics;
    ++m_generation;
}

CallStatistics StatisticsMailbox::latest() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_latest;
}

quint64 StatisticsMailbox::generation() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_generation;
}

} // namespace Audio
