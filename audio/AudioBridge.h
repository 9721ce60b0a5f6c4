// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/SpscRingBuffer.h"
#include "audio/devices/AudioStreamCallback.h"

#include <atomic>
#include <cstdint>

namespace Audio {

/// The hand-over point between a device's real-time thread and the call's media thread: two lock-free
/// rings, captured samples going up and samples to play going down. The device side writes the capture
/// ring and reads the playback ring; the media thread does the opposite. Allocates only in its constructor.
class AudioBridge : public AudioStreamCallback
{
public:
    explicit AudioBridge(std::size_t capacitySamples);

    // Real-time: copies into the capture ring; drops (and counts) what does not fit. No allocation, locks,
    // Qt or logging.
    void captured(const float *samples, int frames) noexcept override;
    // Real-time: copies from the playback ring; pads with silence (and counts an underrun) when the media
    // thread has not produced enough. No allocation, locks, Qt or logging.
    void render(float *samples, int frames) noexcept override;

    SpscRingBuffer<float> &captureRing() { return m_capture; }
    SpscRingBuffer<float> &playbackRing() { return m_playback; }
    std::uint64_t playbackUnderruns() const { return m_underruns.load(std::memory_order_relaxed); }
    std::uint64_t captureOverruns() const { return m_overruns.load(std::memory_order_relaxed); }
    /// Media thread: underruns count only once playback has started, not while the call is being set up.
    void setPlaybackStarted() { m_playbackStarted.store(true, std::memory_order_relaxed); }

private:
    SpscRingBuffer<float> m_capture;
    SpscRingBuffer<float> m_playback;
    std::atomic<std::uint64_t> m_underruns{0};
    std::atomic<std::uint64_t> m_overruns{0};
    std::atomic<bool> m_playbackStarted{false};
};

} // namespace Audio
