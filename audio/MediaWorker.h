// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/AudioBridge.h"
#include "audio/MediaSessionConfig.h"
#include "audio/devices/AudioDeviceEvent.h"
#include "audio/devices/AudioStreamConfig.h"
#include "audio/devices/NullBackend.h"
#include "audio/rtp/SocketAddress.h"

#include <QString>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace Audio {

class AudioDevice;
class EchoCanceller;
class ReceivePipeline;
class RtcpSession;
class RtpSocketPair;
class SendPipeline;
class StatisticsMailbox;
struct RtpPacket;

/// The media thread of one call. Owns the pipelines, the echo canceller and the device-to-thread bridge;
/// borrows the device, the sockets and the statistics mailbox from MediaSession. Every method except
/// post() and the constructor/destructor runs on the media thread. Commands arrive through a small locked
/// queue drained once per loop turn; events leave through callbacks invoked on the media thread.
class MediaWorker
{
public:
    struct SetMuted
    {
        bool muted;
    };
    struct SetDirection
    {
        MediaDirection direction;
    };
    struct SetRemote
    {
        QString address;
        std::uint16_t rtpPort;
        std::uint16_t rtcpPort;
    };
    struct SwitchDevices
    {
        QString input;
        QString output;
    };
    struct SendDigits
    {
        QString digits;
        int durationMs;
    };
    struct SetEchoControl
    {
        bool enabled;
    };
    using Command = std::variant<SetMuted, SetDirection, SetRemote, SwitchDevices, SendDigits, SetEchoControl>;

    struct Events
    {
        std::function<void(char digit)> telephoneEventReceived;
        std::function<void()> rtpTimedOut;
        std::function<void(const QString &address)> unexpectedSource;
        std::function<void(const QString &address)> remoteLatched;
        std::function<void(const QString &lost, const QString &replacement)> deviceLost;
        std::function<void(const QString &requested, const QString &used)> deviceFellBack;
        std::function<void(const QString &message)> error;
    };

    MediaWorker(const MediaSessionConfig &config, AudioDevice &device, RtpSocketPair &sockets,
                StatisticsMailbox &mailbox, Events events);
    ~MediaWorker();
    MediaWorker(const MediaWorker &) = delete;
    MediaWorker &operator=(const MediaWorker &) = delete;

    /// Owner thread: starts and stops the media thread.
    void start();
    void stop();
    /// Any thread.
    void post(Command command);

private:
    using Clock = std::chrono::steady_clock;

    void run();
    AudioStreamConfig streamConfig(const QString &input, const QString &output) const;
    bool tryOpen(const AudioStreamConfig &stream, QString *error);
    void openDevice(const QString &input, const QString &output);
    void switchDevices(const QString &input, const QString &output);
    void buildPipelines();
    void onDeviceEvent(const AudioDeviceEvent &event);
    void drainCommands();
    void apply(const Command &command);
    void setRemote(const QString &address, std::uint16_t rtpPort, std::uint16_t rtcpPort);
    void receiveRtp(Clock::time_point now);
    void receiveRtcp(Clock::time_point now);
    void handleRtp(const RtpPacket &packet, const SocketAddress &from, Clock::time_point now);
    void pumpCapture(Clock::time_point now);
    void pumpPlayback();
    void sendRtcp(Clock::time_point now, bool bye);
    void housekeeping(Clock::time_point now);
    void publishStatistics(Clock::time_point now);
    void reportUnexpected(const SocketAddress &from, Clock::time_point now);
    bool transmitting() const;

    MediaSessionConfig m_config;
    AudioDevice &m_device;
    RtpSocketPair &m_sockets;
    StatisticsMailbox &m_mailbox;
    Events m_events;

    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::mutex m_commandMutex;
    std::vector<Command> m_commands;
    std::vector<Command> m_pendingCommands; // media thread's swap buffer

    NullBackend m_fallbackDevice; // keeps the call's clock running when no sound device opens
    AudioDevice *m_activeDevice = nullptr;
    bool m_deviceLostEntirely = false; // set from a device event, acted on in housekeeping()
    std::unique_ptr<AudioBridge> m_bridge;
    std::unique_ptr<EchoCanceller> m_echoCanceller;
    std::unique_ptr<SendPipeline> m_send;
    std::unique_ptr<ReceivePipeline> m_receive;
    std::unique_ptr<RtcpSession> m_rtcp;
    int m_deviceRateHz = 0;
    std::vector<float> m_captureFrame;
    std::vector<float> m_playbackFrame;
    std::vector<std::uint8_t> m_datagram;

    SocketAddress m_remoteRtp;
    SocketAddress m_remoteRtcp;
    bool m_latched = false;
    bool m_rtcpLatched = false;
    bool m_muted = false;
    MediaDirection m_direction = MediaDirection::SendRecv;

    Clock::time_point m_livenessSince;    // start of the current inactivity window
    Clock::time_point m_latchWindowStart; // when the remote address was set: latching window (symmetric RTP)
    Clock::time_point m_lastRtpArrival;
    bool m_rtpSeen = false;
    bool m_timedOut = false;
    Clock::time_point m_nextHousekeeping;
    Clock::time_point m_lastCapture;     // last time the device delivered microphone samples
    Clock::time_point m_nextSilentFrame; // pacing of stand-in silence while it delivers none
    std::size_t m_captureLeftover = 0;   // samples short of a frame left in the capture ring
    SocketAddress m_lastUnexpected;
    Clock::time_point m_lastUnexpectedReport;
    std::uint64_t m_unexpectedPackets = 0;
    std::uint64_t m_malformedPackets = 0;
    std::uint64_t m_packetsReceived = 0;
};

} // namespace Audio
