// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Gui {

/// The user's application-wide preferences, as the preferences dialog edits them. Device names are as the
/// audio backend lists them; empty means the system default. Plain value.
struct Preferences
{
    QString inputDevice;   ///< Microphone
    QString outputDevice;  ///< Speaker or headset for calls
    QString ringingDevice; ///< Where incoming calls ring; empty = the call output device
    QString caFile;        ///< Extra TLS certificate authorities (PEM); empty = the system's only
    QString stunServer;    ///< host[:port] asked for the public RTP address behind NAT; empty = none

    bool operator==(const Preferences &) const = default;
};

} // namespace Gui
