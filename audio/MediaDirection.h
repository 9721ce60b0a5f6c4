// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// SDP media direction attribute as seen from the local side.
enum class MediaDirection
{
    Invalid = 0,
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
};

/// True when RTP is to be sent in this direction (sendrecv, sendonly).
bool directionSends(MediaDirection direction);
/// True when received RTP is to be played in this direction (sendrecv, recvonly).
bool directionReceives(MediaDirection direction);
/// SDP attribute name: "sendrecv", "sendonly", "recvonly", "inactive".
QString directionName(MediaDirection direction);

} // namespace Audio
