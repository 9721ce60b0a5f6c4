// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/JitterBuffer.h"
#include "audio/MediaSessionConfig.h"
#include "audio/Resampler.h"
#include "audio/codecs/AudioCodec.h"
#include "audio/rtp/RtpReceiveStatistics.h"
#include "audio/rtp/TelephoneEventReceiver.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace Audio {

class EchoCanceller;
struct RtpPacket;

/// Playback side of a call: accepted RTP packets → statistics → jitter buffer (audio) or event detection
/// (RFC 4733); on the playout clock: jitter buffer → decode or PLC → resample to the device rate → echo
/// reference. Buffers are allocated in the constructor. Media thread only.
class ReceivePipeline
{
public:
    enum class PacketResult
    {
        Invalid = 0,
        Audio,            ///< buffered for playout
        TelephoneEvent,   ///< an RFC 4733 packet (see the returned digit)
        SequenceRejected, ///< probation or an unconfirmed sequence jump: not played
        UnknownPayload,   ///< payload type not negotiated
    };

    ReceivePipeline(const MediaSessionConfig &config, int deviceRateHz, EchoCanceller *echoCanceller);
    ~ReceivePipeline();

    bool isValid() const { return m_codec != nullptr; }

    /// Feeds an RTP packet from the accepted peer. digit is set when it starts a new telephone event.
    PacketResult onPacket(const RtpPacket &packet, std::chrono::steady_clock::time_point arrival,
                          std::optional<char> &digit);

    /// Produces the next packet interval of device-rate audio into out (at least maxSamples room);
    /// returns samples written (the resampler may yield a few more or fewer than one interval).
    /// play false yields silence and skips the jitter buffer (hold, sendonly).
    int produce(float *out, int maxSamples, bool play);
    int deviceFrameSamples() const { return m_deviceFrameSamples; }

    const RtpReceiveStatistics &statistics() const { return m_statistics; }
    RtpReceiveStatistics &statistics() { return m_statistics; }
    bool hasSource() const { return m_haveSsrc; }
    std::uint32_t remoteSsrc() const { return m_remoteSsrc; }
    std::uint64_t octetsReceived() const { return m_octetsReceived; }
    std::uint64_t concealedFrames() const { return m_concealedFrames; }
    std::uint64_t telephoneEventsReceived() const { return m_eventsReceived; }
    /// Forgets the current source (new peer address or SSRC).
    void resetSource();

private:
    int decodeNext();

    MediaSessionConfig m_config;
    EchoCanceller *m_echoCanceller;
    std::unique_ptr<AudioCodec> m_codec;
    Resampler m_resampler;
    JitterBuffer m_jitterBuffer;
    RtpReceiveStatistics m_statistics;
    TelephoneEventReceiver m_events;
    int m_deviceFrameSamples;
    int m_codecFrameSamples;
    int m_rtpFrameUnits;
    std::vector<std::uint8_t> m_payload;
    std::vector<float> m_decoded;
    std::chrono::steady_clock::time_point m_epoch = std::chrono::steady_clock::now();
    bool m_haveSsrc = false;
    std::uint32_t m_remoteSsrc = 0;
    bool m_haveAudio = false;
    bool m_wasPlaying = false;
    std::chrono::steady_clock::time_point m_lastAudioArrival;
    std::uint64_t m_octetsReceived = 0;
    std::uint64_t m_concealedFrames = 0;
    std::uint64_t m_eventsReceived = 0;
};

} // namespace Audio
