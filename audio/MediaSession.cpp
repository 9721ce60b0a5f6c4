// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/MediaSession.h"

#include "audio/MediaWorker.h"
#include "audio/devices/AudioDevice.h"
#include "audio/rtp/TelephoneEvent.h"

#include <QRandomGenerator>

namespace Audio {

namespace {
bool validPtime(CodecType codec, int ptimeMs)
{
    if (codec == CodecType::Opus)
        return ptimeMs == 10 || ptimeMs == 20 || ptimeMs == 40 || ptimeMs == 60;
    return ptimeMs >= 10 && ptimeMs <= 60 && ptimeMs % 10 == 0;
}
} // namespace

MediaSession::MediaSession(std::unique_ptr<AudioDevice> device, QObject *parent)
    : QObject(parent), m_device(std::move(device))
{
}

MediaSession::~MediaSession()
{
    stop();
}

bool MediaSession::bindLocal(const QString &localAddress, std::uint16_t portMin, std::uint16_t portMax)
{
    if (isRunning()) {
        m_error = QStringLiteral("Cannot rebind while the session runs");
        return false;
    }
    if (!m_sockets.bind(localAddress, portMin, portMax)) {
        m_error = m_sockets.errorString();
        return false;
    }
    return true;
}

Stun::Mapping MediaSession::discoverRtpMapping(const SocketAddress &stunServer, int timeoutMs)
{
    if (isRunning()) {
        Stun::Mapping refused;
        refused.error = QStringLiteral("the media already runs on this socket");
        return refused;
    }
    return Stun::discoverMapping(m_sockets.rtp(), stunServer, timeoutMs);
}

bool MediaSession::validate(const MediaSessionConfig &config)
{
    const SocketAddress remote = SocketAddress::fromString(config.remoteAddress, config.remoteRtpPort);
    if (!remote.isValid())
        m_error = QStringLiteral("Invalid remote address '%1'").arg(config.remoteAddress);
    else if (codecClockRateHz(config.codec) == 0)
        m_error = QStringLiteral("No codec");
    else if (config.payloadType < 0 || config.payloadType > 127)
        m_error = QStringLiteral("Payload type %1 out of range").arg(config.payloadType);
    else if (config.telephoneEventPayloadType > 127 || config.telephoneEventPayloadType == config.payloadType)
        m_error = QStringLiteral("Bad telephone-event payload type %1").arg(config.telephoneEventPayloadType);
    else if (!validPtime(config.codec, config.ptimeMs))
        m_error = QStringLiteral("Unsupported ptime %1 ms").arg(config.ptimeMs);
    else if (config.direction == MediaDirection::Invalid)
        m_error = QStringLiteral("No media direction");
    else if (config.deviceSampleRateHz < 8000 || config.deviceSampleRateHz > 48000 || config.deviceSampleRateHz % 100)
        m_error = QStringLiteral("Unsupported device rate %1 Hz").arg(config.deviceSampleRateHz);
    else if (!m_device)
        m_error = QStringLiteral("No audio device");
    else
        return true;
    return false;
}

bool MediaSession::start(const MediaSessionConfig &config)
{
    stop();
    if (!validate(config))
        return false;
    m_config = config;
    if (m_config.cname.isEmpty())
        m_config.cname =
            QStringLiteral("offhook-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    const SocketAddress remote = SocketAddress::fromString(config.remoteAddress, config.remoteRtpPort);
    if (!m_sockets.isBound()) {
        const QString any =
            remote.family() == SocketAddress::Family::IPv6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0");
        if (!bindLocal(any))
            return false;
    }
    if (m_sockets.family() == SocketAddress::Family::IPv4 && remote.family() == SocketAddress::Family::IPv6) {
        m_error = QStringLiteral("IPv6 peer on an IPv4 socket");
        return false;
    }

    MediaWorker::Events events;
    events.telephoneEventReceived = [this](char digit) { Q_EMIT telephoneEventReceived(QChar::fromLatin1(digit)); };
    events.rtpTimedOut = [this] { Q_EMIT rtpTimedOut(); };
    events.unexpectedSource = [this](const QString &address) { Q_EMIT unexpectedSourceSeen(address); };
    events.remoteLatched = [this](const QString &address) { Q_EMIT remoteLatched(address); };
    events.deviceLost = [this](const QString &lost, const QString &replacement) {
        Q_EMIT audioDeviceLost(lost, replacement);
    };
    events.deviceFellBack = [this](const QString &requested, const QString &used) {
        Q_EMIT audioDeviceFellBack(requested, used);
    };
    events.error = [this](const QString &message) { Q_EMIT mediaError(message); };
    m_worker = std::make_unique<MediaWorker>(m_config, *m_device, m_sockets, m_mailbox, std::move(events));
    m_worker->start();
    return true;
}

void MediaSession::stop()
{
    m_worker.reset(); // joins the media thread
}

void MediaSession::setMuted(bool muted)
{
    if (m_worker)
        m_worker->post(MediaWorker::SetMuted{muted});
}

void MediaSession::setDirection(MediaDirection direction)
{
    if (m_worker && direction != MediaDirection::Invalid)
        m_worker->post(MediaWorker::SetDirection{direction});
}

void MediaSession::setRemote(const QString &address, std::uint16_t rtpPort, std::uint16_t rtcpPort)
{
    if (m_worker)
        m_worker->post(MediaWorker::SetRemote{address, rtpPort, rtcpPort});
}

void MediaSession::switchDevices(const QString &inputDeviceName, const QString &outputDeviceName)
{
    if (m_worker)
        m_worker->post(MediaWorker::SwitchDevices{inputDeviceName, outputDeviceName});
}

bool MediaSession::sendDigits(const QString &digits, int durationMs)
{
    if (!m_worker || m_config.telephoneEventPayloadType < 0)
        return false;
    for (const QChar digit : digits) {
        if (TelephoneEvent::fromDigit(digit.toLatin1()) < 0)
            return false;
    }
    m_worker->post(MediaWorker::SendDigits{digits, durationMs});
    return true;
}

void MediaSession::setEchoControlEnabled(bool enabled)
{
    if (m_worker)
        m_worker->post(MediaWorker::SetEchoControl{enabled});
}

} // namespace Audio
