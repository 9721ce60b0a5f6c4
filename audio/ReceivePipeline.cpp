// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/ReceivePipeline.h"

#include "audio/EchoCanceller.h"
#include "audio/rtp/RtpPacket.h"
#include "audio/rtp/TelephoneEvent.h"

#include <algorithm>

namespace Audio {

namespace {
constexpr int kMaxPayloadBytes = 1500;
constexpr int kMaxDecodedMs = 120; // longest Opus packet
// After this long without audio the peer is taken to be silent (DTX, hold): play silence, not PLC.
constexpr auto kSilentPeer = std::chrono::milliseconds(500);
} // namespace

ReceivePipeline::ReceivePipeline(const MediaSessionConfig &config, int deviceRateHz, EchoCanceller *echoCanceller)
    : m_config(config), m_echoCanceller(echoCanceller), m_codec(AudioCodec::create(config.codec)),
      m_resampler(m_codec ? m_codec->sampleRateHz() : deviceRateHz, deviceRateHz),
      m_jitterBuffer(m_codec ? m_codec->rtpClockRateHz() * config.ptimeMs / 1000 : 160),
      m_statistics(m_codec ? m_codec->rtpClockRateHz() : 8000),
      m_deviceFrameSamples(deviceRateHz * config.ptimeMs / 1000),
      m_codecFrameSamples(m_codec ? m_codec->sampleRateHz() * config.ptimeMs / 1000 : 0),
      m_rtpFrameUnits(m_codec ? m_codec->rtpClockRateHz() * config.ptimeMs / 1000 : 0), m_payload(kMaxPayloadBytes),
      m_decoded(static_cast<std::size_t>(m_codec ? m_codec->sampleRateHz() * kMaxDecodedMs / 1000 : 1))
{
}

ReceivePipeline::~ReceivePipeline() = default;

void ReceivePipeline::resetSource()
{
    m_haveSsrc = false;
    m_haveAudio = false;
    m_statistics.reset();
    m_events.reset();
    m_jitterBuffer.reset();
}

ReceivePipeline::PacketResult ReceivePipeline::onPacket(const RtpPacket &packet,
                                                        std::chrono::steady_clock::time_point arrival,
                                                        std::optional<char> &digit)
{
    const bool isAudio = packet.payloadType == m_config.payloadType;
    const bool isEvent =
        m_config.telephoneEventPayloadType >= 0 && packet.payloadType == m_config.telephoneEventPayloadType;
    if (!isAudio && !isEvent)
        return PacketResult::UnknownPayload;
    if (m_haveSsrc && packet.ssrc != m_remoteSsrc)
        resetSource(); // the peer restarted its stream
    m_haveSsrc = true;
    m_remoteSsrc = packet.ssrc;
    if (!m_statistics.updateSequence(packet.sequenceNumber))
        return PacketResult::SequenceRejected;
    m_octetsReceived += packet.payload.size();

    if (isEvent) {
        if (const std::optional<int> event = m_events.onPacket(packet.ssrc, packet.timestamp, packet.payload)) {
            digit = TelephoneEvent::toDigit(*event);
            ++m_eventsReceived;
        }
        return PacketResult::TelephoneEvent;
    }
    const auto arrivalUs = std::chrono::duration_cast<std::chrono::microseconds>(arrival - m_epoch).count();
    m_statistics.updateJitter(packet.timestamp, arrivalUs);
    const int samples = m_codec->payloadSamples(packet.payload.data(), static_cast<int>(packet.payload.size()));
    const auto spanUnits = static_cast<std::uint32_t>(
        samples > 0 ? static_cast<long long>(samples) * m_codec->rtpClockRateHz() / m_codec->sampleRateHz()
                    : m_rtpFrameUnits);
    if (m_haveAudio && arrival - m_lastAudioArrival > kSilentPeer)
        m_jitterBuffer.reset(); // resynchronise after a pause instead of draining a stale timeline
    m_jitterBuffer.put(packet.payload, packet.timestamp, spanUnits, packet.sequenceNumber);
    m_haveAudio = true;
    m_lastAudioArrival = arrival;
    return PacketResult::Audio;
}

int ReceivePipeline::decodeNext()
{
    std::span<std::uint8_t> payload;
    std::uint32_t timestamp = 0;
    const JitterBuffer::Result result = m_jitterBuffer.get(m_payload, payload, timestamp);
    if (result == JitterBuffer::Result::Packet) {
        const int samples = m_codec->decode(payload.data(), static_cast<int>(payload.size()), m_decoded.data(),
                                            static_cast<int>(m_decoded.size()));
        if (samples > 0)
            return samples;
    }
    ++m_concealedFrames;
    return m_codec->conceal(m_decoded.data(), m_codecFrameSamples);
}

int ReceivePipeline::produce(float *out, int maxSamples, bool play)
{
    if (!m_codec)
        return 0;
    if (play && !m_wasPlaying)
        m_jitterBuffer.reset(); // coming off hold: start from fresh packets
    m_wasPlaying = play;

    int codecSamples = m_codecFrameSamples;
    const bool peerSilent = !m_haveAudio || std::chrono::steady_clock::now() - m_lastAudioArrival > kSilentPeer;
    if (!play || peerSilent)
        std::fill_n(m_decoded.begin(), codecSamples, 0.0f);
    else
        codecSamples = decodeNext();

    const int written = m_resampler.process(m_decoded.data(), codecSamples, out, maxSamples);
    if (m_echoCanceller)
        m_echoCanceller->analyseRender(out, written);
    return written;
}

} // namespace Audio
