// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/SessionCore.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace Sip::Internal {

class EngineThread;

/// What one registration attempt needs besides the line's LineContext (address of record, next hop,
/// contact user, credentials), with every address already resolved. Plain value.
struct RegistrationRequest
{
    quint64 attempt = 0;
    QByteArray registrarUri; ///< Request-URI: sip:DOMAIN[:PORT]
    QByteArray expires;      ///< Seconds, as text
    QString peerDescription; ///< "127.0.0.1:5060 (udp)" for the log
};

/// One line's registration on the engine thread: owns its nua handle, answers each challenge once
/// with digest, and reports every state change of the current attempt to its RegistrationAgent. A new
/// handle is used for every attempt, so a retry never carries an Authorization that the server did not
/// ask for. Engine thread only.
class RegistrationSession : public SessionCore
{
public:
    using Report = std::function<void(quint64 attempt, const RegistrationEvent &)>;

    RegistrationSession(EngineThread &engine, const QString &lineId, Report report);

    void start(const LineContext &line, const RegistrationRequest &request);
    void stop();                    ///< Unregister (Expires: 0) if registered, else drop the attempt
    void abort(const QString &why); ///< Drop the handle now (deadline passed); reports nothing
    bool isRegistered() const { return m_registered; }
    bool isBusy() const; ///< An un-REGISTER is pending
    const RegistrationRequest &request() const { return m_request; }
    /// The Contact our last REGISTER carried (empty before the first).
    QByteArray ownContact() const;

    void onNuaEvent(const NuaEvent &event) override;

private:
    void onRegisterResult(const NuaEvent &event);
    void onRegistered(const NuaEvent &event);
    void onUnregisterResult(const NuaEvent &event);
    void onAuthenticateResult(const NuaEvent &event);
    bool retryWithCredentials(const NuaEvent &event);
    void onOutbound(const NuaEvent &event);

    /// Where we sent from and where the server saw us (the response's Via): publicAddress is empty
    /// unless the two differ.
    struct NatView
    {
        QString localAddress;
        QString publicAddress;
        bool behindNat() const { return !publicAddress.isEmpty(); }
    };
    static NatView natView(const NuaEvent &event);
    QString natNote(const NatView &nat) const; ///< What the NAT means for this line, for log and diagnosis
    void fail(const NuaEvent &event, RegistrationState state, FailureKind kind, const QString &diagnosis);
    void report(RegistrationState state, int status = 0, const QString &phrase = {}, const QString &diagnosis = {},
                FailureKind kind = FailureKind::None);
    RegistrationEvent newEvent(RegistrationState state, int status = 0, const QString &phrase = {}) const;

    Report m_report;
    RegistrationRequest m_request;
    bool m_registered = false;
    bool m_unregistering = false;
    int m_expiresGranted = 0;
    QString m_contact;
};

} // namespace Sip::Internal
