// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>

namespace Gui {

/// Writes SIP messages from the log as a pcapng capture that Wireshark, tshark and sngrep open: one
/// Section Header, one raw-IP interface (LINKTYPE_RAW), and an Enhanced Packet Block per message with an
/// IPv4 or IPv6 header and a UDP or TCP header (checksums computed), timestamped in microseconds.
/// Messages of TLS lines are written in clear as TCP with their real ports. Pure; any thread.
class PcapngWriter
{
public:
    struct Endpoint
    {
        QHostAddress address;
        quint16 port = 0;
    };

    /// Only messages are written; steps are skipped. mask applies credential masking first.
    static QByteArray write(const QList<Sip::LogEntry> &entries, bool mask);

    /// "192.0.2.1:5060" or "[2001:db8::1]:5060"; port 0 and a null address when unparsable.
    static Endpoint parseEndpoint(const QString &text);
    /// Our own address for a message, from its top Via (ours for requests sent and responses received).
    static Endpoint localEndpoint(const Sip::LogEntry &entry);
    /// Internet checksum (RFC 1071) over data, continuing from a partial sum.
    static quint16 internetChecksum(QByteArrayView data, quint32 partialSum = 0);

private:
    PcapngWriter() = default;
};

} // namespace Gui
