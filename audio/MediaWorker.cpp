// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/MediaWorker.h"

#include "audio/EchoCanceller.h"
#include "audio/ReceivePipeline.h"
#include "audio/SendPipeline.h"
#include "audio/StatisticsMailbox.h"
#include "audio/devices/AudioDevice.h"
#include "audio/rtp/RtcpPacket.h"
#include "audio/rtp/RtcpSession.h"
#include "audio/rtp/RtpPacket.h"
#include "audio/rtp/RtpSocketPair.h"

#include <algorithm>

namespace Audio {

namespace {
constexpr int kPollTimeoutMs = 5;
constexpr int kMaxDatagramsPerTurn = 64;
constexpr std::size_t kDatagramBytes = 2048;
constexpr auto kHousekeepingPeriod = std::chrono::milliseconds(100);
constexpr auto kUnexpectedReportPeriod = std::chrono::seconds(5);
constexpr int kBridgeMs = 500;
constexpr auto kCaptureStallLimit = std::chrono::milliseconds(200);
} // namespace

MediaWorker::MediaWorker(const MediaSessionConfig &config, AudioDevice &device, RtpSocketPair &sockets,
                         StatisticsMailbox &mailbox, Events events)
    : m_config(config), m_device(device), m_sockets(sockets), m_mailbox(mailbox), m_events(std::move(events)),
      m_datagram(kDatagramBytes)
{
    m_direction = config.direction;
    m_remoteRtp = SocketAddress::fromString(config.remoteAddress, config.remoteRtpPort);
    m_remoteRtcp = SocketAddress::fromString(
        config.remoteAddress,
        config.remoteRtcpPort ? config.remoteRtcpPort : static_cast<std::uint16_t>(config.remoteRtpPort + 1));
}

MediaWorker::~MediaWorker()
{
    stop();
}

void MediaWorker::start()
{
    m_running.store(true);
    m_thread = std::thread([this] { run(); });
}

void MediaWorker::stop()
{
    m_running.store(false);
    if (m_thread.joinable())
        m_thread.join();
}

void MediaWorker::post(Command command)
{
    const std::lock_guard<std::mutex> lock(m_commandMutex);
    m_commands.push_back(std::move(command));
}

AudioStreamConfig MediaWorker::streamConfig(const QString &input, const QString &output) const
{
    AudioStreamConfig stream;
    stream.inputDeviceName = input;
    stream.outputDeviceName = output;
    stream.sampleRateHz = m_deviceRateHz;
    stream.framesPerBuffer = m_config.deviceFramesPerBuffer * m_deviceRateHz / std::max(1, m_config.deviceSampleRateHz);
    return stream;
}

bool MediaWorker::tryOpen(const AudioStreamConfig &stream, QString *error)
{
    if (!m_device.open(stream, m_bridge.get())) {
        *error = QStringLiteral("Cannot open audio device: %1").arg(m_device.errorString());
        return false;
    }
    if (m_device.sampleRateHz() == m_deviceRateHz) {
        m_activeDevice = &m_device;
        return true;
    }
    // The pipelines run at the rate they were built for; a device that insists on another rate is unusable.
    *error =
        QStringLiteral("Audio device runs at %1 Hz instead of %2 Hz").arg(m_device.sampleRateHz()).arg(m_deviceRateHz);
    m_device.close();
    return false;
}

void MediaWorker::openDevice(const QString &input, const QString &output)
{
    if (m_activeDevice)
        m_activeDevice->close();
    m_activeDevice = nullptr;
    const AudioStreamConfig stream = streamConfig(input, output);
    QString error;
    if (tryOpen(stream, &error))
        return;
    m_events.error(error);
    m_fallbackDevice.open(stream, m_bridge.get());
    m_activeDevice = &m_fallbackDevice;
}

void MediaWorker::switchDevices(const QString &input, const QString &output)
{
    m_config.inputDeviceName = input;
    m_config.outputDeviceName = output;
    if (m_activeDevice)
        m_activeDevice->close();
    m_activeDevice = nullptr;
    QString error;
    if (!tryOpen(streamConfig(input, output), &error)) {
        // A bad choice mid-call must not end the call: back to the defaults, else on without sound.
        const AudioStreamConfig defaults = streamConfig(QString(), QString());
        if (!tryOpen(defaults, &error)) {
            m_fallbackDevice.open(defaults, m_bridge.get());
            m_activeDevice = &m_fallbackDevice;
        }
        const QString usedInput = m_activeDevice->activeInputDevice();
        const QString usedOutput = m_activeDevice->activeOutputDevice();
        if (!input.isEmpty() && usedInput != input)
            m_events.deviceFellBack(input, usedInput);
        if (!output.isEmpty() && usedOutput != output)
            m_events.deviceFellBack(output, usedOutput);
    }
}

void MediaWorker::buildPipelines()
{
    m_deviceRateHz = m_config.deviceSampleRateHz;
    m_bridge = std::make_unique<AudioBridge>(static_cast<std::size_t>(m_deviceRateHz * kBridgeMs / 1000));
    m_echoCanceller = std::make_unique<EchoCanceller>(m_deviceRateHz);
    m_echoCanceller->setEnabled(m_config.echoControl);
    EchoCanceller *echo = m_echoCanceller->isAvailable() ? m_echoCanceller.get() : nullptr;
    m_send =
        std::make_unique<SendPipeline>(m_config, m_deviceRateHz, echo, [this](std::span<const std::uint8_t> datagram) {
            m_sockets.rtp().sendTo(datagram, m_remoteRtp);
        });
    m_receive = std::make_unique<ReceivePipeline>(m_config, m_deviceRateHz, echo);
    m_rtcp = std::make_unique<RtcpSession>(m_send->rtpClockRateHz(), std::max(100, m_config.rtcpIntervalMs),
                                           m_config.cname.toUtf8());
    m_captureFrame.resize(static_cast<std::size_t>(m_send->deviceFrameSamples()));
    m_playbackFrame.resize(static_cast<std::size_t>(m_receive->deviceFrameSamples() * 2 + 256));
}

// Media thread.
void MediaWorker::run()
{
    buildPipelines();
    if (!m_send->isValid() || !m_receive->isValid()) {
        m_events.error(QStringLiteral("Codec %1 is not available").arg(codecName(m_config.codec)));
        return;
    }
    m_device.setEventHandler([this](const AudioDeviceEvent &event) { onDeviceEvent(event); });
    openDevice(m_config.inputDeviceName, m_config.outputDeviceName);
    const Clock::time_point begin = Clock::now();
    m_livenessSince = begin;
    m_latchWindowStart = begin;
    m_lastCapture = begin;
    m_nextHousekeeping = begin;

    UdpSocket *sockets[2] = {&m_sockets.rtp(), &m_sockets.rtcp()};
    bool readable[2] = {false, false};
    while (m_running.load(std::memory_order_relaxed)) {
        drainCommands();
        UdpSocket::waitReadable(sockets, kPollTimeoutMs, readable);
        const Clock::time_point now = Clock::now();
        if (readable[0])
            receiveRtp(now);
        if (readable[1])
            receiveRtcp(now);
        pumpCapture(now);
        pumpPlayback();
        if (m_rtcp->isDue(now))
            sendRtcp(now, false);
        if (now >= m_nextHousekeeping)
            housekeeping(now);
    }
    if (m_activeDevice)
        m_activeDevice->close();
    sendRtcp(Clock::now(), true);
    publishStatistics(Clock::now());
    m_device.setEventHandler({});
}

// Media thread (the device reports from open() and service(), both called here).
void MediaWorker::onDeviceEvent(const AudioDeviceEvent &event)
{
    using Kind = AudioDeviceEvent::Kind;
    if (event.kind == Kind::InputLost || event.kind == Kind::OutputLost) {
        m_events.deviceLost(event.deviceName, event.replacementName);
        // Nothing left open on the device: keep the call's clock (and so its RTP) going on the null device
        // rather than letting the call fall silent until the peer gives up on it.
        if (m_activeDevice == &m_device && !m_device.isOpen())
            m_deviceLostEntirely = true;
    } else if (event.kind == Kind::InputFellBackToDefault || event.kind == Kind::OutputFellBackToDefault) {
        m_events.deviceFellBack(event.deviceName, event.replacementName);
    }
}

void MediaWorker::drainCommands()
{
    {
        const std::lock_guard<std::mutex> lock(m_commandMutex);
        if (m_commands.empty())
            return;
        m_pendingCommands.swap(m_commands);
    }
    for (const Command &command : m_pendingCommands)
        apply(command);
    m_pendingCommands.clear();
}

void MediaWorker::apply(const Command &command)
{
    if (const auto *muted = std::get_if<SetMuted>(&command)) {
        m_muted = muted->muted;
    } else if (const auto *direction = std::get_if<SetDirection>(&command)) {
        m_direction = direction->direction;
        m_livenessSince = Clock::now();
        m_timedOut = false;
    } else if (const auto *remote = std::get_if<SetRemote>(&command)) {
        setRemote(remote->address, remote->rtpPort, remote->rtcpPort);
    } else if (const auto *devices = std::get_if<SwitchDevices>(&command)) {
        switchDevices(devices->input, devices->output);
    } else if (const auto *digits = std::get_if<SendDigits>(&command)) {
        for (const QChar digit : digits->digits)
            m_send->queueDigit(digit.toLatin1(), digits->durationMs);
    } else if (const auto *echo = std::get_if<SetEchoControl>(&command)) {
        m_echoCanceller->setEnabled(echo->enabled);
    }
}

void MediaWorker::setRemote(const QString &address, std::uint16_t rtpPort, std::uint16_t rtcpPort)
{
    const SocketAddress rtp = SocketAddress::fromString(address, rtpPort);
    if (!rtp.isValid()) {
        m_events.error(QStringLiteral("Invalid remote address %1").arg(address));
        return;
    }
    m_remoteRtp = rtp;
    m_remoteRtcp = SocketAddress::fromString(address, rtcpPort ? rtcpPort : static_cast<std::uint16_t>(rtpPort + 1));
    m_latched = false;
    m_rtcpLatched = false;
    m_receive->resetSource();
    m_livenessSince = Clock::now();
    m_latchWindowStart = m_livenessSince;
    m_timedOut = false;
}

bool MediaWorker::transmitting() const
{
    return directionSends(m_direction) && m_remoteRtp.isValid() && !m_remoteRtp.isAny() && m_remoteRtp.port() != 0;
}

void MediaWorker::receiveRtp(Clock::time_point now)
{
    for (int i = 0; i < kMaxDatagramsPerTurn; ++i) {
        SocketAddress from;
        const int size = m_sockets.rtp().receiveFrom(m_datagram, from);
        if (size < 0)
            return;
        const std::optional<RtpPacket> packet =
            RtpPacket::parse(std::span(m_datagram.data(), static_cast<std::size_t>(size)));
        if (!packet) {
            ++m_malformedPackets;
            continue;
        }
        handleRtp(*packet, from, now);
    }
}

void MediaWorker::handleRtp(const RtpPacket &packet, const SocketAddress &from, Clock::time_point now)
{
    if (from != m_remoteRtp) {
        const bool negotiated =
            packet.payloadType == m_config.payloadType ||
            (m_config.telephoneEventPayloadType >= 0 && packet.payloadType == m_config.telephoneEventPayloadType);
        const bool mayLatch =
            from.sameHost(m_remoteRtp) || now - m_latchWindowStart <= std::chrono::milliseconds(m_config.latchWindowMs);
        if (!m_config.symmetricRtp || m_latched || !negotiated || !mayLatch) {
            reportUnexpected(from, now);
            return;
        }
        // Symmetric RTP: the peer is wherever its media really comes from (it may sit behind a NAT).
        m_remoteRtp = from;
        m_latched = true;
        m_receive->resetSource();
        m_events.remoteLatched(from.toString());
    }
    m_latched = true;
    std::optional<char> digit;
    const ReceivePipeline::PacketResult result = m_receive->onPacket(packet, now, digit);
    if (result == ReceivePipeline::PacketResult::UnknownPayload)
        return;
    ++m_packetsReceived;
    m_lastRtpArrival = now;
    m_rtpSeen = true;
    if (directionReceives(m_direction))
        m_livenessSince = now;
    if (digit && *digit != '\0' && directionReceives(m_direction))
        m_events.telephoneEventReceived(*digit);
}

void MediaWorker::receiveRtcp(Clock::time_point now)
{
    for (int i = 0; i < kMaxDatagramsPerTurn; ++i) {
        SocketAddress from;
        const int size = m_sockets.rtcp().receiveFrom(m_datagram, from);
        if (size < 0)
            return;
        if (from != m_remoteRtcp) {
            // With latching, RTCP is accepted from the latched RTP host and its source port remembered.
            if (!(m_config.symmetricRtp && m_latched && !m_rtcpLatched && from.sameHost(m_remoteRtp))) {
                reportUnexpected(from, now);
                continue;
            }
            m_remoteRtcp = from;
        }
        m_rtcpLatched = true;
        const std::optional<RtcpReport> report =
            RtcpPacket::parse(std::span(m_datagram.data(), static_cast<std::size_t>(size)));
        if (!report) {
            ++m_malformedPackets;
            continue;
        }
        m_rtcp->onReport(*report, now, m_send->sender().ssrc());
        if (!directionReceives(m_direction))
            m_livenessSince = now; // on hold the peer sends no RTP; its RTCP shows it is still there
    }
}

void MediaWorker::reportUnexpected(const SocketAddress &from, Clock::time_point now)
{
    ++m_unexpectedPackets;
    if (from != m_lastUnexpected || now - m_lastUnexpectedReport > kUnexpectedReportPeriod) {
        m_lastUnexpected = from;
        m_lastUnexpectedReport = now;
        m_events.unexpectedSource(from.toString());
    }
}

void MediaWorker::pumpCapture(Clock::time_point now)
{
    SpscRingBuffer<float> &ring = m_bridge->captureRing();
    const auto frame = m_captureFrame.size();
    const bool transmit = transmitting();
    const bool captured = ring.available() > m_captureLeftover; // the device wrote since the last turn
    while (ring.available() >= frame) {
        ring.read(m_captureFrame.data(), frame);
        m_send->processFrame(m_captureFrame.data(), transmit, m_muted);
    }
    m_captureLeftover = ring.available();
    if (captured || now - m_lastCapture < kCaptureStallLimit) {
        if (captured)
            m_lastCapture = now;
        m_nextSilentFrame = Clock::time_point{};
        return;
    }
    // No microphone delivers (only the speaker opened, or the microphone died and nothing replaced it): send
    // paced silence so the peer still gets RTP, hears the call is alive and does not time it out.
    const auto period = std::chrono::microseconds(static_cast<long long>(frame) * 1000000 / m_deviceRateHz);
    if (m_nextSilentFrame == Clock::time_point{})
        m_nextSilentFrame = now;
    std::fill(m_captureFrame.begin(), m_captureFrame.end(), 0.0f);
    while (m_nextSilentFrame <= now) {
        m_send->processFrame(m_captureFrame.data(), transmit, m_muted);
        m_nextSilentFrame += period;
    }
}

void MediaWorker::pumpPlayback()
{
    SpscRingBuffer<float> &ring = m_bridge->playbackRing();
    // Keep one packet interval plus one device buffer queued ahead of the device.
    const auto target = static_cast<std::size_t>(m_receive->deviceFrameSamples() + m_deviceRateHz / 100);
    const bool play = directionReceives(m_direction);
    while (ring.available() < target) {
        const int produced = m_receive->produce(m_playbackFrame.data(), static_cast<int>(m_playbackFrame.size()), play);
        if (produced <= 0)
            break;
        ring.write(m_playbackFrame.data(), static_cast<std::size_t>(produced));
        m_bridge->setPlaybackStarted();
    }
    // The echo path delay is roughly what sits in the playback queue plus what sits in the capture queue.
    const auto queuedMs = static_cast<int>((ring.available() + m_bridge->captureRing().available()) * 1000 /
                                           static_cast<std::size_t>(m_deviceRateHz));
    m_echoCanceller->setDelayHintMs(queuedMs + 10);
}

void MediaWorker::sendRtcp(Clock::time_point now, bool bye)
{
    if (!m_remoteRtcp.isValid() || m_remoteRtcp.isAny())
        return;
    std::uint8_t buffer[512];
    const std::size_t size = m_rtcp->buildReport(now, m_send->sender(), m_receive->statistics(), m_receive->hasSource(),
                                                 m_receive->remoteSsrc(), bye, buffer);
    if (size > 0)
        m_sockets.rtcp().sendTo(std::span<const std::uint8_t>(buffer, size), m_remoteRtcp);
}

void MediaWorker::housekeeping(Clock::time_point now)
{
    m_nextHousekeeping = now + kHousekeepingPeriod;
    if (m_activeDevice)
        m_activeDevice->service();
    if (m_deviceLostEntirely) {
        m_deviceLostEntirely = false;
        m_device.close();
        m_fallbackDevice.open(streamConfig(QString(), QString()), m_bridge.get());
        m_activeDevice = &m_fallbackDevice; // the loss itself was reported with an empty replacement
    }
    const bool timeoutEnabled = m_config.rtpTimeoutMs > 0 && m_direction != MediaDirection::Inactive;
    if (timeoutEnabled && !m_timedOut && now - m_livenessSince > std::chrono::milliseconds(m_config.rtpTimeoutMs)) {
        m_timedOut = true;
        m_events.rtpTimedOut();
    } else if (m_timedOut && now - m_livenessSince < std::chrono::milliseconds(m_config.rtpTimeoutMs)) {
        m_timedOut = false; // media came back; a later silence is reported again
    }
    publishStatistics(now);
}

void MediaWorker::publishStatistics(Clock::time_point now)
{
    CallStatistics s;
    s.codec = m_config.codec;
    s.payloadType = m_config.payloadType;
    s.direction = m_direction;
    s.muted = m_muted;
    s.echoControlEnabled = m_echoCanceller && m_echoCanceller->isEnabled();
    s.remoteAddress = m_remoteRtp.toString();
    s.packetsSent = m_send->sender().packetsSent();
    s.octetsSent = m_send->sender().octetsSent();
    s.telephoneEventsSent = m_send->telephoneEventsSent();
    const RtpReceiveStatistics &receive = m_receive->statistics();
    s.packetsReceived = m_packetsReceived;
    s.octetsReceived = m_receive->octetsReceived();
    s.packetsLost = receive.cumulativeLost();
    s.fractionLostPercent = receive.lastFractionLost() * 100.0 / 256.0;
    s.jitterMs = receive.jitterMs();
    s.telephoneEventsReceived = m_receive->telephoneEventsReceived();
    s.concealedFrames = m_receive->concealedFrames();
    s.unexpectedSourcePackets = m_unexpectedPackets;
    s.malformedPackets = m_malformedPackets;
    s.remoteReportReceived = m_rtcp->remoteReportReceived();
    s.remoteFractionLostPercent = m_rtcp->remoteFractionLostPercent();
    s.remotePacketsLost = m_rtcp->remotePacketsLost();
    s.remoteJitterMs = m_rtcp->remoteJitterMs();
    s.roundTripTimeMs = m_rtcp->roundTripTimeMs();
    s.deviceSampleRateHz = m_deviceRateHz;
    if (m_activeDevice) {
        s.inputDevice = m_activeDevice->activeInputDevice();
        s.outputDevice = m_activeDevice->activeOutputDevice();
    }
    s.playbackUnderruns = m_bridge->playbackUnderruns();
    s.captureOverruns = m_bridge->captureOverruns();
    s.rtpTimedOut = m_timedOut;
    s.millisecondsSinceLastRtp =
        m_rtpSeen ? std::chrono::duration_cast<std::chrono::milliseconds>(now - m_lastRtpArrival).count() : -1;
    m_mailbox.publish(s);
}

} // namespace Audio
