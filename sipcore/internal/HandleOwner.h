// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SofiaIncludes.h"

namespace Sip::Internal {

/// One nua event as Sofia delivered it. Every pointer is valid only during the callback: copy what
/// you keep. Engine thread only.
struct NuaEvent
{
    nua_event_t event;
    int status;
    const char *phrase;
    nua_handle_t *handle;
    const sip_t *sip;
    tagi_t *tags;
};

/// Anything that owns a nua handle and receives its events (registrations, later subscriptions and
/// calls). Bound to the handle as its hmagic. Engine thread only. The owner must destroy its handle
/// before it is deleted, so no event can reach a dead owner.
class HandleOwner
{
public:
    virtual ~HandleOwner() = default;
    virtual void onNuaEvent(const NuaEvent &event) = 0;

protected:
    /// Unbinds the owner (no later event reaches it) and destroys the handle; null afterwards.
    static void destroyHandle(nua_handle_t *&handle)
    {
        if (handle) {
            nua_handle_bind(handle, nullptr);
            nua_handle_destroy(handle);
            handle = nullptr;
        }
    }
};

} // namespace Sip::Internal
