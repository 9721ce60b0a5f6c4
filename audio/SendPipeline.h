// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/MediaSessionConfig.h"
#include "audio/Resampler.h"
#include "audio/codecs/AudioCodec.h"
#include "audio/rtp/RtpSender.h"
#include "audio/rtp/TelephoneEventSender.h"

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace Audio {

class EchoCanceller;

/// Capture side of a call: device-rate frames → echo control → resample → encode → RTP datagrams, with
/// RFC 4733 events replacing audio while a digit is sent. Hands finished datagrams to a sink. All buffers
/// are allocated in the constructor. Media thread only.
class SendPipeline
{
public:
    using DatagramSink = std::function<void(std::span<const std::uint8_t>)>;

    SendPipeline(const MediaSessionConfig &config, int deviceRateHz, EchoCanceller *echoCanceller, DatagramSink sink);
    ~SendPipeline();

    bool isValid() const { return m_codec != nullptr; }
    /// Device samples per packet interval.
    int deviceFrameSamples() const { return m_deviceFrameSamples; }
    RtpSender &sender() { return m_sender; }
    const RtpSender &sender() const { return m_sender; }
    int rtpClockRateHz() const { return m_codec ? m_codec->rtpClockRateHz() : 0; }
    std::uint64_t telephoneEventsSent() const { return m_eventsSent; }

    /// Processes one packet interval of captured audio (deviceFrameSamples(); modified in place).
    /// transmit false keeps the clock running without sending (hold, inactive, no peer address).
    void processFrame(float *deviceSamples, bool transmit, bool muted);
    /// Queues DTMF digits as RFC 4733 events; false when events were not negotiated or a digit is invalid.
    bool queueDigit(char digit, int durationMs);

private:
    void sendInterval(bool transmit);
    void emitPacket(std::uint8_t payloadType, std::uint32_t timestamp, bool marker,
                    std::span<const std::uint8_t> payload);

    MediaSessionConfig m_config;
    EchoCanceller *m_echoCanceller;
    DatagramSink m_sink;
    std::unique_ptr<AudioCodec> m_codec;
    Resampler m_resampler;
    RtpSender m_sender;
    TelephoneEventSender m_events;
    int m_deviceFrameSamples;
    int m_codecFrameSamples;
    int m_rtpFrameUnits;
    std::vector<float> m_codecPcm; ///< resampled audio waiting to fill a codec frame
    int m_codecPcmFill = 0;
    std::vector<std::uint8_t> m_payload;
    std::vector<std::uint8_t> m_datagram;
    bool m_talkspurtStart = true;
    std::uint64_t m_eventsSent = 0;
};

} // namespace Audio
