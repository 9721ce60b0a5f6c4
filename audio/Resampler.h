// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <memory>

struct SpeexResamplerState_;

namespace Audio {

/// Streaming mono sample-rate converter (libspeexdsp), or a plain copy when both rates are equal.
/// Keeps filter state between calls, so feed one continuous stream per instance. One thread at a time.
class Resampler
{
public:
    Resampler(int inputRateHz, int outputRateHz, int quality = 5);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    int inputRateHz() const { return m_inputRateHz; }
    int outputRateHz() const { return m_outputRateHz; }
    bool isPassthrough() const { return !m_state; }

    /// Converts all inputFrames samples (unless output is too small); returns samples written to output.
    int process(const float *input, int inputFrames, float *output, int maxOutputFrames);
    /// Output samples that inputFrames input samples yield, rounded up.
    int outputFramesFor(int inputFrames) const;
    void reset();

private:
    struct StateDeleter
    {
        void operator()(SpeexResamplerState_ *state) const;
    };

    int m_inputRateHz;
    int m_outputRateHz;
    std::unique_ptr<SpeexResamplerState_, StateDeleter> m_state;
};

} // namespace Audio
