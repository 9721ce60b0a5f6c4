// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <array>
#include <cstdint>

namespace Audio {

/// A numeric IPv4 or IPv6 address with a UDP port. Plain copyable value, no name resolution (SDP carries
/// numeric addresses; the signalling layer resolves names). IPv4-mapped IPv6 addresses are stored as IPv4 so
/// that a dual-stack socket's peers compare equal to the negotiated IPv4 address.
class SocketAddress
{
public:
    enum class Family
    {
        Invalid = 0,
        IPv4,
        IPv6
    };

    SocketAddress() = default;
    /// Parses a numeric address ("192.0.2.1", "2001:db8::1", "[2001:db8::1]"); invalid on failure.
    static SocketAddress fromString(const QString &host, std::uint16_t port);
    /// Raw network-order bytes: 4 for IPv4, 16 for IPv6.
    static SocketAddress fromBytes(Family family, const std::uint8_t *bytes, std::uint16_t port);
    static SocketAddress any(Family family, std::uint16_t port = 0);
    static SocketAddress loopback(Family family, std::uint16_t port = 0);

    bool isValid() const { return m_family != Family::Invalid; }
    Family family() const { return m_family; }
    std::uint16_t port() const { return m_port; }
    void setPort(std::uint16_t port) { m_port = port; }
    /// Network-order address bytes; the first 4 are used for IPv4.
    const std::array<std::uint8_t, 16> &bytes() const { return m_bytes; }
    bool isAny() const;

    /// Numeric host without port ("192.0.2.1", "2001:db8::1").
    QString hostString() const;
    /// "192.0.2.1:5004" or "[2001:db8::1]:5004".
    QString toString() const;

    bool sameHost(const SocketAddress &other) const { return m_family == other.m_family && m_bytes == other.m_bytes; }
    friend bool operator==(const SocketAddress &, const SocketAddress &) = default;

private:
    Family m_family = Family::Invalid;
    std::array<std::uint8_t, 16> m_bytes{};
    std::uint16_t m_port = 0;
};

} // namespace Audio
