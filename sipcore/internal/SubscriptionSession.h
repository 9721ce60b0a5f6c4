// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SessionCore.h"
#include "sipcore/internal/PresencePolicy.h"
#include "sipcore/internal/PresenceReports.h"
#include "sipcore/presence/DialogInfoTracker.h"

#include <QElapsedTimer>
#include <functional>
#include <memory>

namespace Sip::Internal {

class EngineThread;
class EngineTimer;

/// One subscription (one contact, one event package) of one line on the engine thread: owns its nua
/// handle, answers each challenge once, turns every NOTIFY body into a contact state with the presence
/// parsers, and follows RFC 6665 when the server ends it — re-subscribing with back-off where that can
/// help, stopping where it cannot. Sofia refreshes the subscription before it expires and re-subscribes
/// by itself after "deactivated" and "probation"; this class only watches that it does not loop. Every
/// retry uses a new handle (and Call-ID). Engine thread only.
class SubscriptionSession : public SessionCore
{
public:
    using Report = std::function<void(const SubscriptionReport &)>;

    SubscriptionSession(EngineThread &engine, const LineContext &line, const SubscriptionRequest &request,
                        const PresenceOptions &options, Report report);
    SubscriptionSession(const SubscriptionSession &) = delete;
    SubscriptionSession &operator=(const SubscriptionSession &) = delete;

    void start();   ///< SUBSCRIBE now
    void stop();    ///< un-SUBSCRIBE when subscribed, else end at once; reports Idle (final) when done
    void abandon(); ///< Drop the handle without reporting (engine shutdown)
    bool isFinished() const { return m_finished; }
    bool isUnsubscribing() const { return m_unsubscribing; }
    quint64 id() const { return m_request.id; }

    void onNuaEvent(const NuaEvent &event) override;

private:
    void subscribe();
    void onSubscribeResult(const NuaEvent &event);
    void onUnsubscribeResult(const NuaEvent &event);
    void onNotify(const NuaEvent &event);
    void onAuthenticateResult(const NuaEvent &event);
    bool retryWithCredentials(const NuaEvent &event, const char *method);
    ContactPresence readBody(const sip_t *sip, QString *problem);
    void onTerminated(const QString &reason, int retryAfterSeconds, int status, const QString &phrase);
    void onStackResubscribe(const QString &reason, int retryAfterSeconds);
    void apply(const PresencePolicy::Decision &decision, int status, const QString &phrase, const QString &reason);
    void scheduleRetry(int seconds);
    void finishUnsubscribe(int status, const QString &phrase);
    void reportState(SubscriptionState state, int status = 0, const QString &phrase = {}, const QString &diagnosis = {},
                     const QString &reason = {}, FailureKind failure = FailureKind::None, int retryInSeconds = 0);
    void reportPresence(const ContactPresence &presence);
    void noteUp();
    QString describe() const; ///< "sip:1002@pbx (presence)"

    SubscriptionRequest m_request;
    PresenceOptions m_options;
    Report m_report;

    DialogInfoTracker m_dialogs;
    std::unique_ptr<EngineTimer> m_timer; // retry, or the wait for the final NOTIFY after un-SUBSCRIBE

    SubscriptionState m_state = SubscriptionState::Invalid;
    bool m_accepted = false; ///< A 2xx arrived for the current handle
    bool m_unsubscribing = false;
    bool m_unsubscribeAnswered = false; ///< 2xx to our un-SUBSCRIBE; waiting for the final NOTIFY
    bool m_finalNotifySeen = false;     ///< The final NOTIFY came (possibly before the 2xx)
    bool m_finished = false;
    int m_retries = 0;           ///< Retries since the subscription last stayed up
    int m_stackResubscribes = 0; ///< Sofia's own re-subscriptions since then
    int m_expiresGranted = 0;
    QElapsedTimer m_upSince; ///< Since the current subscription became pending/active
    QElapsedTimer m_lastFullStateRequest;
};

} // namespace Sip::Internal
