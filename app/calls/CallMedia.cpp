// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/calls/CallMedia.h"

#include "audio/MediaSession.h"
#include "audio/devices/AudioDevice.h"
#include "audio/rtp/RtpSocketPair.h"
#include "audio/rtp/StunMessage.h"
#include "sipcore/CallService.h"

#include <QHostAddress>
#include <QHostInfo>

#include <algorithm>

namespace App {
namespace {

Audio::MediaDirection toAudio(Sip::MediaDirection direction)
{
    switch (direction) {
    case Sip::MediaDirection::SendRecv:
        return Audio::MediaDirection::SendRecv;
    case Sip::MediaDirection::SendOnly:
        return Audio::MediaDirection::SendOnly;
    case Sip::MediaDirection::RecvOnly:
        return Audio::MediaDirection::RecvOnly;
    case Sip::MediaDirection::Inactive:
        return Audio::MediaDirection::Inactive;
    case Sip::MediaDirection::Invalid:
        break;
    }
    return Audio::MediaDirection::Invalid;
}

const QString kPending = QStringLiteral("pending:");

} // namespace

CallMedia::CallMedia(Sip::CallService &calls, DeviceFactory devices, const CallMediaOptions &options, QObject *parent)
    : QObject(parent), m_calls(calls), m_devices(std::move(devices)), m_options(options)
{
    connect(&calls, &Sip::CallService::callChanged, this, &CallMedia::onCallChanged);
    connect(&calls, &Sip::CallService::mediaChanged, this, &CallMedia::onMediaChanged);
    connect(&calls, &Sip::CallService::infoDigitReceived, this, &CallMedia::digitReceived);
    // Being transferred: the new call gets media exactly like an outgoing one.
    connect(&calls, &Sip::CallService::transferRequested, this, [this](const QString &callId, const QString &) {
        Sip::LocalMedia local;
        BindNotes notes;
        const QString lineId = lineOf(callId); // the new call goes out on the transferred call's line
        if (!bind(kPending, lineId, &local, nullptr, &notes)) {
            m_calls.declineTransfer(callId);
            return;
        }
        const QString newCallId = m_calls.followTransfer(callId, local);
        m_sessions.insert(newCallId, m_sessions.take(kPending));
        m_devicesOf.insert(newCallId, m_devicesOf.take(kPending));
        m_lines.insert(newCallId, lineId);
        emitNotes(newCallId, notes);
    });
}

CallMedia::~CallMedia() = default;

QString CallMedia::lineOf(const QString &callId) const
{
    if (const auto it = m_lines.constFind(callId); it != m_lines.constEnd())
        return *it;
    const QList<Sip::CallEvent> calls = m_calls.activeCalls();
    for (const Sip::CallEvent &call : calls) {
        if (call.callId == callId)
            return call.lineId;
    }
    return {};
}

CallMedia::Devices CallMedia::devicesFor(const QString &lineId, const Audio::AudioDevice &lister, QString *notice) const
{
    Devices devices{m_options.inputDeviceName, m_options.outputDeviceName};
    const QString lineOutput = m_lineOutput && !lineId.isEmpty() ? m_lineOutput(lineId) : QString();
    if (lineOutput.isEmpty())
        return devices;
    const QList<Audio::AudioDeviceInfo> outputs = lister.outputDevices();
    // A backend that lists nothing (the file backend takes any path) cannot tell: use the name as given.
    const bool present = outputs.isEmpty() || std::any_of(outputs.begin(), outputs.end(),
                                                          [&](const auto &info) { return info.name == lineOutput; });
    if (present) {
        devices.output = lineOutput;
    } else if (notice) {
        const QString fallback = devices.output.isEmpty() ? lister.defaultOutputDevice() : devices.output;
        *notice = tr("The line's audio output '%1' is not connected — using '%2'").arg(lineOutput, fallback);
    }
    return devices;
}

void CallMedia::setDevices(const QString &inputDeviceName, const QString &outputDeviceName)
{
    m_options.inputDeviceName = inputDeviceName;
    m_options.outputDeviceName = outputDeviceName;
    if (m_sessions.isEmpty() || !m_devices)
        return;
    const std::unique_ptr<Audio::AudioDevice> lister = m_devices();
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it) {
        if (it.key() == kPending)
            continue;
        const Devices devices = devicesFor(lineOf(it.key()), *lister, nullptr);
        const Devices previous = m_devicesOf.value(it.key());
        if (devices.input == previous.input && devices.output == previous.output)
            continue;
        m_devicesOf.insert(it.key(), devices);
        if (it.value()->isRunning())
            it.value()->switchDevices(devices.input, devices.output);
    }
}

