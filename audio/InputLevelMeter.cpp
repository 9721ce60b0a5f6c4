// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/InputLevelMeter.h"

#include <algorithm>
#include <cmath>

namespace Audio {

float InputLevelMeter::takePeak() noexcept
{
    return m_peak.exchange(0.0f, std::memory_order_relaxed);
}

void InputLevelMeter::captured(const float *samples, int frames) noexcept
{
    float peak = 0.0f;
    for (int i = 0; i < frames; ++i)
        peak = std::max(peak, std::fabs(samples[i]));
    peak = std::min(peak, 1.0f);
    float previous = m_peak.load(std::memory_order_relaxed);
    while (peak > previous && !m_peak.compare_exchange_weak(previous, peak, std::memory_order_relaxed)) {
    }
    m_buffers.fetch_add(1, std::memory_order_relaxed);
}

void InputLevelMeter::render(float *samples, int frames) noexcept
{
    std::fill(samples, samples + frames, 0.0f);
}

} // namespace Audio
