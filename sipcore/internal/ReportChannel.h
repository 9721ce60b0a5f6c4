// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QMetaObject>
#include <QMutex>
#include <functional>
#include <memory>

namespace Sip::Internal {

/// The one way back from the engine thread to a façade (SipEngine, CallService, PresenceService ...).
/// deliver() runs on the engine thread and queues the report into the target's thread; detach(), from
/// the target's destructor on its own thread, makes every later and every still-queued report a no-op,
/// so nothing reaches a deleted target. Made with std::make_shared. Thread-safe.
template <typename Target> class ReportChannel : public std::enable_shared_from_this<ReportChannel<Target>>
{
public:
    explicit ReportChannel(Target *target) : m_target(target) {}
    ReportChannel(const ReportChannel &) = delete;
    ReportChannel &operator=(const ReportChannel &) = delete;

    /// Any thread (the engine's): report runs later on the target's thread, unless detached by then.
    void deliver(std::function<void(Target &)> report)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_target)
            return;
        // Thread hop: engine thread -> the target's thread. The target is checked again there: detach()
        // runs on that thread, so the check is race-free.
        QMetaObject::invokeMethod(
            m_target,
            [channel = this->shared_from_this(), report = std::move(report)] {
                Target *target = channel->target();
                if (target)
                    report(*target);
            },
            Qt::QueuedConnection);
    }

    /// The target's thread, before the target goes.
    void detach()
    {
        QMutexLocker lock(&m_mutex);
        m_target = nullptr;
    }

    bool isAttached() const
    {
        QMutexLocker lock(&m_mutex);
        return m_target != nullptr;
    }

private:
    Target *target() const
    {
        QMutexLocker lock(&m_mutex);
        return m_target;
    }

    mutable QMutex m_mutex;
    Target *m_target; // a QObject
};

} // namespace Sip::Internal
