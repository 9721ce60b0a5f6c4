// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/PcapngWriter.h"

#include "app/core/CredentialMasking.h"

#include <QHash>
#include <QtEndian>

namespace Gui {

namespace {

constexpr quint32 SectionHeaderBlock = 0x0A0D0D0A;
constexpr quint32 InterfaceDescriptionBlock = 1;
constexpr quint32 EnhancedPacketBlock = 6;
constexpr quint16 LinkTypeRaw = 101; // LINKTYPE_RAW: packets start with the IPv4 or IPv6 header
constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;

void putLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}
void putLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}
void putBe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}
void putBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}
void pad32(QByteArray &out)
{
    while (out.size() % 4)
        out.append('\0');
}

void putOption(QByteArray &out, quint16 code, const QByteArray &value)
{
    putLe16(out, code);
    putLe16(out, quint16(value.size()));
    out += value;
    pad32(out);
}

/// Wraps a block body with its type and the total length at both ends.
QByteArray block(quint32 type, const QByteArray &body)
{
    QByteArray out;
    const quint32 total = quint32(12 + body.size());
    putLe32(out, type);
    putLe32(out, total);
    out += body;
    putLe32(out, total);
    return out;
}

QByteArray addressBytes(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        QByteArray out;
        putBe32(out, address.toIPv4Address());
        return out;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
}

/// Sum of the pseudo header used by UDP and TCP checksums.
quint32 pseudoHeaderSum(const QHostAddress &source, const QHostAddress &destination, quint8 protocol, quint32 length)
{
    QByteArray pseudo = addressBytes(source) + addressBytes(destination);
    if (source.protocol() == QAbstractSocket::IPv4Protocol) {
        pseudo.append('\0');
        pseudo.append(char(protocol));
        putBe16(pseudo, quint16(length));
    } else {
        putBe32(pseudo, length);
        pseudo.append(3, '\0');
        pseudo.append(char(protocol));
    }
    quint32 sum = 0;
    for (qsizetype i = 0; i + 1 < pseudo.size(); i += 2)
        sum += (quint8(pseudo[i]) << 8) | quint8(pseudo[i + 1]);
    return sum;
}

QByteArray ipPacket(const PcapngWriter::Endpoint &source, const PcapngWriter::Endpoint &destination, quint8 protocol,
                    QByteArray transportSegment, int checksumOffset, quint16 identification)
{
    const quint32 checksumBase =
        pseudoHeaderSum(source.address, destination.address, protocol, quint32(transportSegment.size()));
    quint16 checksum = PcapngWriter::internetChecksum(transportSegment, checksumBase);
    if (protocol == ProtocolUdp && checksum == 0)
        checksum = 0xFFFF; // zero means "no checksum" in UDP
    qToBigEndian(checksum, transportSegment.data() + checksumOffset);

    QByteArray packet;
    if (source.address.protocol() == QAbstractSocket::IPv4Protocol) {
        packet.append(char(0x45)); // version 4, 20-byte header
        packet.append('\0');
        putBe16(packet, quint16(20 + transportSegment.size()));
        putBe16(packet, identification);
        putBe16(packet, 0x4000); // don't fragment
        packet.append(char(64));
        packet.append(char(protocol));
        putBe16(packet, 0);
        packet += addressBytes(source.address);
        packet += addressBytes(destination.address);
        qToBigEndian(PcapngWriter::internetChecksum(packet), packet.data() + 10);
    } else {
        putBe32(packet, 0x60000000); // version 6
        putBe16(packet, quint16(transportSegment.size()));
        packet.append(char(protocol));
        packet.append(char(64));
        packet += addressBytes(source.address);
        packet += addressBytes(destination.address);
    }
    return packet + transportSegment;
}

QByteArray udpSegment(quint16 sourcePort, quint16 destinationPort, const QByteArray &payload)
{
    QByteArray segment;
    putBe16(segment, sourcePort);
    putBe16(segment, destinationPort);
    putBe16(segment, quint16(8 + payload.size()));
    putBe16(segment, 0);
    return segment + payload;
}

QByteArray tcpSegment(quint16 sourcePort, quint16 destinationPort, quint32 sequence, quint32 acknowledgement,
                      const QByteArray &payload)
{
    QByteArray segment;
    putBe16(segment, sourcePort);
    putBe16(segment, destinationPort);
    putBe32(segment, sequence);
    putBe32(segment, acknowledgement);
    segment.append(char(5 << 4)); // 20-byte header
    segment.append(char(0x18));   // PSH, ACK
    putBe16(segment, 65535);
    putBe16(segment, 0);
    putBe16(segment, 0);
    return segment + payload;
}

QString topVia(const Sip::LogEntry &entry)
{
    QString via = QString::fromLatin1(entry.header("Via"));
    const qsizetype comma = via.indexOf(u',');
    return comma >= 0 ? via.left(comma) : via;
}

} // namespace

quint16 PcapngWriter::internetChecksum(QByteArrayView data, quint32 sum)
{
    for (qsizetype i = 0; i + 1 < data.size(); i += 2)
        sum += (quint8(data[i]) << 8) | quint8(data[i + 1]);
    if (data.size() % 2)
        sum += quint8(data[data.size() - 1]) << 8;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum & 0xFFFF);
}

