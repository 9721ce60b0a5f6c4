// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/SipEngine.h"
#include "sipcore/internal/HandleOwner.h"

#include <QString>

namespace Sip {
class SipLog;
}

namespace Sip::Internal {

class WireLog;

/// The Sofia-SIP user agent of one engine: creates the nua stack on first use (bound where the first
/// line's server is reached from), answers the requests that no agent took, and shuts it down. Engine
/// thread only.
class SofiaStack
{
public:
    SofiaStack(EngineThread &thread, WireLog &wireLog, SipLog *log, const EngineOptions &options);
    ~SofiaStack(); ///< nua_destroy() when the shutdown finished (it aborts on an unfinished one)
    SofiaStack(const SofiaStack &) = delete;
    SofiaStack &operator=(const SofiaStack &) = delete;

    /// Where Sofia finds cafile.pem for TLS.
    void setCertificateDirectory(const QString &directory) { m_certificateDirectory = directory; }
    /// Creates the stack on first use. TLS is bound only when asked for when the stack is created: with a
    /// TLS transport bound, this Sofia build gives every line a sips: Contact, even lines on UDP/TCP.
    bool ensure(su_root_t *root, const QString &bindHost, bool tls, QString *error);
    nua_t *nua() const { return m_nua; }

    /// An event of a handle nobody owns and no agent took: refuse what needs an answer, free the handle.
    void answerUnclaimed(const NuaEvent &event);
    /// Starts nua_shutdown(); false when there is no stack to shut down.
    bool startShutdown();
    /// nua_r_shutdown arrived; true once it is final.
    bool onShutdownAnswer(const NuaEvent &event);

private:
    EngineThread &m_thread;
    WireLog &m_wireLog;
    SipLog *m_log;
    EngineOptions m_options;
    QString m_certificateDirectory;
    nua_t *m_nua = nullptr;
    QString m_boundHost;
    bool m_tlsBound = false;
    bool m_shutdownComplete = false;
};

} // namespace Sip::Internal
