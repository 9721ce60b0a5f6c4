// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SessionCore.h"
#include "sipcore/internal/PresenceReports.h"

#include <QElapsedTimer>
#include <functional>
#include <memory>

namespace Sip::Internal {

class EngineThread;
class EngineTimer;

/// The PUBLISH of one line's own status (RFC 3903) on the engine thread: owns its nua handle, answers
/// each challenge once, builds the PIDF body with PidfBuilder. Sofia refreshes the publication with
/// SIP-If-Match before it expires and sends a changed status on the same handle; when a server's 2xx lacks
/// Expires or SIP-ETag (Sofia then drops the publication with 900), this class re-publishes in full before
/// the requested lifetime ends. Errors that can heal are retried with back-off on a new handle.
/// Engine thread only.
class PublicationSession : public SessionCore
{
public:
    using Report = std::function<void(const PublicationReport &)>;

    PublicationSession(EngineThread &engine, const LineContext &line, quint64 id, const PresenceOptions &options,
                       Report report);
    PublicationSession(const PublicationSession &) = delete;
    PublicationSession &operator=(const PublicationSession &) = delete;

    void publish(OwnStatus status, const QString &note); ///< First PUBLISH, or a changed status
    void stop();    ///< un-PUBLISH (Expires: 0) when published; reports Unpublished (final) when done
    void abandon(); ///< Drop the handle without reporting (engine shutdown)
    bool isFinished() const { return m_finished; }
    bool isUnpublishing() const { return m_unpublishing; }
    quint64 id() const { return m_id; }

    void onNuaEvent(const NuaEvent &event) override;

private:
    void send();
    void onPublishResult(const NuaEvent &event);
    void onUnpublishResult(const NuaEvent &event);
    void onAccepted(const NuaEvent &event, int status, bool lacksExpiresOrTag);
    void fail(const NuaEvent &event);
    void scheduleRepublish(int seconds);
    void finishUnpublish(int status, const QString &phrase);
    void report(PublicationState state, int status = 0, const QString &phrase = {}, const QString &diagnosis = {},
                FailureKind failure = FailureKind::None, int retryInSeconds = 0);

    quint64 m_id;
    PresenceOptions m_options;
    Report m_report;

    std::unique_ptr<EngineTimer> m_timer; // retry, or a full re-PUBLISH when Sofia cannot refresh

    OwnStatus m_status = OwnStatus::Invalid; ///< What the user wants published
    QString m_note;
    bool m_inFlight = false;        ///< Our own PUBLISH (with a body) awaits its answer
    bool m_changedInFlight = false; ///< The status changed while a PUBLISH was in flight
    bool m_published = false;
    bool m_unpublishing = false;
    bool m_stopWhenAnswered = false; ///< stop() came while a PUBLISH was in flight
    bool m_finished = false;
    int m_retries = 0;
    int m_expiresGranted = 0;
};

} // namespace Sip::Internal