Audio::MediaSession *CallMedia::bind(const QString &key, const QString &lineId, Sip::LocalMedia *local, QString *error,
                                     BindNotes *notes)
{
    std::unique_ptr<Audio::AudioDevice> device = m_devices();
    const Devices devices = devicesFor(lineId, *device, &notes->device);
    auto *session = new Audio::MediaSession(std::move(device), this);
    const quint16 low = m_options.rtpPortMin ? m_options.rtpPortMin : Audio::RtpSocketPair::kDefaultPortMin;
    const quint16 high = m_options.rtpPortMax ? m_options.rtpPortMax : Audio::RtpSocketPair::kDefaultPortMax;
    if (!session->bindLocal(m_options.rtpBindAddress, low, high)) {
        if (error)
            *error =
                QStringLiteral("no RTP port pair free in %1-%2: %3").arg(low).arg(high).arg(session->errorString());
        delete session;
        return nullptr;
    }
    m_sessions.insert(key, session);
    m_devicesOf.insert(key, devices);
    local->rtpPort = session->localRtpPort();
    local->codecs = m_options.codecs;
    const bool wildcard =
        m_options.rtpBindAddress == QLatin1String("0.0.0.0") || m_options.rtpBindAddress == QLatin1String("::");
    local->address = wildcard ? QString() : m_options.rtpBindAddress;
    if (!m_options.stunServer.isEmpty())
        discoverPublicAddress(*session, local, notes);
    return session;
}

namespace {
/// "host", "host:port", "[v6]:port" or "v6" -> a numeric address; names are looked up (blocking, like
/// the STUN request itself, and only when STUN is configured).
Audio::SocketAddress stunAddress(const QString &text, QString *error)
{
    QString host = text.trimmed();
    quint16 port = Audio::Stun::kDefaultPort;
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    const bool bracketed = host.startsWith(QLatin1Char('['));
    if (colon > 0 && (bracketed ? host.at(colon - 1) == QLatin1Char(']') : host.indexOf(QLatin1Char(':')) == colon)) {
        bool ok = false;
        const uint number = host.mid(colon + 1).toUInt(&ok);
        if (!ok || number == 0 || number > 65535) {
            *error = QStringLiteral("the STUN server '%1' has no valid port").arg(text);
            return {};
        }
        port = static_cast<quint16>(number);
        host.truncate(colon);
    }
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    Audio::SocketAddress address = Audio::SocketAddress::fromString(host, port);
    if (address.isValid())
        return address;
    const QHostInfo info = QHostInfo::fromName(host);
    for (const QHostAddress &candidate : info.addresses()) {
        address = Audio::SocketAddress::fromString(candidate.toString(), port);
        if (address.isValid())
            return address;
    }
    *error = QStringLiteral("the STUN server name '%1' could not be found").arg(host);
    return {};
}
} // namespace

void CallMedia::discoverPublicAddress(Audio::MediaSession &session, Sip::LocalMedia *local, BindNotes *notes) const
{
    QString *note = &notes->network;
    notes->networkProblem = true;
    QString error;
    const Audio::SocketAddress server = stunAddress(m_options.stunServer, &error);
    if (!server.isValid()) {
        *note = QStringLiteral("STUN: %1; the SDP carries the local address").arg(error);
        return;
    }
    const Audio::Stun::Mapping mapping = session.discoverRtpMapping(server, m_options.stunTimeoutMs);
    if (!mapping.ok) {
        *note = QStringLiteral("STUN: %1; the SDP carries the local address, so behind NAT the other side's audio "
                               "may not reach this phone")
                    .arg(mapping.error);
        return;
    }
    *note = QStringLiteral("STUN: %1 sees RTP port %2 as %3; the SDP carries that address")
                .arg(server.toString())
                .arg(session.localRtpPort())
                .arg(mapping.mapped.toString());
    notes->networkProblem = false;
    local->address = mapping.mapped.hostString();
    local->rtpPort = mapping.mapped.port();
}

