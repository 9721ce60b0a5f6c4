// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpSocketPair.h"

#include <QRandomGenerator>

namespace Audio {

bool RtpSocketPair::bind(const QString &localAddress, std::uint16_t portMin, std::uint16_t portMax)
{
    close();
    SocketAddress local = SocketAddress::fromString(localAddress, 0);
    if (!local.isValid()) {
        m_error = QStringLiteral("Invalid local address %1").arg(localAddress);
        return false;
    }
    const std::uint32_t first = (portMin + 1u) & ~1u; // round up to even
    const std::uint32_t last = portMax;
    if (first == 0 || first + 1 > last) {
        m_error = QStringLiteral("Port range %1-%2 holds no even/odd pair").arg(portMin).arg(portMax);
        return false;
    }
    const std::uint32_t pairs = (last - first + 1) / 2;
    const std::uint32_t start = QRandomGenerator::global()->bounded(pairs);
    for (std::uint32_t i = 0; i < pairs; ++i) {
        const auto port = static_cast<std::uint16_t>(first + 2 * ((start + i) % pairs));
        local.setPort(port);
        if (!m_rtp.bind(local))
            continue;
        local.setPort(static_cast<std::uint16_t>(port + 1));
        if (!m_rtcp.bind(local)) {
            m_rtp.close();
            continue;
        }
        m_rtpPort = port;
        m_family = local.family();
        m_error.clear();
        return true;
    }
    m_error = QStringLiteral("No free RTP/RTCP port pair in %1-%2").arg(portMin).arg(portMax);
    return false;
}

void RtpSocketPair::close()
{
    m_rtp.close();
    m_rtcp.close();
    m_rtpPort = 0;
}

} // namespace Audio
