// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/codecs/AudioCodec.h"

#include <memory>

struct OpusEncoder;
struct OpusDecoder;

namespace Audio {

/// Opus (RFC 6716/7587) at 48 kHz mono, VoIP application: in-band FEC on, DTX optional, decoder PLC for
/// lost frames. Owns one libopus encoder and decoder.
class OpusCodec : public AudioCodec
{
public:
    explicit OpusCodec(const CodecOptions &options = {});
    ~OpusCodec() override;

    bool isValid() const { return m_encoder && m_decoder; }

    CodecType type() const override { return CodecType::Opus; }
    int sampleRateHz() const override { return 48000; }
    int rtpClockRateHz() const override { return 48000; }
    int encode(const float *pcm, int samples, std::uint8_t *payload, int maxPayloadBytes) override;
    int decode(const std::uint8_t *payload, int payloadBytes, float *pcm, int maxSamples) override;
    int conceal(float *pcm, int samples) override;
    int payloadSamples(const std::uint8_t *payload, int payloadBytes) const override;

    /// Recovers a lost frame from the in-band FEC data of the packet that followed it.
    int recoverFromNext(const std::uint8_t *nextPayload, int payloadBytes, float *pcm, int samples);

private:
    struct EncoderDeleter
    {
        void operator()(OpusEncoder *encoder) const;
    };
    struct DecoderDeleter
    {
        void operator()(OpusDecoder *decoder) const;
    };

    std::unique_ptr<OpusEncoder, EncoderDeleter> m_encoder;
    std::unique_ptr<OpusDecoder, DecoderDeleter> m_decoder;
};

} // namespace Audio
