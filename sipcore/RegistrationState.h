// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Sip {

/// Where a line's registration stands. Failure states are final for the attempt; the engine may
/// schedule a retry (retryInSeconds > 0) for the ones that can heal by themselves.
enum class RegistrationState
{
    Invalid = 0,
    Unregistered,   ///< Not registered, nothing pending
    Resolving,      ///< Looking up the server's address
    Registering,    ///< REGISTER sent, waiting for an answer
    Authenticating, ///< Challenged; REGISTER with digest sent
    Registered,     ///< 200 OK; refreshed before expiry
    Unregistering,  ///< REGISTER with Expires: 0 sent
    AuthFailed,     ///< Credentials rejected (second 401/407, or an unanswerable challenge)
    Rejected,       ///< Server refused the extension or failed (4xx/5xx/6xx other than auth)
    TimedOut,       ///< No answer (408, or the attempt's deadline passed)
    NetworkFailed,  ///< DNS failure, no route, connection refused, TLS failure
};

QString registrationStateName(RegistrationState state); ///< Short English word for logs and the CLI
bool isFailure(RegistrationState state);

/// Broad cause of a failure, used for diagnoses and for offhook-cli's exit status.
enum class FailureKind
{
    Invalid = 0,
    None,
    Authentication,
    Rejected,
    Timeout,
    Network,
    Other
};

/// One binding of the line's address of record, as the registrar's 200 OK lists them (RFC 3261 10.3):
/// this phone's own and every other device's registered on the same extension. Plain value.
struct RegistrationBinding
{
    QString contact;        ///< The Contact URI as the registrar lists it
    int expiresSeconds = 0; ///< What the registrar grants it
    QString q;              ///< Its q-value, empty when none
    QString instance;       ///< Its +sip.instance, empty when none
    bool self = false;      ///< This phone's own binding (this line, this run)
    bool operator==(const RegistrationBinding &other) const = default;
};

/// The answer to a query or removal of bindings (SipEngine::queryBindings, removeBindings). Plain value.
struct BindingsEvent
{
    QString lineId;
    bool ok = false; ///< The registrar answered 2xx; bindings is its list
    int statusCode = 0;
    QString reasonPhrase;
    QString diagnosis;                   ///< Why it failed, in words (when !ok)
    QStringList removed;                 ///< The Contacts this request removed (a removal)
    QList<RegistrationBinding> bindings; ///< Every binding of the extension now, ours marked self
    QDateTime timestamp;                 ///< UTC
};

/// One registration state change of one line. Small copyable value; crosses threads.
struct RegistrationEvent
{
    QString lineId;
    RegistrationState state = RegistrationState::Invalid;
    FailureKind failure = FailureKind::None;
    int statusCode = 0;     ///< Last SIP status (or 0)
    QString reasonPhrase;   ///< Server's reason phrase, or the stack's
    QString diagnosis;      ///< Plain-language explanation a user can act on
    QString contact;        ///< Registered contact (when Registered): our own binding
    int expiresSeconds = 0; ///< Granted lifetime of our own binding (when Registered)
    /// Every binding of the extension the last 2xx listed, ours included (when Registered).
    QList<RegistrationBinding> bindings;
    QString localAddress;   ///< host:port this phone sent from (when Registered)
    QString publicAddress;  ///< host:port the server saw (received/rport), when it differs: behind NAT
    int retryInSeconds = 0; ///< > 0 when a retry is scheduled
    QString realm;          ///< Realm of the last challenge
    QString algorithm;      ///< Digest algorithm of the last challenge
    QDateTime timestamp;    ///< UTC
};

} // namespace Sip

Q_DECLARE_METATYPE(Sip::RegistrationEvent)
Q_DECLARE_METATYPE(Sip::BindingsEvent)
