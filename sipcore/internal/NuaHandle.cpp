// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/NuaHandle.h"

#include "sipcore/internal/HandleOwner.h"

namespace Sip::Internal {

NuaHandle NuaHandle::adopt(nua_handle_t *handle, HandleOwner *owner)
{
    if (handle)
        nua_handle_bind(handle, owner);
    return NuaHandle(handle);
}

void NuaHandle::reset(nua_handle_t *replacement)
{
    nua_handle_t *old = m_handle;
    m_handle = replacement;
    if (old && old != replacement) {
        nua_handle_bind(old, nullptr);
        nua_handle_destroy(old);
    }
}

} // namespace Sip::Internal
