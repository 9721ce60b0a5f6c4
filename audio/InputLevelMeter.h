// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/devices/AudioStreamCallback.h"

#include <atomic>

namespace Audio {

/// A stream callback that measures the microphone (peak of each buffer) and plays silence: the level
/// meter of the audio preferences. The device's real-time thread writes the level; any thread reads it
/// (a latest-value mailbox: no locks, no queue).
class InputLevelMeter : public AudioStreamCallback
{
public:
    /// Peak since the last call, 0..1 (samples are clipped to ±1); resets the peak.
    float takePeak() noexcept;
    /// Buffers captured so far: tells a silent microphone from a stream that delivers nothing.
    unsigned long capturedBuffers() const noexcept { return m_buffers.load(std::memory_order_relaxed); }

    // Real-time thread: only arithmetic and relaxed atomics, no allocation, no locks, no logging.
    void captured(const float *samples, int frames) noexcept override;
    void render(float *samples, int frames) noexcept override;

private:
    std::atomic<float> m_peak{0.0f};
    std::atomic<unsigned long> m_buffers{0};
};

} // namespace Audio
