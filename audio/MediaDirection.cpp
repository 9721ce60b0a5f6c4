// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/MediaDirection.h"

namespace Audio {

bool directionSends(MediaDirection direction)
{
    return direction == MediaDirection::SendRecv || direction == MediaDirection::SendOnly;
}

bool directionReceives(MediaDirection direction)
{
    return direction == MediaDirection::SendRecv || direction == MediaDirection::RecvOnly;
}

QString directionName(MediaDirection direction)
{
    switch (direction) {
    case MediaDirection::SendRecv:
        return QStringLiteral("sendrecv");
    case MediaDirection::SendOnly:
        return QStringLiteral("sendonly");
    case MediaDirection::RecvOnly:
        return QStringLiteral("recvonly");
    case MediaDirection::Inactive:
        return QStringLiteral("inactive");
    case MediaDirection::Invalid:
        break;
    }
    return {};
}

} // namespace Audio
