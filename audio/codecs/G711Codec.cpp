// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/G711Codec.h"

#include <algorithm>
#include <cmath>

namespace Audio {

namespace {
constexpr int kMuLawBias = 0x84;
constexpr int kMuLawClip = 8159; // 14-bit magnitude limit
constexpr int kFadeFrames = 3;
// Upper ends of the eight companding segments (ITU-T G.711, as in the classic reference implementation).
constexpr std::array<int, 8> kALawSegmentEnds = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
constexpr std::array<int, 8> kMuLawSegmentEnds = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};

std::int16_t toInt16(float sample)
{
    const float scaled = std::clamp(sample, -1.0f, 1.0f) * 32767.0f;
    return static_cast<std::int16_t>(std::lrint(scaled));
}

int segmentOf(int magnitude, const std::array<int, 8> &ends)
{
    int segment = 0;
    while (segment < 8 && magnitude > ends[static_cast<std::size_t>(segment)])
        ++segment;
    return segment;
}
} // namespace

G711Codec::G711Codec(Law law) : m_law(law) {}

CodecType G711Codec::type() const
{
    return m_law == Law::MuLaw ? CodecType::Pcmu : CodecType::Pcma;
}

std::uint8_t G711Codec::linearToMuLaw(std::int16_t sample)
{
    int value = sample >> 2;
    int mask = 0xFF;
    if (value < 0) {
        value = -value;
        mask = 0x7F;
    }
    value = std::min(value, kMuLawClip) + (kMuLawBias >> 2);
    const int segment = segmentOf(value, kMuLawSegmentEnds);
    if (segment >= 8)
        return static_cast<std::uint8_t>(0x7F ^ mask);
    const int code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
    return static_cast<std::uint8_t>(code ^ mask);
}

std::int16_t G711Codec::muLawToLinear(std::uint8_t code)
{
    const int inverted = ~code & 0xFF;
    int magnitude = ((inverted & 0x0F) << 3) + kMuLawBias;
    magnitude <<= (inverted & 0x70) >> 4;
    return static_cast<std::int16_t>((inverted & 0x80) ? (kMuLawBias - magnitude) : (magnitude - kMuLawBias));
}

std::uint8_t G711Codec::linearToALaw(std::int16_t sample)
{
    int value = sample >> 3;
    int mask = 0xD5;
    if (value < 0) {
        mask = 0x55;
        value = -value - 1;
    }
    const int segment = segmentOf(value, kALawSegmentEnds);
    if (segment >= 8)
        return static_cast<std::uint8_t>(0x7F ^ mask);
    int code = segment << 4;
    code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
    return static_cast<std::uint8_t>(code ^ mask);
}

std::int16_t G711Codec::aLawToLinear(std::uint8_t code)
{
    const int value = code ^ 0x55;
    int magnitude = (value & 0x0F) << 4;
    const int segment = (value & 0x70) >> 4;
    if (segment == 0)
        magnitude += 8;
    else if (segment == 1)
        magnitude += 0x108;
    else
        magnitude = (magnitude + 0x108) << (segment - 1);
    return static_cast<std::int16_t>((value & 0x80) ? magnitude : -magnitude);
}

int G711Codec::encode(const float *pcm, int samples, std::uint8_t *payload, int maxPayloadBytes)
{
    if (samples > maxPayloadBytes)
        return -1;
    for (int i = 0; i < samples; ++i) {
        const std::int16_t linear = toInt16(pcm[i]);
        payload[i] = m_law == Law::MuLaw ? linearToMuLaw(linear) : linearToALaw(linear);
    }
    return samples;
}

int G711Codec::decode(const std::uint8_t *payload, int payloadBytes, float *pcm, int maxSamples)
{
    const int samples = std::min(payloadBytes, maxSamples);
    for (int i = 0; i < samples; ++i) {
        const std::int16_t linear = m_law == Law::MuLaw ? muLawToLinear(payload[i]) : aLawToLinear(payload[i]);
        pcm[i] = static_cast<float>(linear) / 32768.0f;
    }
    m_lastFrameSamples = std::min(samples, kHistorySamples);
    std::copy_n(pcm, m_lastFrameSamples, m_lastFrame.begin());
    m_concealedInRow = 0;
    return samples;
}

int G711Codec::conceal(float *pcm, int samples)
{
    ++m_concealedInRow;
    const float gain = m_concealedInRow > kFadeFrames
                           ? 0.0f
                           : 1.0f - static_cast<float>(m_concealedInRow) / static_cast<float>(kFadeFrames + 1);
    for (int i = 0; i < samples; ++i) {
        const float last =
            m_lastFrameSamples > 0 ? m_lastFrame[static_cast<std::size_t>(i % m_lastFrameSamples)] : 0.0f;
        pcm[i] = last * gain;
    }
    return samples;
}

int G711Codec::payloadSamples(const std::uint8_t *, int payloadBytes) const
{
    return payloadBytes;
}

} // namespace Audio