void CallMedia::emitNotes(const QString &callId, const BindNotes &notes)
{
    if (!notes.device.isEmpty())
        Q_EMIT deviceNotice(callId, notes.device);
    if (!notes.network.isEmpty())
        Q_EMIT networkNote(callId, notes.network, notes.networkProblem);
}

QString CallMedia::call(const QString &lineId, const QString &target, QString *error)
{
    Sip::LocalMedia local;
    BindNotes notes;
    // The port is needed before the call id exists: bind under a temporary key.
    if (!bind(kPending, lineId, &local, error, &notes))
        return {};
    const QString callId = m_calls.call(lineId, target, local);
    m_sessions.insert(callId, m_sessions.take(kPending));
    m_devicesOf.insert(callId, m_devicesOf.take(kPending));
    m_lines.insert(callId, lineId);
    emitNotes(callId, notes);
    return callId;
}

bool CallMedia::answer(const QString &callId, QString *error)
{
    Sip::LocalMedia local;
    BindNotes notes;
    const QString lineId = lineOf(callId);
    if (m_sessions.contains(callId) || !bind(callId, lineId, &local, error, &notes))
        return false;
    m_lines.insert(callId, lineId);
    m_calls.answer(callId, local);
    emitNotes(callId, notes);
    return true;
}

bool CallMedia::sendDigits(const QString &callId, const QString &digits)
{
    static const QString valid = QStringLiteral("0123456789*#ABCDabcd");
    for (const QChar digit : digits) {
        if (!valid.contains(digit))
            return false;
    }
    Audio::MediaSession *session = m_sessions.value(callId);
    if (session && session->isRunning() && m_media.value(callId).telephoneEventPayloadType >= 0)
        return session->sendDigits(digits.toUpper());
    m_calls.sendInfoDigits(callId, digits.toUpper());
    return true;
}

void CallMedia::setMuted(const QString &callId, bool muted)
{
    if (Audio::MediaSession *session = m_sessions.value(callId))
        session->setMuted(muted);
}

Audio::CallStatistics CallMedia::statistics(const QString &callId) const
{
    if (const Audio::MediaSession *session = m_sessions.value(callId))
        return session->statistics();
    return m_finalStatistics.value(callId);
}

Audio::MediaSessionConfig CallMedia::configFor(const Sip::MediaParameters &media) const
{
    Audio::MediaSessionConfig config;
    config.remoteAddress = media.remoteAddress;
    config.remoteRtpPort = media.remotePort;
    config.remoteRtcpPort = media.remoteRtcpPort;
    config.codec = Audio::codecFromName(media.codec);
    config.payloadType = media.payloadType;
    config.telephoneEventPayloadType = media.telephoneEventPayloadType;
    config.telephoneEventClockRateHz = media.telephoneEventClockRateHz;
    config.ptimeMs = media.ptimeMs;
    config.direction = toAudio(media.direction);
    config.rtpTimeoutMs = m_options.rtpTimeoutMs;
    // Symmetric RTP (RFC 4961) with guarded latching: a peer behind NAT sends from another port (or
    // address) than its SDP says; we send back to where its media really comes from.
    config.symmetricRtp = true;
    config.latchWindowMs = m_options.latchWindowMs;
    config.echoControl = m_options.echoControl;
    const Devices devices = m_devicesOf.value(media.callId, {m_options.inputDeviceName, m_options.outputDeviceName});
    config.inputDeviceName = devices.input;
    config.outputDeviceName = devices.output;
    config.deviceSampleRateHz = m_options.deviceSampleRateHz;
    config.deviceFramesPerBuffer = m_options.deviceSampleRateHz / 100;
    return config;
}

