// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// POSIX part of SocketAddress: numeric parsing and formatting with inet_pton/inet_ntop.
#include "audio/rtp/SocketAddress.h"

#include <arpa/inet.h>

namespace Audio {

SocketAddress SocketAddress::fromString(const QString &host, std::uint16_t port)
{
    QString text = host.trimmed();
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    const QByteArray latin = text.toLatin1();
    std::uint8_t bytes[16] = {};
    if (inet_pton(AF_INET, latin.constData(), bytes) == 1)
        return fromBytes(Family::IPv4, bytes, port);
    if (inet_pton(AF_INET6, latin.constData(), bytes) == 1)
        return fromBytes(Family::IPv6, bytes, port);
    return {};
}

QString SocketAddress::hostString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    const int family = m_family == Family::IPv4 ? AF_INET : AF_INET6;
    if (!isValid() || !inet_ntop(family, m_bytes.data(), text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

} // namespace Audio
