// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

namespace Audio {

/// Receiver of device audio, implemented by the media layer and called by an AudioDevice backend from its
/// real-time thread (PortAudio's callback thread, or FileBackend/NullBackend's clock thread).
/// Implementations only move samples between the device and preallocated buffers: no allocation, no locks,
/// no Qt, no logging. Samples are mono float in [-1, 1] at the device's sampleRateHz().
class AudioStreamCallback
{
public:
    virtual ~AudioStreamCallback() = default;

    /// Real-time: microphone samples just captured.
    virtual void captured(const float *samples, int frames) noexcept = 0;
    /// Real-time: fill samples with what the speaker plays next.
    virtual void render(float *samples, int frames) noexcept = 0;
};

} // namespace Audio
