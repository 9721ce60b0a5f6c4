// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/ExitSignals.h"

#include <atomic>
#include <csignal>
#include <cstdlib>

namespace Core {
namespace {

std::atomic_int g_received{0}; // the first signal's number, 0 while none came
std::atomic_bool g_reported{false};

constexpr int kSignals[] = {
    SIGINT,
    SIGTERM,
#ifdef SIGHUP
    SIGHUP,
#endif
};

// Signal handler: async-signal-safe work only (atomics and _Exit).
extern "C" void onExitSignal(int signalNumber)
{
    int none = 0;
    if (!g_received.compare_exchange_strong(none, signalNumber))
        std::_Exit(128 + signalNumber); // the second signal: the user does not want to wait
}

} // namespace

ExitSignals::ExitSignals(QObject *parent) : QObject(parent)
{
    g_received.store(0);
    g_reported.store(false);
    for (const int signalNumber : kSignals)
        std::signal(signalNumber, onExitSignal);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        const int signalNumber = g_received.load();
        if (signalNumber != 0 && !g_reported.exchange(true))
            Q_EMIT received(signalNumber);
    });
    m_poll.start(50);
}

ExitSignals::~ExitSignals()
{
    for (const int signalNumber : kSignals)
        std::signal(signalNumber, SIG_DFL);
}

QString ExitSignals::name(int signalNumber)
{
    switch (signalNumber) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
#ifdef SIGHUP
    case SIGHUP:
        return QStringLiteral("SIGHUP");
#endif
    default:
        return QStringLiteral("signal %1").arg(signalNumber);
    }
}

} // namespace Core
