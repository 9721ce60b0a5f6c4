// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// Windows implementation of UdpSocket (Winsock 2, WSAPoll).
// Unverified: kept in step with posix/UdpSocketPosix.cpp but not built or run on Windows yet.
#include "audio/rtp/UdpSocket.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace Audio {

namespace {
/// Winsock needs WSAStartup once per process before any socket call.
void ensureWinsock()
{
    static const bool started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data) == 0;
    }();
    (void)started;
}

int toSockaddr(const SocketAddress &address, bool v6Socket, sockaddr_storage &storage)
{
    std::memset(&storage, 0, sizeof storage);
    if (v6Socket) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(address.port());
        if (address.family() == SocketAddress::Family::IPv4) {
            in6->sin6_addr.s6_addr[10] = 0xFF;
            in6->sin6_addr.s6_addr[11] = 0xFF;
            std::memcpy(&in6->sin6_addr.s6_addr[12], address.bytes().data(), 4);
        } else {
            std::memcpy(&in6->sin6_addr, address.bytes().data(), 16);
        }
        return sizeof(sockaddr_in6);
    }
    auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
    in4->sin_family = AF_INET;
    in4->sin_port = htons(address.port());
    std::memcpy(&in4->sin_addr, address.bytes().data(), 4);
    return sizeof(sockaddr_in);
}

SocketAddress fromSockaddr(const sockaddr_storage &storage)
{
    if (storage.ss_family == AF_INET) {
        const auto *in4 = reinterpret_cast<const sockaddr_in *>(&storage);
        return SocketAddress::fromBytes(SocketAddress::Family::IPv4,
                                        reinterpret_cast<const std::uint8_t *>(&in4->sin_addr), ntohs(in4->sin_port));
    }
    if (storage.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
        return SocketAddress::fromBytes(SocketAddress::Family::IPv6, in6->sin6_addr.s6_addr, ntohs(in6->sin6_port));
    }
    return {};
}

QString systemError()
{
    return QStringLiteral("Winsock error %1").arg(WSAGetLastError());
}
} // namespace

UdpSocket::~UdpSocket()
{
    close();
}

UdpSocket::UdpSocket(UdpSocket &&other) noexcept
    : m_handle(std::exchange(other.m_handle, kInvalidHandle)), m_family(other.m_family),
      m_error(std::move(other.m_error))
{
}

UdpSocket &UdpSocket::operator=(UdpSocket &&other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, kInvalidHandle);
        m_family = other.m_family;
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool UdpSocket::bind(const SocketAddress &local)
{
    close();
    ensureWinsock();
    if (!local.isValid()) {
        m_error = QStringLiteral("Invalid local address");
        return false;
    }
    const bool v6 = local.family() == SocketAddress::Family::IPv6;
    const SOCKET handle = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    if (handle == INVALID_SOCKET) {
        m_error = systemError();
        return false;
    }
    if (v6) {
        const DWORD v6Only = 0;
        ::setsockopt(handle, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char *>(&v6Only), sizeof v6Only);
    }
    u_long nonBlocking = 1;
    ::ioctlsocket(handle, FIONBIO, &nonBlocking);
    // Without this an ICMP port-unreachable makes the next recvfrom fail with WSAECONNRESET.
    BOOL reportReset = FALSE;
    DWORD returned = 0;
    ::WSAIoctl(handle, SIO_UDP_CONNRESET, &reportReset, sizeof reportReset, nullptr, 0, &returned, nullptr, nullptr);
    sockaddr_storage storage;
    const int length = toSockaddr(local, v6, storage);
    if (::bind(handle, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        m_error = systemError();
        ::closesocket(handle);
        return false;
    }
    m_handle = static_cast<std::intptr_t>(handle);
    m_family = local.family();
    m_error.clear();
    return true;
}

void UdpSocket::close()
{
    if (m_handle != kInvalidHandle) {
        ::closesocket(static_cast<SOCKET>(m_handle));
        m_handle = kInvalidHandle;
    }
}

SocketAddress UdpSocket::localAddress() const
{
    sockaddr_storage storage{};
    int length = sizeof storage;
    if (!isValid() ||
        ::getsockname(static_cast<SOCKET>(m_handle), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return fromSockaddr(storage);
}

int UdpSocket::sendTo(std::span<const std::uint8_t> datagram, const SocketAddress &to)
{
    if (!isValid() || !to.isValid())
        return -1;
    const bool v6Socket = m_family == SocketAddress::Family::IPv6;
    if (!v6Socket && to.family() != SocketAddress::Family::IPv4)
        return -1;
    sockaddr_storage storage;
    const int length = toSockaddr(to, v6Socket, storage);
    const int sent =
        ::sendto(static_cast<SOCKET>(m_handle), reinterpret_cast<const char *>(datagram.data()),
                 static_cast<int>(datagram.size()), 0, reinterpret_cast<const sockaddr *>(&storage), length);
    return sent == SOCKET_ERROR ? -1 : sent;
}

int UdpSocket::receiveFrom(std::span<std::uint8_t> buffer, SocketAddress &from)
{
    if (!isValid())
        return -1;
    sockaddr_storage storage{};
    int length = sizeof storage;
    const int received =
        ::recvfrom(static_cast<SOCKET>(m_handle), reinterpret_cast<char *>(buffer.data()),
                   static_cast<int>(buffer.size()), 0, reinterpret_cast<sockaddr *>(&storage), &length);
    if (received == SOCKET_ERROR) {
        // A datagram larger than the buffer arrives truncated with WSAEMSGSIZE; report what fitted.
        if (WSAGetLastError() != WSAEMSGSIZE)
            return -1;
        from = fromSockaddr(storage);
        return static_cast<int>(buffer.size());
    }
    from = fromSockaddr(storage);
    return received;
}

int UdpSocket::waitReadable(std::span<UdpSocket *const> sockets, int timeoutMs, std::span<bool> readable)
{
    WSAPOLLFD fds[8];
    const std::size_t count = std::min<std::size_t>(sockets.size(), 8);
    for (std::size_t i = 0; i < count; ++i) {
        fds[i].fd = sockets[i] && sockets[i]->isValid() ? static_cast<SOCKET>(sockets[i]->m_handle) : INVALID_SOCKET;
        fds[i].events = POLLRDNORM;
        fds[i].revents = 0;
    }
    const int ready = ::WSAPoll(fds, static_cast<ULONG>(count), timeoutMs);
    for (std::size_t i = 0; i < count && i < readable.size(); ++i)
        readable[i] = ready > 0 && (fds[i].revents & (POLLRDNORM | POLLERR)) != 0;
    return ready;
}

} // namespace Audio
