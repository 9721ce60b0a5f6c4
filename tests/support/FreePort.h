// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QtGlobal>

namespace Test {

/// Loopback ports for servers started by tests. Ports are drawn at random from 20000-32767, below
/// Linux's ephemeral range (where clients' own sockets land), so tests running in parallel rarely
/// meet; a port is only handed out when both UDP and TCP can bind it on 127.0.0.1 right now, and
/// never twice by the same process. Servers should still retry with a new port when binding fails.
class FreePort
{
public:
    /// A port free for UDP and TCP on 127.0.0.1, or 0 when none was found.
    static quint16 pick();

    /// True when both a UDP socket and a TCP listener can bind `port` on 127.0.0.1 now.
    static bool isFree(quint16 port);

    /// True when a UDP socket can bind `port` on 127.0.0.1 now.
    static bool isUdpFree(quint16 port);

    /// True when a TCP listener can bind `port` on 127.0.0.1 now.
    static bool isTcpFree(quint16 port);
};

} // namespace Test
