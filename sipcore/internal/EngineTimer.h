// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SofiaIncludes.h"

#include <functional>

namespace Sip::Internal {

/// Owner of one su_timer on the engine's root. Engine thread only.
class EngineTimer
{
public:
    explicit EngineTimer(su_root_t *root);
    ~EngineTimer();
    EngineTimer(const EngineTimer &) = delete;
    EngineTimer &operator=(const EngineTimer &) = delete;

    void start(int milliseconds, std::function<void()> callback); ///< Single shot; restarts if running
    void stop();
    bool isActive() const;

private:
    static void trampoline(EngineThread *magic, su_timer_t *timer, void *arg);
    su_timer_t *m_timer = nullptr;
    std::function<void()> m_callback;
};

} // namespace Sip::Internal
