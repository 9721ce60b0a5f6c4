// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QtGlobal>

class QProcess;

namespace Test::ProcessGroup {

/// Makes the process started next by `process` the leader of a new process group that also
/// receives SIGTERM when the test process dies, so servers forking workers (Kamailio) leave
/// nothing behind. Call before QProcess::start(). POSIX only, like the tools it is used for.
void prepare(QProcess &process);

/// Ends what `process` started: SIGTERM to the leader, up to `graceMs` to exit, then SIGKILL to
/// the whole group (leader and any children left). `leaderPid` is the id the process had while it
/// ran (QProcess forgets it once finished). Safe to call when nothing runs.
void terminate(QProcess &process, qint64 leaderPid, int graceMs);

/// True while any process of the group led by `leaderPid` exists.
bool isAlive(qint64 leaderPid);

} // namespace Test::ProcessGroup
