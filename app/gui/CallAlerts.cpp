// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallAlerts.h"

#include "audio/Ringer.h"
#include "audio/devices/AudioDevice.h"
#include "sipcore/CallService.h"
#include "ui/main/MainWindow.h"
#include "ui/main/TrayStatus.h"

#include <QApplication>

namespace App {

CallAlerts::CallAlerts(Sip::CallService &calls, Gui::MainWindow &window, DeviceFactory devices,
                       DeviceName ringingDevice, QObject *parent)
    : QObject(parent), m_window(window), m_devices(std::move(devices)), m_ringingDevice(std::move(ringingDevice))
{
    connect(&calls, &Sip::CallService::callChanged, this, &CallAlerts::onCallChanged);
}

CallAlerts::~CallAlerts() = default;

bool CallAlerts::isRinging() const
{
    return m_ringer && m_ringer->isRinging();
}

bool CallAlerts::isPlayingRingback() const
{
    return m_ringback && m_ringback->isRinging();
}

void CallAlerts::onCallChanged(const Sip::CallEvent &event)
{
    updateRingback(event);
    const bool wasRinging = m_incoming.contains(event.callId);
    if (event.state == Sip::CallState::Incoming) {
        m_busy.remove(event.callId);
        m_incoming.insert(event.callId);
        if (!wasRinging) {
            const QString who = event.peerDisplayName.isEmpty()
                                    ? event.peer
                                    : QStringLiteral("%1 <%2>").arg(event.peerDisplayName, event.peer);
            m_window.trayStatus()->notifyIncomingCall(who, !m_busy.isEmpty());
            QApplication::alert(&m_window);
        }
    } else {
        m_incoming.remove(event.callId);
        if (event.state == Sip::CallState::Ended)
            m_busy.remove(event.callId);
        else
            m_busy.insert(event.callId);
    }
    // Ring only into silence: a second call during a conversation is announced, not rung.
    if (!m_incoming.isEmpty() && m_busy.isEmpty())
        startRinging();
    else
        stopRinging();
}

void CallAlerts::startRinging()
{
    if (isRinging())
        return;
    if (!m_ringer)
        m_ringer = std::make_unique<Audio::Ringer>(m_devices ? m_devices() : nullptr);
    const QString device = m_ringingDevice ? m_ringingDevice() : QString();
    if (!m_ringer->start(device)) {
        Q_EMIT notice(tr("An incoming call cannot ring: %1").arg(m_ringer->errorString()));
        m_ringer.reset();
        return;
    }
    if (!m_ringer->fellBackTo().isEmpty())
        Q_EMIT notice(
            tr("Ringing device \"%1\" is not available: ringing on \"%2\"").arg(device, m_ringer->fellBackTo()));
}

void CallAlerts::updateRingback(const Sip::CallEvent &event)
{
    const bool wanted =
        event.direction == Sip::CallDirection::Outgoing && event.state == Sip::CallState::Ringing && !event.earlyMedia;
    if (!wanted) {
        if (event.callId == m_ringbackCallId) {
            m_ringback.reset();
            m_ringbackCallId.clear();
        }
        return;
    }
    if (m_ringbackCallId == event.callId)
        return; // playing already, or it could not play and that was said once

    m_ringback = std::make_unique<Audio::Ringer>(m_devices ? m_devices() : nullptr, Audio::Ringer::Pattern::Ringback);
    m_ringbackCallId = event.callId;
    const QString device = m_callOutput ? m_callOutput(event.lineId) : QString();
    if (!m_ringback->start(device, 0.15f)) {
        Q_EMIT notice(tr("The ringback tone cannot play: %1").arg(m_ringback->errorString()));
        m_ringback.reset();
    }
}

void CallAlerts::stopRinging()
{
    // The sound system is released between calls: an open PortAudio keeps the sound card busy.
    m_ringer.reset();
}

} // namespace App
