// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QtGlobal>
#include <atomic>
#include <thread>

class QObject;

namespace Sip::Internal {

/// The thread rules of the engine, checked in every build (not only where Q_ASSERT is compiled in):
/// Sofia and every session live on the engine thread, every façade on its owner's thread. A call on the
/// wrong thread is logged loudly (qCritical, with where and which threads) and counted; with the
/// environment variable OFFHOOK_THREAD_CHECK=abort, which the test suite sets, the process aborts so the
/// test fails at the offending call.
class ThreadCheck
{
public:
    /// Binds to the calling thread (the engine thread calls it first thing in its run()).
    void bindToCurrentThread() { m_id.store(std::this_thread::get_id(), std::memory_order_release); }
    void unbind() { m_id.store(std::thread::id(), std::memory_order_release); }
    /// True on the bound thread (or when unbound: before start and after the loop, one thread owns all).
    bool isCurrent() const
    {
        const std::thread::id bound = m_id.load(std::memory_order_acquire);
        return bound == std::thread::id() || bound == std::this_thread::get_id();
    }
    /// where: the entry point, e.g. Q_FUNC_INFO.
    void check(const char *where) const
    {
        if (Q_UNLIKELY(!isCurrent()))
            violated(where, "the engine thread");
    }

    /// Façade objects: QObject's own thread affinity.
    static void checkOwner(const QObject *owner, const char *where);
    /// How many violations this process has seen (tests of the check itself read it).
    static int violationCount();
    static void violated(const char *where, const char *expected);

private:
    std::atomic<std::thread::id> m_id{};
};

} // namespace Sip::Internal

/// First line of every engine-thread entry point; thread is the EngineThread (or its ThreadCheck owner).
#define OFFHOOK_ON_ENGINE_THREAD(engine) (engine).threadCheck().check(Q_FUNC_INFO)
/// First line of every façade call: it must run on the thread its QObject lives in.
#define OFFHOOK_ON_OWNER_THREAD() ::Sip::Internal::ThreadCheck::checkOwner(this, Q_FUNC_INFO)
