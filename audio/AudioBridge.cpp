// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/AudioBridge.h"

#include <algorithm>

namespace Audio {

AudioBridge::AudioBridge(std::size_t capacitySamples) : m_capture(capacitySamples), m_playback(capacitySamples) {}

// Real-time thread: lock-free ring write only.
void AudioBridge::captured(const float *samples, int frames) noexcept
{
    const auto count = static_cast<std::size_t>(frames);
    if (m_capture.write(samples, count) < count)
        m_overruns.fetch_add(1, std::memory_order_relaxed);
}

// Real-time thread: lock-free ring read only.
void AudioBridge::render(float *samples, int frames) noexcept
{
    const auto count = static_cast<std::size_t>(frames);
    const std::size_t got = m_playback.read(samples, count);
    if (got < count) {
        std::fill(samples + got, samples + count, 0.0f);
        if (m_playbackStarted.load(std::memory_order_relaxed))
            m_underruns.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace Audio
