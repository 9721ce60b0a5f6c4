// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/UdpSocket.h"

#include <QString>
#include <cstdint>

namespace Audio {

/// The two UDP sockets of one RTP session: RTP on an even port, RTCP on the next odd one (RFC 3550 §11),
/// bound from a configurable port range. Owned by a MediaSession; bound before the SDP offer is written so
/// the ports are known, then used by the media thread.
class RtpSocketPair
{
public:
    static constexpr std::uint16_t kDefaultPortMin = 16384;
    static constexpr std::uint16_t kDefaultPortMax = 32767;

    /// Binds on localAddress (numeric; "0.0.0.0" or "::" for all interfaces) to the first free even port in
    /// [portMin, portMax] whose successor is free too, starting at a random even port of the range.
    bool bind(const QString &localAddress, std::uint16_t portMin = kDefaultPortMin,
              std::uint16_t portMax = kDefaultPortMax);
    void close();

    bool isBound() const { return m_rtp.isValid() && m_rtcp.isValid(); }
    std::uint16_t rtpPort() const { return m_rtpPort; }
    std::uint16_t rtcpPort() const { return static_cast<std::uint16_t>(m_rtpPort + 1); }
    SocketAddress::Family family() const { return m_family; }
    UdpSocket &rtp() { return m_rtp; }
    UdpSocket &rtcp() { return m_rtcp; }
    QString errorString() const { return m_error; }

private:
    UdpSocket m_rtp;
    UdpSocket m_rtcp;
    std::uint16_t m_rtpPort = 0;
    SocketAddress::Family m_family = SocketAddress::Family::Invalid;
    QString m_error;
};

} // namespace Audio
