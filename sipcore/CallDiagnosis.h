// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"

#include <QString>

namespace Sip {

/// Plain-language explanations of how calls fail or end. Pure functions; any thread.
namespace CallDiagnosis {

/// Context of a failure that the status code alone does not tell.
struct Context
{
    bool credentialsSent = false; ///< The INVITE was already answered with digest credentials
    bool stackGenerated = false;  ///< The status came from the local stack, not the network
    bool incoming = false;        ///< We were called (the status is what we answered)
    QString detail;               ///< Extra fact, e.g. the SDP problem or a transport error
};

/// A short clause without a capital or full stop, for the log line "Call ended: 486 Busy Here — <clause>":
/// "the other side is busy".
QString clause(int statusCode, const QString &reasonPhrase, const Context &context = {});
/// The same as a sentence for the call's diagnosis: "The other side is busy."
QString explain(int statusCode, const QString &reasonPhrase, const Context &context = {});
/// Failure kind of a final status, for offhook-cli's exit status (Diagnosis::exitCode).
FailureKind classify(int statusCode, const Context &context = {});

} // namespace CallDiagnosis
} // namespace Sip
