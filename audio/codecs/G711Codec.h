// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/codecs/AudioCodec.h"

#include <array>

namespace Audio {

/// G.711 µ-law (PCMU) and A-law (PCMA) at 8 kHz, one byte per sample. Loss concealment repeats the last
/// decoded frame with fading, then falls silent.
class G711Codec : public AudioCodec
{
public:
    enum class Law
    {
        MuLaw,
        ALaw
    };

    explicit G711Codec(Law law);

    CodecType type() const override;
    int sampleRateHz() const override { return 8000; }
    int rtpClockRateHz() const override { return 8000; }
    int encode(const float *pcm, int samples, std::uint8_t *payload, int maxPayloadBytes) override;
    int decode(const std::uint8_t *payload, int payloadBytes, float *pcm, int maxSamples) override;
    int conceal(float *pcm, int samples) override;
    int payloadSamples(const std::uint8_t *payload, int payloadBytes) const override;

    static std::uint8_t linearToMuLaw(std::int16_t sample);
    static std::int16_t muLawToLinear(std::uint8_t code);
    static std::uint8_t linearToALaw(std::int16_t sample);
    static std::int16_t aLawToLinear(std::uint8_t code);

private:
    static constexpr int kHistorySamples = 480; // 60 ms
    Law m_law;
    std::array<float, kHistorySamples> m_lastFrame{};
    int m_lastFrameSamples = 0;
    int m_concealedInRow = 0;
};

} // namespace Audio
