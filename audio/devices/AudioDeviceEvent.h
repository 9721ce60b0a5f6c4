// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// Something that happened to an open device stream, reported from a non-real-time thread.
struct AudioDeviceEvent
{
    enum class Kind
    {
        Invalid = 0,
        InputFellBackToDefault,  ///< the requested input device is missing: the default one is used
        OutputFellBackToDefault, ///< the requested output device is missing: the default one is used
        InputLost,               ///< the open input stopped (unplugged); replacement names the fallback or is empty
        OutputLost,              ///< the open output stopped (unplugged); replacement names the fallback or is empty
    };
    Kind kind = Kind::Invalid;
    QString deviceName;      ///< the device that was asked for or lost
    QString replacementName; ///< the device now in use, empty when none could be opened
};

} // namespace Audio
