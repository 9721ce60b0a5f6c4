// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/ChallengeResponder.h"
#include "sipcore/internal/HandleOwner.h"
#include "sipcore/internal/LineContext.h"
#include "sipcore/internal/NuaHandle.h"

#include <QByteArray>
#include <QString>

namespace Sip::Internal {

class EngineThread;

/// What every session (one SIP dialog or transaction family of one line: a registration, a
/// subscription, a publication, a call) is made of, written once: its nua handle, its Call-ID and the
/// wire log's attribution of it to the line, steps into the live log, the phrase of a status, whether a
/// status came from the local stack rather than the network, and answering a 401/407 once per realm.
/// A new kind of session derives from this and adds only its own requests and states. Engine thread
/// only.
class SessionCore : public HandleOwner
{
public:
    ~SessionCore() override;
    SessionCore(const SessionCore &) = delete;
    SessionCore &operator=(const SessionCore &) = delete;

    const QString &lineId() const { return m_line.lineId; }
    const LineContext &line() const { return m_line; }

    /// A fresh random Call-ID ("<hex>@offhook"); any thread.
    static QByteArray newSipCallId();
    /// The text of an event's status phrase ("" when none).
    static QString phraseOf(const NuaEvent &event);

protected:
    SessionCore(EngineThread &engine, LineContext line);

    EngineThread &engine() const { return m_engine; }
    nua_handle_t *handle() const { return m_handle.get(); }
    bool hasHandle() const { return static_cast<bool>(m_handle); }
    /// The event belongs to this session's current handle (events of a replaced handle are stale).
    bool owns(const NuaEvent &event) const { return m_handle == event.handle; }
    const QByteArray &sipCallId() const { return m_sipCallId; }

    /// Starts a new request family to toUri with a new Call-ID: From is the line's address with its
    /// display name, the next hop is the line's resolved server, our Contact user the line's. False (and
    /// nothing to release) when the stack could not make the handle.
    bool openHandle(const QByteArray &toUri);
    /// Takes the handle the stack made for an incoming request, and its Call-ID for the log.
    void adoptHandle(const NuaEvent &incoming);
    /// Drops the handle (a live dialog ends with BYE or CANCEL); later events of it are not delivered.
    void releaseHandle() { m_handle.reset(); }

    void step(const QString &text, bool error = false) const;
    /// The status was made up by the local stack (timeout, transport error): it never came off the wire.
    bool stackGenerated(int status) const;

    /// Answers a 401/407 to request ("REGISTER", "re-INVITE", ...) with the line's credentials, each realm
    /// once; logs the challenge and the retry. Anything but Answered means no retry is under way:
    /// refusal() says why in words.
    ChallengeResponder::Outcome answerChallenge(const NuaEvent &event, const QString &request,
                                                ChallengeResponder &responder);
    ChallengeResponder::Outcome answerChallenge(const NuaEvent &event, const QString &request)
    {
        return answerChallenge(event, request, m_auth);
    }
    /// Why a challenge was not answered, for the log and diagnoses.
    static QString refusal(ChallengeResponder::Outcome outcome, const ChallengeResponder &responder);

    LineContext m_line;
    ChallengeResponder m_auth; ///< For the session's main request; reset it when a new attempt starts

private:
    EngineThread &m_engine;
    NuaHandle m_handle;
    QByteArray m_sipCallId;
};

} // namespace Sip::Internal
