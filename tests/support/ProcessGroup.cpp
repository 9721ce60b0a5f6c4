// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/ProcessGroup.h"

#include <QProcess>

#include <cerrno>
#include <csignal>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace Test::ProcessGroup {

void prepare(QProcess &process)
{
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([] {
        ::setpgid(0, 0);
#ifdef __linux__
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    });
}

void terminate(QProcess &process, qint64 leaderPid, int graceMs)
{
    if (process.state() != QProcess::NotRunning) {
        process.terminate();
        if (!process.waitForFinished(graceMs)) {
            if (leaderPid > 0)
                ::kill(pid_t(-leaderPid), SIGKILL);
            process.kill();
            process.waitForFinished(graceMs);
        }
    }
    // Workers that outlived their leader (e.g. after a crash of the main process).
    if (leaderPid > 0 && isAlive(leaderPid))
        ::kill(pid_t(-leaderPid), SIGKILL);
}

bool isAlive(qint64 leaderPid)
{
    if (leaderPid <= 0)
        return false;
    return ::kill(pid_t(-leaderPid), 0) == 0 || errno == EPERM;
}

} // namespace Test::ProcessGroup
