// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <atomic>
#include <memory>
#include <vector>

namespace webrtc {
class AudioProcessing;
}

namespace Audio {

/// Acoustic echo cancellation for one call over the WebRTC audio processing module (the 0.3 API Debian
/// ships): the far-end signal about to be played is analysed as reference, and the near-end microphone
/// signal has the echo removed, plus a high-pass filter. Works in 10 ms chunks at the device rate
/// (8, 16, 32 or 48 kHz); other lengths are chunked internally (a tail under 10 ms passes unprocessed).
/// Delay-agnostic mode, so the reported delay is only a hint. Disabled, it passes audio through.
/// The media thread calls everything; setEnabled() may be called from any thread.
class EchoCanceller
{
public:
    explicit EchoCanceller(int sampleRateHz);
    ~EchoCanceller();
    EchoCanceller(const EchoCanceller &) = delete;
    EchoCanceller &operator=(const EchoCanceller &) = delete;

    bool isAvailable() const { return m_processing != nullptr; }
    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    bool isEnabled() const { return m_enabled.load(); }
    /// Estimated time from analyseRender() of a sample to its echo reaching processCapture().
    void setDelayHintMs(int delayMs) { m_delayHintMs = delayMs; }

    /// Far-end audio just handed to the speaker.
    void analyseRender(const float *samples, int frames);
    /// Near-end microphone audio, processed in place.
    void processCapture(float *samples, int frames);

private:
    int m_sampleRateHz;
    int m_chunkFrames;
    std::vector<float> m_renderScratch;
    float m_renderDcInput = 0.0f;
    float m_renderDcState = 0.0f;
    int m_delayHintMs = 60;
    std::atomic<bool> m_enabled{true};
    std::unique_ptr<webrtc::AudioProcessing> m_processing;
};

} // namespace Audio
