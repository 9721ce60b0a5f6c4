// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/InterruptWatcher.h"

#include <atomic>
#include <csignal>

namespace Cli {
namespace {

std::atomic_bool g_interrupted{false};

// Signal handler: async-signal-safe work only.
extern "C" void onSignal(int)
{
    g_interrupted.store(true);
}

} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    g_interrupted.store(false);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (g_interrupted.exchange(false))
            Q_EMIT interrupted();
    });
    m_poll.start(100);
}

InterruptWatcher::~InterruptWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace Cli
