// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/ChallengeResponder.h"
#include "sipcore/internal/HandleOwner.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace Sip::Internal {

class EngineThread;

/// What one registration attempt needs, with every address already resolved. Plain value.
struct RegistrationRequest
{
    quint64 attempt = 0;
    QByteArray addressOfRecord; ///< sip:EXT@DOMAIN (To and From)
    QByteArray displayName;
    QByteArray registrarUri;    ///< Request-URI: sip:DOMAIN[:PORT]
    QByteArray nextHopUri;      ///< sip:IP:PORT;transport=X — where packets really go
    QByteArray contactUser;     ///< User part of our Contact
    QByteArray expires;         ///< Seconds, as text
    QString authUser;
    QString password;
    QString peerDescription;    ///< "127.0.0.1:5060 (udp)" for the log
};

/// One line's registration on the engine thread: owns its nua handle, answers each challenge once
/// with digest, and reports every state change through the report function (which hops to the
/// façade's thread). A new handle is used for every attempt, so a retry never carries an
/// Authorization that the server did not ask for. Engine thread only.
class RegistrationSession : public HandleOwner
{
public:
    RegistrationSession(EngineThread &engine, QString lineId);
    ~RegistrationSession() override;

    void start(const RegistrationRequest &request);
    void stop();   ///< Unregister (Expires: 0) if registered, else drop the attempt
    void abort(const QString &why); ///< Drop the handle now (deadline passed); reports nothing
    bool isRegistered() const { return m_registered; }
    bool isBusy() const;          ///< A request is pending

    void onNuaEvent(const NuaEvent &event) override;

private:
    void onRegisterResult(const NuaEvent &event);
    void onUnregisterResult(const NuaEvent &event);
    void onAuthenticateResult(const NuaEvent &event);
    bool answerChallenge(const NuaEvent &event);
    void fail(const NuaEvent &event, RegistrationState state, FailureKind kind, const QString &diagnosis);
    void report(RegistrationState state, int status = 0, const QString &phrase = {}, const QString &diagnosis = {},
                FailureKind kind = FailureKind::None);
    void step(const QString &text, bool error = false);
    void releaseHandle();
    bool stackGenerated(const NuaEvent &event) const;

    EngineThread &m_engine;
    QString m_lineId;
    RegistrationRequest m_request;
    nua_handle_t *m_handle = nullptr;
    QByteArray m_callId;
    bool m_registered = false;
    bool m_unregistering = false;
    ChallengeResponder m_auth;
    int m_expiresGranted = 0;
    QString m_contact;
};

} // namespace Sip::Internal
