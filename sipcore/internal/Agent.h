// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/HandleOwner.h"

namespace Sip::Internal {

/// The engine-thread half of one feature (registrations, calls, presence ...): it owns that feature's
/// sessions and is the only thing its façade (the Service, on the owner's thread) talks to. The
/// EngineThread owns every installed agent and knows nothing else of the features: it offers each agent
/// the events of handles no session owns (new incoming requests), and drives the shutdown through
/// these calls. Agents die on the engine thread when its loop ends, before nua_destroy(). Engine thread
/// only (the constructor excepted).
///
/// The shape of a feature:  Service (façade, owner's thread) --posts--> Agent --owns--> Session(s);
/// reports go back through one ReportChannel<Service>.
class Agent
{
public:
    virtual ~Agent() = default;

    /// An event of a handle no session owns. Return true to take it (and with it the handle: adopt it
    /// into a NuaHandle or answer and discard it). Agents are asked in the order they were installed.
    virtual bool onStackEvent(const NuaEvent &) { return false; }
    /// The engine shuts down: start closing what is open (un-REGISTER, un-SUBSCRIBE, BYE ...).
    virtual void shutdown() = 0;
    /// The shutdown waits (bounded by EngineOptions::shutdownTimeoutMs) while any agent says true.
    virtual bool isClosing() const { return false; }
    /// The wait is over, just before nua_shutdown(): drop whatever handle Sofia must not close by
    /// itself (it would repeat an un-REGISTER that already failed or timed out).
    virtual void releaseBeforeStackShutdown() {}
};

} // namespace Sip::Internal
