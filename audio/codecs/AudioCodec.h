// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/codecs/CodecType.h"

#include <cstdint>
#include <memory>

namespace Audio {

/// Encoder settings that apply to codecs supporting them (Opus); G.711 ignores them.
struct CodecOptions
{
    bool dtx = false;
    int bitrate = 32000;
    int expectedLossPercent = 10;
};

/// One codec instance: an encoder and a decoder state for one call. PCM is mono float in [-1, 1] at
/// sampleRateHz(). Not thread-safe: the media thread owns it (the send and receive sides use separate
/// instances, so each is touched by one code path).
class AudioCodec
{
public:
    virtual ~AudioCodec();

    /// Creates a codec; nullptr for Invalid or when the library refuses the settings.
    static std::unique_ptr<AudioCodec> create(CodecType type, const CodecOptions &options = {});

    virtual CodecType type() const = 0;
    /// PCM rate of encode() input and decode() output.
    virtual int sampleRateHz() const = 0;
    /// RTP timestamp clock.
    virtual int rtpClockRateHz() const = 0;

    /// Encodes samples (one packet's worth, e.g. 20 ms). Returns payload bytes; 0 means "send nothing"
    /// (Opus DTX during silence); -1 on error.
    virtual int encode(const float *pcm, int samples, std::uint8_t *payload, int maxPayloadBytes) = 0;
    /// Decodes one payload into at most maxSamples samples; returns samples written or -1.
    virtual int decode(const std::uint8_t *payload, int payloadBytes, float *pcm, int maxSamples) = 0;
    /// Packet loss concealment: synthesises samples for a lost frame; returns samples written.
    virtual int conceal(float *pcm, int samples) = 0;
    /// Samples (at sampleRateHz()) that payload decodes to; -1 when it cannot tell.
    virtual int payloadSamples(const std::uint8_t *payload, int payloadBytes) const = 0;
};

} // namespace Audio
