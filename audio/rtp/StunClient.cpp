// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/StunClient.h"

#include "audio/rtp/StunMessage.h"
#include "audio/rtp/UdpSocket.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace Audio::Stun {

Mapping discoverMapping(UdpSocket &socket, const SocketAddress &server, int timeoutMs)
{
    using Clock = std::chrono::steady_clock;
    Mapping result;
    if (!socket.isValid() || !server.isValid()) {
        result.error = QStringLiteral("no socket or no STUN server address");
        return result;
    }
    const TransactionId id = newTransactionId();
    const std::vector<std::uint8_t> request = bindingRequest(id);
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline = start + std::chrono::milliseconds(timeoutMs);
    Clock::time_point nextSend = start;
    std::chrono::milliseconds interval(100);
    std::array<std::uint8_t, 1500> buffer{};
    QString lastProblem;
    for (;;) {
        const Clock::time_point now = Clock::now();
        if (now >= deadline)
            break;
        if (now >= nextSend) {
            if (socket.sendTo(request, server) < 0) {
                result.error = QStringLiteral("cannot send to the STUN server %1: %2")
                                   .arg(server.toString(), socket.errorString());
                return result;
            }
            ++result.attempts;
            nextSend = now + interval;
            interval *= 2;
        }
        const auto waitUntil = std::min(nextSend, deadline);
        const int waitMs =
            static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(waitUntil - Clock::now()).count());
        UdpSocket *const sockets[] = {&socket};
        bool readable[] = {false};
        if (UdpSocket::waitReadable(sockets, std::max(waitMs, 1), readable) <= 0)
            continue;
        SocketAddress from;
        int size = 0;
        while ((size = socket.receiveFrom(buffer, from)) >= 0) {
            const auto datagram = std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(size));
            if (from != server || !looksLikeStun(datagram))
                continue; // early RTP from the peer, or a stranger
            const BindingResult answer = parseBindingResponse(datagram, id);
            switch (answer.kind) {
            case BindingResult::Kind::Success:
                result.ok = true;
                result.mapped = answer.mapped;
                return result;
            case BindingResult::Kind::ErrorResponse:
                result.error = QStringLiteral("the STUN server %1 answered %2 %3")
                                   .arg(server.toString())
                                   .arg(answer.errorCode)
                                   .arg(answer.reason);
                return result;
            case BindingResult::Kind::Malformed:
                lastProblem = answer.problem;
                break;
            case BindingResult::Kind::NotOurs:
                break;
            }
        }
    }
    result.error =
        lastProblem.isEmpty()
            ? QStringLiteral("no answer from the STUN server %1 within %2 ms (%3 requests)")
                  .arg(server.toString())
                  .arg(timeoutMs)
                  .arg(result.attempts)
            : QStringLiteral("the STUN server %1 sent an unreadable answer: %2").arg(server.toString(), lastProblem);
    return result;
}

} // namespace Audio::Stun
