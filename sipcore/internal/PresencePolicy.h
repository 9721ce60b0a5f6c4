// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QString>

namespace Sip::Internal {

/// What a subscription or publication does after it ended or failed, and how that is explained to
/// people. The rules of RFC 6665 section 4.1.3 for "Subscription-State: terminated", and back-off for
/// errors that can heal, so no server can drive us into a tight loop. Pure functions; any thread.
namespace PresencePolicy {

enum class Next
{
    Invalid = 0,
    Stop,  ///< Do not try again; the user has to act
    Retry, ///< Start a new subscription/publication after delaySeconds
};

struct Decision
{
    Next next = Next::Invalid;
    int delaySeconds = 0;
    FailureKind failure = FailureKind::None;
    QString diagnosis;
};

/// Back-off before retry number n (1-based): firstRetrySeconds, doubling, capped at maxRetrySeconds.
int backoffSeconds(int retry, const PresenceOptions &options);

/// After a NOTIFY with "Subscription-State: terminated;reason=R" that the stack does not handle itself
/// (it re-subscribes on its own after deactivated and probation). retries counts the retries made since
/// the subscription last stayed up; retryAfterSeconds is -1 when the NOTIFY gave none.
Decision afterTermination(const QString &reason, int retryAfterSeconds, int retries, const QString &uri,
                          EventPackage package, const PresenceOptions &options);

/// After a final failure answer to SUBSCRIBE or PUBLISH (method "SUBSCRIBE"/"PUBLISH"). credentialsSent:
/// our digest was already refused once; stackGenerated: the answer came from the local stack (timeout,
/// transport error), not from the network; retryAfterSeconds is -1 when the answer had none.
Decision afterFailure(const QString &method, int status, const QString &phrase, int retryAfterSeconds,
                      bool credentialsSent, bool stackGenerated, int retries, const QString &uri, EventPackage package,
                      const PresenceOptions &options);

} // namespace PresencePolicy
} // namespace Sip::Internal
