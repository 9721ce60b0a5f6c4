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

/// Anything that owns a nua handle (through NuaHandle) and receives its events: every session. Bound to
/// the handle as its hmagic. Engine thread only. The owner's NuaHandle unbinds it when the handle goes,
/// so no event can reach a dead owner.
class HandleOwner
{
public:
    virtual ~HandleOwner() = default;
    virtual void onNuaEvent(const NuaEvent &event) = 0;
};

} // namespace Sip::Internal
