// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/RegistrationState.h"

namespace Sip {

QString registrationStateName(RegistrationState state)
{
    switch (state) {
    case RegistrationState::Invalid:
        return QStringLiteral("invalid");
    case RegistrationState::Unregistered:
        return QStringLiteral("unregistered");
    case RegistrationState::Resolving:
        return QStringLiteral("resolving");
    case RegistrationState::Registering:
        return QStringLiteral("registering");
    case RegistrationState::Authenticating:
        return QStringLiteral("authenticating");
    case RegistrationState::Registered:
        return QStringLiteral("registered");
    case RegistrationState::Unregistering:
        return QStringLiteral("unregistering");
    case RegistrationState::AuthFailed:
        return QStringLiteral("authentication failed");
    case RegistrationState::Rejected:
        return QStringLiteral("rejected");
    case RegistrationState::TimedOut:
        return QStringLiteral("timed out");
    case RegistrationState::NetworkFailed:
        return QStringLiteral("network failure");
    }
    return {};
}

bool isFailure(RegistrationState state)
{
    return state == RegistrationState::AuthFailed || state == RegistrationState::Rejected ||
           state == RegistrationState::TimedOut || state == RegistrationState::NetworkFailed;
}

} // namespace Sip
