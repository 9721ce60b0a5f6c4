// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/AudioDevice.h"

namespace Audio {

AudioDevice::~AudioDevice() = default;

void AudioDevice::service() {}

void AudioDevice::setEventHandler(EventHandler handler)
{
    m_eventHandler = std::move(handler);
}

void AudioDevice::reportEvent(const AudioDeviceEvent &event)
{
    if (m_eventHandler)
        m_eventHandler(event);
}

} // namespace Audio
