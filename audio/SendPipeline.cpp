// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/SendPipeline.h"

#include "audio/EchoCanceller.h"

#include <algorithm>
#include <chrono>

namespace Audio {

namespace {
constexpr int kMaxPayloadBytes = 1500;
constexpr int kMaxHeaderBytes = 64;

CodecOptions codecOptions(const MediaSessionConfig &config)
{
    CodecOptions options;
    options.dtx = config.opusDtx;
    options.bitrate = config.opusBitrate;
    options.expectedLossPercent = config.opusExpectedLossPercent;
    return options;
}
} // namespace

SendPipeline::SendPipeline(const MediaSessionConfig &config, int deviceRateHz, EchoCanceller *echoCanceller,
                           DatagramSink sink)
    : m_config(config), m_echoCanceller(echoCanceller), m_sink(std::move(sink)),
      m_codec(AudioCodec::create(config.codec, codecOptions(config))),
      m_resampler(deviceRateHz, m_codec ? m_codec->sampleRateHz() : deviceRateHz),
      m_events(config.telephoneEventClockRateHz, config.ptimeMs),
      m_deviceFrameSamples(deviceRateHz * config.ptimeMs / 1000),
      m_codecFrameSamples(m_codec ? m_codec->sampleRateHz() * config.ptimeMs / 1000 : 0),
      m_rtpFrameUnits(m_codec ? m_codec->rtpClockRateHz() * config.ptimeMs / 1000 : 0), m_payload(kMaxPayloadBytes),
      m_datagram(kMaxPayloadBytes + kMaxHeaderBytes)
{
    // Room for two frames: a resampler call may yield a few samples more than one frame.
    m_codecPcm.resize(static_cast<std::size_t>(std::max(1, m_codecFrameSamples) * 2 + 64));
}

SendPipeline::~SendPipeline() = default;

bool SendPipeline::queueDigit(char digit, int durationMs)
{
    if (m_config.telephoneEventPayloadType < 0)
        return false;
    return m_events.queue(digit, durationMs);
}

void SendPipeline::processFrame(float *deviceSamples, bool transmit, bool muted)
{
    if (!m_codec)
        return;
    if (m_echoCanceller)
        m_echoCanceller->processCapture(deviceSamples, m_deviceFrameSamples);
    if (muted)
        std::fill_n(deviceSamples, m_deviceFrameSamples, 0.0f);
    const int room = static_cast<int>(m_codecPcm.size()) - m_codecPcmFill;
    m_codecPcmFill +=
        m_resampler.process(deviceSamples, m_deviceFrameSamples, m_codecPcm.data() + m_codecPcmFill, room);
    while (m_codecPcmFill >= m_codecFrameSamples) {
        sendInterval(transmit);
        std::copy(m_codecPcm.begin() + m_codecFrameSamples, m_codecPcm.begin() + m_codecPcmFill, m_codecPcm.begin());
        m_codecPcmFill -= m_codecFrameSamples;
    }
}

void SendPipeline::sendInterval(bool transmit)
{
    const std::uint32_t timestamp = m_sender.timestamp();
    TelephoneEventSender::Packets eventPackets;
    const int eventCount = m_events.isBusy() ? m_events.next(timestamp, eventPackets) : 0;
    if (eventCount > 0) {
        for (int i = 0; i < eventCount && transmit; ++i) {
            const auto &packet = eventPackets[static_cast<std::size_t>(i)];
            emitPacket(static_cast<std::uint8_t>(m_config.telephoneEventPayloadType), packet.timestamp, packet.marker,
                       packet.payload);
        }
        if (eventCount == TelephoneEventSender::kEndRetransmissions)
            ++m_eventsSent;
        m_talkspurtStart = true; // audio resumes as a new talkspurt
    } else if (transmit) {
        const int bytes = m_codec->encode(m_codecPcm.data(), m_codecFrameSamples, m_payload.data(),
                                          static_cast<int>(m_payload.size()));
        if (bytes > 0) {
            emitPacket(static_cast<std::uint8_t>(m_config.payloadType), timestamp, m_talkspurtStart,
                       std::span<const std::uint8_t>(m_payload.data(), static_cast<std::size_t>(bytes)));
            m_talkspurtStart = false;
        } else {
            m_talkspurtStart = true; // DTX: the next packet starts a talkspurt
        }
    } else {
        m_talkspurtStart = true;
    }
    m_sender.advance(static_cast<std::uint32_t>(m_rtpFrameUnits));
}

void SendPipeline::emitPacket(std::uint8_t payloadType, std::uint32_t timestamp, bool marker,
                              std::span<const std::uint8_t> payload)
{
    const RtpPacket packet = m_sender.makePacket(payloadType, timestamp, marker, payload);
    const std::size_t size = packet.serialize(m_datagram);
    if (size == 0)
        return;
    m_sink(std::span<const std::uint8_t>(m_datagram.data(), size));
    m_sender.countSent(payload.size(), timestamp, std::chrono::steady_clock::now());
}

} // namespace Audio
