// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"

#include <QString>
#include <QStringList>

namespace Sip {

/// Plain-language explanations of registration results. Pure functions; any thread.
namespace Diagnosis {

/// Context of a failure that the status code alone does not tell.
struct Context
{
    bool credentialsSent = false; ///< A REGISTER with digest was already sent for this attempt
    bool proxyChallenge = false;  ///< The challenge was 407 (Proxy-Authenticate)
    bool stackGenerated = false;  ///< The response came from the local stack, not the network
    QString algorithm;            ///< Digest algorithm the server asked for
    QString detail;               ///< Extra fact, e.g. the DNS name that failed
};

/// Failure kind for a final status. 401/407 count as authentication failures only after credentials.
FailureKind classify(int statusCode, const Context &context = {});
/// One or two sentences: what happened and what to check.
QString explain(int statusCode, const QString &reasonPhrase, const Context &context = {});
/// Concrete checks for the troubleshooter, one per entry.
QStringList checks(int statusCode, const Context &context = {});
/// Exit status used by offhook-cli: 0 ok, 3 auth, 4 rejected, 5 timeout, 6 network, 1 other.
int exitCode(FailureKind kind);

} // namespace Diagnosis
} // namespace Sip
