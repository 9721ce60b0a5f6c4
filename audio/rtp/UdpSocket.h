// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/SocketAddress.h"

#include <QString>
#include <cstdint>
#include <span>

namespace Audio {

/// A non-blocking UDP socket for IPv4 or IPv6. An IPv6 socket bound to "::" is dual-stack and reaches IPv4
/// peers too. Move-only owner of the system handle. The implementation is chosen per system by CMake
/// (posix/UdpSocketPosix.cpp, win/UdpSocketWin.cpp). One thread uses a socket at a time.
class UdpSocket
{
public:
    UdpSocket() = default;
    ~UdpSocket();
    UdpSocket(UdpSocket &&other) noexcept;
    UdpSocket &operator=(UdpSocket &&other) noexcept;
    UdpSocket(const UdpSocket &) = delete;
    UdpSocket &operator=(const UdpSocket &) = delete;

    /// Creates the socket and binds it; port 0 lets the system choose. False with errorString() on failure.
    bool bind(const SocketAddress &local);
    void close();
    bool isValid() const { return m_handle != kInvalidHandle; }
    SocketAddress localAddress() const;
    QString errorString() const { return m_error; }

    /// Sends one datagram; returns bytes sent or -1.
    int sendTo(std::span<const std::uint8_t> datagram, const SocketAddress &to);
    /// Receives one datagram if one is waiting; returns its size (truncated to buffer), or -1 when none.
    int receiveFrom(std::span<std::uint8_t> buffer, SocketAddress &from);

    /// Waits until one of sockets is readable or timeoutMs passes; sets readable[i] per socket and
    /// returns how many are readable (0 on timeout, -1 on error).
    static int waitReadable(std::span<UdpSocket *const> sockets, int timeoutMs, std::span<bool> readable);

private:
    static constexpr std::intptr_t kInvalidHandle = -1;
    std::intptr_t m_handle = kInvalidHandle;
    SocketAddress::Family m_family = SocketAddress::Family::Invalid;
    QString m_error;
};

} // namespace Audio
