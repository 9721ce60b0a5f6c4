// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/CallTypes.h"

namespace Sip {

QString callStateName(CallState state)
{
    switch (state) {
    case CallState::Invalid:
        return QStringLiteral("invalid");
    case CallState::Dialing:
        return QStringLiteral("dialing");
    case CallState::Ringing:
        return QStringLiteral("ringing");
    case CallState::Incoming:
        return QStringLiteral("incoming");
    case CallState::Answering:
        return QStringLiteral("answering");
    case CallState::Connected:
        return QStringLiteral("connected");
    case CallState::Held:
        return QStringLiteral("on hold");
    case CallState::RemoteHeld:
        return QStringLiteral("held by the other side");
    case CallState::Ending:
        return QStringLiteral("ending");
    case CallState::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QString mediaDirectionName(MediaDirection direction)
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

bool isActive(CallState state)
{
    return state == CallState::Connected || state == CallState::Held || state == CallState::RemoteHeld;
}

QString MediaParameters::describe() const
{
    QString text = codec + QLatin1Char('/') + QString::number(clockRateHz);
    if (channels > 1)
        text += QLatin1Char('/') + QString::number(channels);
    const QString host =
        remoteAddress.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(remoteAddress) : remoteAddress;
    return QStringLiteral("%1 to %2:%3").arg(text, host).arg(remotePort);
}

} // namespace Sip
