// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SofiaIncludes.h"

namespace Sip::Internal {

class HandleOwner;

/// Owns one nua handle: the only place that destroys one. Move-only. Destroying (or reset()) first
/// unbinds the handle's owner, so no later event can reach an owner that is going away; a live call's
/// handle sends its BYE or CANCEL as it goes. Engine thread only, like every nua call.
class NuaHandle
{
public:
    NuaHandle() = default;
    /// Takes a handle made by nua_handle(); null is fine (the request could not be made).
    explicit NuaHandle(nua_handle_t *handle) : m_handle(handle) {}
    ~NuaHandle() { reset(); }
    NuaHandle(const NuaHandle &) = delete;
    NuaHandle &operator=(const NuaHandle &) = delete;
    NuaHandle(NuaHandle &&other) noexcept : m_handle(other.m_handle) { other.m_handle = nullptr; }
    NuaHandle &operator=(NuaHandle &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_handle = other.m_handle;
            other.m_handle = nullptr;
        }
        return *this;
    }

    /// Takes a handle the stack created for an incoming request and binds it to owner, whose
    /// onNuaEvent() then receives its events.
    static NuaHandle adopt(nua_handle_t *handle, HandleOwner *owner);
    /// A handle of an incoming request that nobody keeps (answered, or needing no answer): destroyed now.
    static void discard(nua_handle_t *handle) { NuaHandle{handle}.reset(); }

    nua_handle_t *get() const { return m_handle; }
    explicit operator bool() const { return m_handle != nullptr; }
    bool operator==(const nua_handle_t *handle) const { return m_handle == handle; }
    /// Unbinds and destroys the handle; null afterwards.
    void reset(nua_handle_t *replacement = nullptr);

private:
    nua_handle_t *m_handle = nullptr;
};

/// A scoped su_home_t for the strings Sofia allocates (url_as_string, sip_header_as_string ...): freed
/// when the scope ends.
class SuHome
{
public:
    SuHome() { su_home_init(m_home); }
    ~SuHome() { su_home_deinit(m_home); }
    SuHome(const SuHome &) = delete;
    SuHome &operator=(const SuHome &) = delete;
    su_home_t *get() { return m_home; }

private:
    su_home_t m_home[1] = {};
};

} // namespace Sip::Internal
