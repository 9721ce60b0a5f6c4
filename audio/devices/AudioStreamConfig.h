// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// What AudioDevice::open() is asked for. Device names come from AudioDevice::inputDevices()/outputDevices();
/// empty selects the default. FileBackend reads the names as WAV paths.
struct AudioStreamConfig
{
    QString inputDeviceName;
    QString outputDeviceName;
    int sampleRateHz = 48000;
    int framesPerBuffer = 480;
    bool capture = true; ///< false: playback only, no microphone is opened (e.g. a ringtone)
};

} // namespace Audio
