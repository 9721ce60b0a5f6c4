// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"
#include "sipcore/RegistrationState.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Gui {

/// One step of a registration attempt as the troubleshooter shows it.
struct TraceStep
{
    enum class Status
    {
        Invalid = 0,
        Done,
        Failed,
        Pending,
        TimedOut
    };
    QString title;  ///< "REGISTER sent", "401 challenge", "REGISTER with digest", "200 OK"
    QString detail; ///< "to 192.0.2.1:5060 over UDP", "realm \"pbx\", MD5", "expires 300 s"
    Status status = Status::Invalid;
    quint64 sequence = 0; ///< Log entry it comes from (0 when derived from the event)
    QDateTime timestamp;
};

/// Builds the step tracker of a line's last registration attempt from the log and the line's last
/// event: "REGISTER sent → 401 challenge (realm, algorithm) → REGISTER with digest → 200 OK (expires N)",
/// with the failing step marked and timeouts shown as timeouts. Pure; any thread.
class RegistrationTrace
{
public:
    /// entries: the log (any lines; only lineId's are used), oldest first.
    static QList<TraceStep> build(const QList<Sip::LogEntry> &entries, const QString &lineId,
                                  const Sip::RegistrationEvent &lastEvent);
    /// The entries of the last attempt (messages and steps), for the ladder and the test page.
    static QList<Sip::LogEntry> lastAttempt(const QList<Sip::LogEntry> &entries, const QString &lineId);
    /// "retry in 23 s", "retrying now", "no retry scheduled"; empty when not failed.
    static QString retryText(const Sip::RegistrationEvent &event, const QDateTime &now);
    /// One line for the whole trace: "REGISTER sent → 401 challenge → …".
    static QString summary(const QList<TraceStep> &steps);

private:
    RegistrationTrace() = default;
};

} // namespace Gui
