// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// POSIX implementation of UdpSocket (BSD sockets, poll).
#include "audio/rtp/UdpSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace Audio {

namespace {
socklen_t toSockaddr(const SocketAddress &address, bool v6Socket, sockaddr_storage &storage)
{
    std::memset(&storage, 0, sizeof storage);
    if (v6Socket) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(address.port());
        if (address.family() == SocketAddress::Family::IPv4) {
            // IPv4 peer through a dual-stack socket: ::ffff:a.b.c.d
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
    return QString::fromLocal8Bit(std::strerror(errno));
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
    if (!local.isValid()) {
        m_error = QStringLiteral("Invalid local address");
        return false;
    }
    const bool v6 = local.family() == SocketAddress::Family::IPv6;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
    if (fd < 0) {
        m_error = systemError();
        return false;
    }
    if (v6) {
        const int v6Only = 0;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6Only, sizeof v6Only);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(local, v6, storage);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        m_error = systemError();
        ::close(fd);
        return false;
    }
    m_handle = fd;
    m_family = local.family();
    m_error.clear();
    return true;
}

void UdpSocket::close()
{
    if (m_handle != kInvalidHandle) {
        ::close(static_cast<int>(m_handle));
        m_handle = kInvalidHandle;
    }
}

SocketAddress UdpSocket::localAddress() const
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (!isValid() || ::getsockname(static_cast<int>(m_handle), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
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
    const socklen_t length = toSockaddr(to, v6Socket, storage);
    const ssize_t sent = ::sendto(static_cast<int>(m_handle), datagram.data(), datagram.size(), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&storage), length);
    return sent < 0 ? -1 : static_cast<int>(sent);
}

int UdpSocket::receiveFrom(std::span<std::uint8_t> buffer, SocketAddress &from)
{
    if (!isValid())
        return -1;
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    const ssize_t received = ::recvfrom(static_cast<int>(m_handle), buffer.data(), buffer.size(), 0,
                                        reinterpret_cast<sockaddr *>(&storage), &length);
    if (received < 0)
        return -1;
    from = fromSockaddr(storage);
    return static_cast<int>(received);
}

int UdpSocket::waitReadable(std::span<UdpSocket *const> sockets, int timeoutMs, std::span<bool> readable)
{
    pollfd fds[8];
    const std::size_t count = std::min<std::size_t>(sockets.size(), 8);
    for (std::size_t i = 0; i < count; ++i) {
        fds[i].fd = sockets[i] && sockets[i]->isValid() ? static_cast<int>(sockets[i]->m_handle) : -1;
        fds[i].events = POLLIN;
        fds[i].revents = 0;
    }
    const int ready = ::poll(fds, static_cast<nfds_t>(count), timeoutMs);
    for (std::size_t i = 0; i < count && i < readable.size(); ++i)
        readable[i] = ready > 0 && (fds[i].revents & (POLLIN | POLLERR)) != 0;
    return ready < 0 && errno == EINTR ? 0 : ready;
}

} // namespace Audio
