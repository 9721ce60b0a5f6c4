// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/SocketAddress.h"

#include <algorithm>

// fromString() and hostString() need the system's inet_pton/inet_ntop; they live in the per-system files
// (posix/SocketAddressPosix.cpp, win/SocketAddressWin.cpp).

namespace Audio {

namespace {
constexpr std::array<std::uint8_t, 12> kMappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
}

SocketAddress SocketAddress::fromBytes(Family family, const std::uint8_t *bytes, std::uint16_t port)
{
    SocketAddress address;
    if (family == Family::IPv6 && std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), bytes)) {
        family = Family::IPv4;
        bytes += kMappedPrefix.size();
    }
    address.m_family = family;
    address.m_port = port;
    if (family == Family::IPv4)
        std::copy_n(bytes, 4, address.m_bytes.begin());
    else if (family == Family::IPv6)
        std::copy_n(bytes, 16, address.m_bytes.begin());
    return address;
}

SocketAddress SocketAddress::any(Family family, std::uint16_t port)
{
    const std::array<std::uint8_t, 16> zeros{};
    return fromBytes(family, zeros.data(), port);
}

SocketAddress SocketAddress::loopback(Family family, std::uint16_t port)
{
    std::array<std::uint8_t, 16> bytes{};
    if (family == Family::IPv4) {
        bytes[0] = 127;
        bytes[3] = 1;
    } else {
        bytes[15] = 1;
    }
    return fromBytes(family, bytes.data(), port);
}

bool SocketAddress::isAny() const
{
    return isValid() && std::all_of(m_bytes.begin(), m_bytes.end(), [](std::uint8_t b) { return b == 0; });
}

QString SocketAddress::toString() const
{
    if (!isValid())
        return {};
    const QString host = hostString();
    if (m_family == Family::IPv6)
        return QStringLiteral("[%1]:%2").arg(host).arg(m_port);
    return QStringLiteral("%1:%2").arg(host).arg(m_port);
}

} // namespace Audio
