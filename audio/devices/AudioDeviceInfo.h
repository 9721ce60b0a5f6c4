// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// One entry of AudioDevice::inputDevices()/outputDevices(). The name is what settings store and what
/// AudioStreamConfig selects by.
struct AudioDeviceInfo
{
    QString name;
    QString hostApi; ///< e.g. "ALSA", "PulseAudio", "WASAPI"; empty for file/null backends
    int maxChannels = 0;
    double defaultSampleRateHz = 0.0;
    bool isDefault = false;
};

} // namespace Audio
