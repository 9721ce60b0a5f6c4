// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/OpusCodec.h"

#include <opus.h>

namespace Audio {

namespace {
constexpr int kSampleRateHz = 48000;
constexpr int kChannels = 1;
// A DTX frame encodes to one or two bytes; RFC 7587 says not to send those.
constexpr int kDtxFrameBytes = 2;
} // namespace

void OpusCodec::EncoderDeleter::operator()(OpusEncoder *encoder) const
{
    opus_encoder_destroy(encoder);
}

void OpusCodec::DecoderDeleter::operator()(OpusDecoder *decoder) const
{
    opus_decoder_destroy(decoder);
}

OpusCodec::OpusCodec(const CodecOptions &options)
{
    int error = OPUS_OK;
    m_encoder.reset(opus_encoder_create(kSampleRateHz, kChannels, OPUS_APPLICATION_VOIP, &error));
    if (error != OPUS_OK) {
        m_encoder.reset();
        return;
    }
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_BITRATE(options.bitrate));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_INBAND_FEC(1));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_PACKET_LOSS_PERC(options.expectedLossPercent));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_DTX(options.dtx ? 1 : 0));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    m_decoder.reset(opus_decoder_create(kSampleRateHz, kChannels, &error));
    if (error != OPUS_OK)
        m_decoder.reset();
}

OpusCodec::~OpusCodec() = default;

int OpusCodec::encode(const float *pcm, int samples, std::uint8_t *payload, int maxPayloadBytes)
{
    const opus_int32 bytes = opus_encode_float(m_encoder.get(), pcm, samples, payload, maxPayloadBytes);
    if (bytes < 0)
        return -1;
    return bytes <= kDtxFrameBytes ? 0 : bytes;
}

int OpusCodec::decode(const std::uint8_t *payload, int payloadBytes, float *pcm, int maxSamples)
{
    const int samples = opus_decode_float(m_decoder.get(), payload, payloadBytes, pcm, maxSamples, 0);
    return samples < 0 ? -1 : samples;
}

int OpusCodec::conceal(float *pcm, int samples)
{
    const int produced = opus_decode_float(m_decoder.get(), nullptr, 0, pcm, samples, 0);
    return produced < 0 ? 0 : produced;
}

int OpusCodec::recoverFromNext(const std::uint8_t *nextPayload, int payloadBytes, float *pcm, int samples)
{
    const int produced = opus_decode_float(m_decoder.get(), nextPayload, payloadBytes, pcm, samples, 1);
    return produced < 0 ? conceal(pcm, samples) : produced;
}

int OpusCodec::payloadSamples(const std::uint8_t *payload, int payloadBytes) const
{
    const int samples = opus_packet_get_nb_samples(payload, payloadBytes, kSampleRateHz);
    return samples < 0 ? -1 : samples;
}

} // namespace Audio