void CallMedia::onMediaChanged(const Sip::MediaParameters &media)
{
    Audio::MediaSession *session = m_sessions.value(media.callId);
    if (!session)
        return;
    const Sip::MediaParameters previous = m_media.value(media.callId);
    m_media.insert(media.callId, media);
    const bool sameStream =
        session->isRunning() && previous.codec == media.codec && previous.payloadType == media.payloadType &&
        previous.telephoneEventPayloadType == media.telephoneEventPayloadType && previous.ptimeMs == media.ptimeMs;
    if (sameStream) {
        if (previous.remoteAddress != media.remoteAddress || previous.remotePort != media.remotePort ||
            previous.remoteRtcpPort != media.remoteRtcpPort)
            session->setRemote(media.remoteAddress, media.remotePort, media.remoteRtcpPort);
        if (previous.direction != media.direction)
            session->setDirection(toAudio(media.direction));
        return;
    }
    if (!session->isRunning()) {
        const QString callId = media.callId;
        connect(session, &Audio::MediaSession::telephoneEventReceived, this,
                [this, callId](QChar digit) { Q_EMIT digitReceived(callId, digit); });
        connect(session, &Audio::MediaSession::rtpTimedOut, this, [this, callId] {
            Q_EMIT mediaTimedOut(callId);
            m_calls.hangUp(callId, Sip::HangUpCause::MediaTimeout);
        });
        connect(session, &Audio::MediaSession::mediaError, this, [this, callId](const QString &message) {
            Q_EMIT mediaFailed(callId, message);
            m_calls.hangUp(callId, Sip::HangUpCause::MediaError);
        });
        connectSession(session, callId);
    }
    if (!session->start(configFor(media))) {
        const QString message = session->errorString();
        Q_EMIT mediaFailed(media.callId, message);
        m_calls.hangUp(media.callId, Sip::HangUpCause::MediaError);
    }
}

void CallMedia::connectSession(Audio::MediaSession *session, const QString &callId)
{
    connect(session, &Audio::MediaSession::audioDeviceLost, this,
            [this, callId, session](const QString &lost, const QString &replacement) {
                // A line's own output went away: its call goes to the preferences' speaker, as a new call would.
                const Devices chosen = m_devicesOf.value(callId);
                const QString preferred = m_options.outputDeviceName;
                if (!lost.isEmpty() && lost == chosen.output && !preferred.isEmpty() && preferred != lost &&
                    session->isRunning()) {
                    m_devicesOf.insert(callId, {chosen.input, preferred});
                    session->switchDevices(chosen.input, preferred);
                    Q_EMIT deviceNotice(callId,
                                        tr("Audio device '%1' was unplugged — now using '%2'").arg(lost, preferred));
                    return;
                }
                const QString name = lost.isEmpty() ? tr("the default device") : QStringLiteral("'%1'").arg(lost);
                Q_EMIT deviceNotice(callId,
                                    replacement.isEmpty()
                                        ? tr("Audio device %1 was unplugged — no sound device is left; the call "
                                             "goes on without sound")
                                              .arg(name)
                                        : tr("Audio device %1 was unplugged — now using '%2'").arg(name, replacement));
            });
    connect(session, &Audio::MediaSession::audioDeviceFellBack, this,
            [this, callId](const QString &requested, const QString &used) {
                Q_EMIT deviceNotice(
                    callId,
                    used.isEmpty()
                        ? tr("Audio device '%1' is not available — the call goes on without sound").arg(requested)
                        : tr("Audio device '%1' is not available — using '%2'").arg(requested, used));
            });
}

void CallMedia::onCallChanged(const Sip::CallEvent &event)
{
    if (event.state != Sip::CallState::Ended)
        return;
    m_lines.remove(event.callId);
    m_devicesOf.remove(event.callId);
    Audio::MediaSession *session = m_sessions.take(event.callId);
    if (!session)
        return;
    session->stop();
    m_finalStatistics.insert(event.callId, session->statistics());
    session->deleteLater();
}

} // namespace App
