// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/Resampler.h"

#include <speex/speex_resampler.h>

#include <algorithm>

namespace Audio {

void Resampler::StateDeleter::operator()(SpeexResamplerState_ *state) const
{
    speex_resampler_destroy(state);
}

Resampler::Resampler(int inputRateHz, int outputRateHz, int quality)
    : m_inputRateHz(inputRateHz), m_outputRateHz(outputRateHz)
{
    if (inputRateHz == outputRateHz)
        return;
    int error = RESAMPLER_ERR_SUCCESS;
    // The filter delay comes out as leading zeros, on purpose: skipping them (speex_resampler_skip_zeros)
    // makes the first calls return less than a frame, and callers that work in whole frames then carry
    // that shortfall as a standing backlog for the whole call (30 ms more per direction at 48 <-> 8 kHz).
    m_state.reset(speex_resampler_init(1, static_cast<spx_uint32_t>(inputRateHz),
                                       static_cast<spx_uint32_t>(outputRateHz), quality, &error));
}

Resampler::~Resampler() = default;

int Resampler::process(const float *input, int inputFrames, float *output, int maxOutputFrames)
{
    if (!m_state) {
        const int frames = std::min(inputFrames, maxOutputFrames);
        std::copy_n(input, frames, output);
        return frames;
    }
    spx_uint32_t inLength = static_cast<spx_uint32_t>(inputFrames);
    spx_uint32_t outLength = static_cast<spx_uint32_t>(maxOutputFrames);
    speex_resampler_process_float(m_state.get(), 0, input, &inLength, output, &outLength);
    return static_cast<int>(outLength);
}

int Resampler::outputFramesFor(int inputFrames) const
{
    const long long numerator = static_cast<long long>(inputFrames) * m_outputRateHz;
    return static_cast<int>((numerator + m_inputRateHz - 1) / m_inputRateHz);
}

void Resampler::reset()
{
    if (m_state)
        speex_resampler_reset_mem(m_state.get());
}

} // namespace Audio
