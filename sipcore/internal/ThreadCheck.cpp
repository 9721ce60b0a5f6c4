// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/ThreadCheck.h"

#include <QObject>
#include <QThread>
#include <cstdlib>
#include <sstream>

namespace Sip::Internal {
namespace {

std::atomic<int> g_violations{0};

bool abortOnViolation()
{
    static const bool abort = qEnvironmentVariable("OFFHOOK_THREAD_CHECK") == QLatin1String("abort");
    return abort;
}

} // namespace

void ThreadCheck::checkOwner(const QObject *owner, const char *where)
{
    if (Q_UNLIKELY(owner && owner->thread() != QThread::currentThread()))
        violated(where, "the thread that owns this object");
}

int ThreadCheck::violationCount()
{
    return g_violations.load();
}

void ThreadCheck::violated(const char *where, const char *expected)
{
    g_violations.fetch_add(1);
    std::ostringstream thread;
    thread << std::this_thread::get_id();
    qCritical("THREAD VIOLATION: %s ran on thread %s, but must run on %s", where, thread.str().c_str(), expected);
    if (abortOnViolation())
        std::abort();
}

} // namespace Sip::Internal
