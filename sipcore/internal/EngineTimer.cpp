// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/EngineTimer.h"

namespace Sip::Internal {

EngineTimer::EngineTimer(su_root_t *root) : m_timer(su_timer_create(su_root_task(root), 1000)) {}

EngineTimer::~EngineTimer()
{
    if (m_timer)
        su_timer_destroy(m_timer);
}

void EngineTimer::start(int milliseconds, std::function<void()> callback)
{
    if (!m_timer)
        return;
    m_callback = std::move(callback);
    su_timer_reset(m_timer);
    su_timer_set_interval(m_timer, &EngineTimer::trampoline, this, milliseconds);
}

void EngineTimer::stop()
{
    if (m_timer)
        su_timer_reset(m_timer);
}

bool EngineTimer::isActive() const
{
    return m_timer && su_timer_is_set(m_timer);
}

void EngineTimer::trampoline(EngineThread *, su_timer_t *, void *arg)
{
    auto *self = static_cast<EngineTimer *>(arg);
    // Copy first: the callback may restart or delete this timer.
    std::function<void()> callback = self->m_callback;
    if (callback)
        callback();
}

} // namespace Sip::Internal