PcapngWriter::Endpoint PcapngWriter::parseEndpoint(const QString &text)
{
    Endpoint endpoint;
    QString host = text.trimmed();
    QString port;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return {};
        port = host.mid(close + 1).startsWith(u':') ? host.mid(close + 2) : QString();
        host = host.mid(1, close - 1);
    } else if (host.count(u':') == 1) {
        port = host.section(u':', 1);
        host = host.section(u':', 0, 0);
    }
    endpoint.address = QHostAddress(host);
    endpoint.port = port.toUShort();
    return endpoint;
}

PcapngWriter::Endpoint PcapngWriter::localEndpoint(const Sip::LogEntry &entry)
{
    const bool viaIsOurs = (entry.kind == Sip::LogEntry::Kind::Sent) != entry.text.startsWith(u"SIP/2.0 ");
    if (!viaIsOurs)
        return {};
    // "SIP/2.0/UDP 192.0.2.5:40000;branch=..." -> "192.0.2.5:40000"
    QString sentBy = topVia(entry).section(u' ', 1).section(u';', 0, 0).trimmed();
    Endpoint endpoint = parseEndpoint(sentBy);
    if (endpoint.address.isNull())
        return {};
    if (endpoint.port == 0)
        endpoint.port = entry.transport.compare(u"tls", Qt::CaseInsensitive) == 0 ? 5061 : 5060;
    return endpoint;
}

QByteArray PcapngWriter::write(const QList<Sip::LogEntry> &entries, bool mask)
{
    QByteArray out;

    QByteArray shb;
    putLe32(shb, 0x1A2B3C4D); // byte-order magic
    putLe16(shb, 1);
    putLe16(shb, 0);
    putLe32(shb, 0xFFFFFFFF); // section length unknown
    putLe32(shb, 0xFFFFFFFF);
    putOption(shb, 4, QByteArrayLiteral("Offhook " OFFHOOK_VERSION)); // shb_userappl
    putOption(shb, 0, {});
    out += block(SectionHeaderBlock, shb);

    QByteArray idb;
    putLe16(idb, LinkTypeRaw);
    putLe16(idb, 0);
    putLe32(idb, 0);                                         // no snap length limit
    putOption(idb, 2, QByteArrayLiteral("offhook-sip-log")); // if_name
    putOption(idb, 9, QByteArray(1, char(6)));               // if_tsresol: microseconds
    putOption(idb, 0, {});
    out += block(InterfaceDescriptionBlock, idb);

    // Our address per line and family, learnt from Via headers as messages go by.
    QHash<QString, Endpoint> localByLine;
    QHash<QString, quint32> tcpSequence; // per direction of each connection
    for (const Sip::LogEntry &entry : entries) {
        if (!entry.isMessage() || entry.raw.isEmpty())
            continue;
        const Endpoint peer = parseEndpoint(entry.peer);
        if (peer.address.isNull())
            continue;
        const bool v6 = peer.address.protocol() == QAbstractSocket::IPv6Protocol;
        const QString lineKey = entry.lineId + u'|' + entry.transport + (v6 ? u"|6" : u"|4");
        Endpoint local = localEndpoint(entry);
        if (!local.address.isNull() && local.address.protocol() == peer.address.protocol())
            localByLine.insert(lineKey, local);
        else
            local = localByLine.value(lineKey);
        if (local.address.isNull()) {
            local.address = v6 ? QHostAddress(QHostAddress::LocalHostIPv6) : QHostAddress(QHostAddress::LocalHost);
            // Never the peer's own address and port: both directions of a TCP stream would merge.
            local.port = peer.port == 5060 ? 5062 : 5060;
        }

        const bool sent = entry.kind == Sip::LogEntry::Kind::Sent;
        const Endpoint &source = sent ? local : peer;
        const Endpoint &destination = sent ? peer : local;
        const QByteArray payload = mask ? maskCredentials(entry.raw) : entry.raw;
        const bool udp = entry.transport.isEmpty() || entry.transport.compare(u"udp", Qt::CaseInsensitive) == 0;
        QByteArray packet;
        if (udp) {
            packet = ipPacket(source, destination, ProtocolUdp, udpSegment(source.port, destination.port, payload), 6,
                              quint16(entry.sequence));
        } else {
            const QString forward = source.address.toString() + u':' + QString::number(source.port) + u'>' +
                                    destination.address.toString() + u':' + QString::number(destination.port);
            const QString backward = destination.address.toString() + u':' + QString::number(destination.port) + u'>' +
                                     source.address.toString() + u':' + QString::number(source.port);
            quint32 &sequence = tcpSequence[forward];
            if (sequence == 0)
                sequence = 1;
            const quint32 acknowledgement = tcpSequence.value(backward, 1);
            packet = ipPacket(source, destination, ProtocolTcp,
                              tcpSegment(source.port, destination.port, sequence, acknowledgement, payload), 16,
                              quint16(entry.sequence));
            sequence += quint32(payload.size());
        }

        const quint64 micros = quint64(entry.timestamp.toMSecsSinceEpoch()) * 1000u;
        QByteArray epb;
        putLe32(epb, 0); // interface id
        putLe32(epb, quint32(micros >> 32));
        putLe32(epb, quint32(micros & 0xFFFFFFFFu));
        putLe32(epb, quint32(packet.size()));
        putLe32(epb, quint32(packet.size()));
        epb += packet;
        pad32(epb);
        if (entry.transport.compare(u"tls", Qt::CaseInsensitive) == 0) {
            putOption(epb, 1, QByteArrayLiteral("Sent over TLS; written in clear text by Offhook"));
            putOption(epb, 0, {});
        }
        out += block(EnhancedPacketBlock, epb);
    }
    return out;
}

} // namespace Gui
