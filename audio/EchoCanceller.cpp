// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/EchoCanceller.h"

#include <webrtc/modules/audio_processing/include/audio_processing.h>

namespace Audio {

namespace {
constexpr float kDcBlockPole = 0.995f;
}

EchoCanceller::EchoCanceller(int sampleRateHz)
    : m_sampleRateHz(sampleRateHz), m_chunkFrames(sampleRateHz / 100),
      m_renderScratch(static_cast<std::size_t>(m_chunkFrames))
{
    webrtc::Config config;
    config.Set<webrtc::ExtendedFilter>(new webrtc::ExtendedFilter(true));
    config.Set<webrtc::DelayAgnostic>(new webrtc::DelayAgnostic(true));
    m_processing.reset(webrtc::AudioProcessing::Create(config));
    if (!m_processing)
        return;
    m_processing->high_pass_filter()->Enable(true);
    m_processing->echo_cancellation()->enable_drift_compensation(false);
    m_processing->echo_cancellation()->set_suppression_level(webrtc::EchoCancellation::kModerateSuppression);
    m_processing->echo_cancellation()->Enable(true);
}

EchoCanceller::~EchoCanceller() = default;

void EchoCanceller::analyseRender(const float *samples, int frames)
{
    if (!m_processing || !isEnabled())
        return;
    const webrtc::StreamConfig stream(m_sampleRateHz, 1);
    for (int offset = 0; offset + m_chunkFrames <= frames; offset += m_chunkFrames) {
        // DC-block the reference: a far end that sends digital silence through G.711 decodes to a small
        // constant offset, which the canceller otherwise takes for echo and uses to suppress the near end.
        for (int i = 0; i < m_chunkFrames; ++i) {
            const float x = samples[offset + i];
            m_renderDcState = x - m_renderDcInput + kDcBlockPole * m_renderDcState;
            m_renderDcInput = x;
            m_renderScratch[static_cast<std::size_t>(i)] = m_renderDcState;
        }
        const float *channels[1] = {m_renderScratch.data()};
        // The reverse stream is only analysed; ProcessReverseStream may write back into the same buffer.
        float *outputs[1] = {m_renderScratch.data()};
        m_processing->ProcessReverseStream(channels, stream, stream, outputs);
    }
}

void EchoCanceller::processCapture(float *samples, int frames)
{
    if (!m_processing || !isEnabled())
        return;
    const webrtc::StreamConfig stream(m_sampleRateHz, 1);
    for (int offset = 0; offset + m_chunkFrames <= frames; offset += m_chunkFrames) {
        float *channel[1] = {samples + offset};
        m_processing->set_stream_delay_ms(m_delayHintMs);
        m_processing->ProcessStream(channel, stream, stream, channel);
    }
}

} // namespace Audio
