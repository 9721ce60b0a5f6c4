// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/SocketAddress.h"

#include <QString>

namespace Audio {
class UdpSocket;
}

namespace Audio::Stun {

/// What a STUN server saw of one socket: the address and port a NAT maps it to.
struct Mapping
{
    bool ok = false;
    SocketAddress mapped; ///< ok: the server-reflexive address (RFC 5389 XOR-MAPPED-ADDRESS)
    QString error;        ///< !ok: why not, in words ("no answer from 198.51.100.1:3478 within 500 ms")
    int attempts = 0;     ///< Requests sent
};

/// Asks server, from socket, which address it sees (RFC 5389 Binding request), retransmitting at 0, 100,
/// 300 ms (7.2.1, doubling) until timeoutMs passes. Datagrams that are not the answer (early RTP, other
/// transactions) are dropped. Blocks the calling thread for at most timeoutMs: call it before the socket's
/// media starts, and only when STUN is configured.
Mapping discoverMapping(UdpSocket &socket, const SocketAddress &server, int timeoutMs);

} // namespace Audio::Stun
