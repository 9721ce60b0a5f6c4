// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtcpPacket.h"

#include "audio/rtp/NetworkOrder.h"

#include <algorithm>

namespace Audio {

namespace {
constexpr std::size_t kHeaderBytes = 4;
constexpr std::size_t kSenderInfoBytes = 20;
constexpr std::size_t kReportBlockBytes = 24;
constexpr std::uint8_t kSdesEnd = 0;
constexpr std::uint8_t kSdesCname = 1;

using NetworkOrder::readUint32;
using NetworkOrder::writeUint32;

void writeHeader(std::uint8_t *data, std::size_t count, std::uint8_t type, std::size_t bytes)
{
    data[0] = static_cast<std::uint8_t>(0x80 | (count & 0x1F));
    data[1] = type;
    const auto lengthWords = static_cast<std::uint16_t>(bytes / 4 - 1);
    data[2] = static_cast<std::uint8_t>(lengthWords >> 8);
    data[3] = static_cast<std::uint8_t>(lengthWords);
}

void writeReportBlock(std::uint8_t *data, const RtcpReportBlock &block)
{
    writeUint32(data, block.ssrc);
    const auto lost = static_cast<std::uint32_t>(block.cumulativeLost) & 0xFFFFFF;
    writeUint32(data + 4, (std::uint32_t{block.fractionLost} << 24) | lost);
    writeUint32(data + 8, block.extendedHighestSequence);
    writeUint32(data + 12, block.jitter);
    writeUint32(data + 16, block.lastSenderReport);
    writeUint32(data + 20, block.delaySinceLastSenderReport);
}

RtcpReportBlock readReportBlock(const std::uint8_t *data)
{
    RtcpReportBlock block;
    block.ssrc = readUint32(data);
    block.fractionLost = data[4];
    std::uint32_t lost = readUint32(data + 4) & 0xFFFFFF;
    if (lost & 0x800000)
        lost |= 0xFF000000; // sign-extend the 24-bit field
    block.cumulativeLost = static_cast<std::int32_t>(lost);
    block.extendedHighestSequence = readUint32(data + 8);
    block.jitter = readUint32(data + 12);
    block.lastSenderReport = readUint32(data + 16);
    block.delaySinceLastSenderReport = readUint32(data + 20);
    return block;
}

/// Reads the CNAME of the first SDES chunk; body excludes the common header.
QByteArray readCname(std::span<const std::uint8_t> body)
{
    std::size_t offset = 4; // chunk SSRC
    while (offset < body.size() && body[offset] != kSdesEnd) {
        if (offset + 2 > body.size())
            return {};
        const std::uint8_t type = body[offset];
        const std::size_t length = body[offset + 1];
        if (offset + 2 + length > body.size())
            return {};
        if (type == kSdesCname)
            return QByteArray(reinterpret_cast<const char *>(body.data() + offset + 2), static_cast<qsizetype>(length));
        offset += 2 + length;
    }
    return {};
}
} // namespace

std::size_t RtcpPacket::build(const RtcpReport &report, std::span<std::uint8_t> out)
{
    const std::size_t blocks = report.reportBlocks.size();
    const std::size_t cnameBytes = std::min<std::size_t>(static_cast<std::size_t>(report.cname.size()), 255);
    const std::size_t reportBytes =
        kHeaderBytes + 4 + (report.senderInfo ? kSenderInfoBytes : 0) + blocks * kReportBlockBytes;
    // SDES chunk: SSRC, CNAME item (type, length, text), END, padded to 32 bits.
    const std::size_t sdesBytes = report.cname.isEmpty() ? 0 : kHeaderBytes + ((4 + 2 + cnameBytes + 1 + 3) / 4) * 4;
    const std::size_t byeBytes = report.bye ? kHeaderBytes + 4 : 0;
    const std::size_t total = reportBytes + sdesBytes + byeBytes;
    if (blocks > kMaxReportBlocks || out.size() < total)
        return 0;

    std::uint8_t *data = out.data();
    std::fill_n(data, total, std::uint8_t{0});
    writeHeader(data, blocks, report.senderInfo ? kSenderReport : kReceiverReport, reportBytes);
    writeUint32(data + 4, report.ssrc);
    std::size_t offset = 8;
    if (report.senderInfo) {
        const RtcpSenderInfo &info = *report.senderInfo;
        writeUint32(data + offset, static_cast<std::uint32_t>(info.ntpTimestamp >> 32));
        writeUint32(data + offset + 4, static_cast<std::uint32_t>(info.ntpTimestamp));
        writeUint32(data + offset + 8, info.rtpTimestamp);
        writeUint32(data + offset + 12, info.packetCount);
        writeUint32(data + offset + 16, info.octetCount);
        offset += kSenderInfoBytes;
    }
    for (const RtcpReportBlock &block : report.reportBlocks) {
        writeReportBlock(data + offset, block);
        offset += kReportBlockBytes;
    }
    if (sdesBytes) {
        writeHeader(data + offset, 1, kSourceDescription, sdesBytes);
        writeUint32(data + offset + 4, report.ssrc);
        data[offset + 8] = kSdesCname;
        data[offset + 9] = static_cast<std::uint8_t>(cnameBytes);
        std::copy_n(report.cname.constData(), cnameBytes, data + offset + 10);
        offset += sdesBytes; // END item and padding are the zeros already there
    }
    if (byeBytes) {
        writeHeader(data + offset, 1, kBye, byeBytes);
        writeUint32(data + offset + 4, report.ssrc);
        offset += byeBytes;
    }
    return offset;
}

std::optional<RtcpReport> RtcpPacket::parse(std::span<const std::uint8_t> datagram)
{
    RtcpReport report;
    bool first = true;
    std::size_t offset = 0;
    while (offset < datagram.size()) {
        const std::span<const std::uint8_t> rest = datagram.subspan(offset);
        if (rest.size() < kHeaderBytes || (rest[0] >> 6) != 2)
            return std::nullopt;
        const std::size_t count = rest[0] & 0x1F;
        const std::uint8_t type = rest[1];
        const std::size_t bytes = (std::size_t{static_cast<std::uint16_t>((rest[2] << 8) | rest[3])} + 1) * 4;
        if (bytes > rest.size())
            return std::nullopt;
        if (first && type != kSenderReport && type != kReceiverReport)
            return std::nullopt;
        const std::span<const std::uint8_t> body = rest.subspan(kHeaderBytes, bytes - kHeaderBytes);
        if (type == kSenderReport || type == kReceiverReport) {
            const std::size_t infoBytes = type == kSenderReport ? kSenderInfoBytes : 0;
            if (body.size() < 4 + infoBytes + count * kReportBlockBytes)
                return std::nullopt;
            if (first) {
                report.ssrc = readUint32(body.data());
                if (type == kSenderReport) {
                    RtcpSenderInfo info;
                    info.ntpTimestamp =
                        (std::uint64_t{readUint32(body.data() + 4)} << 32) | readUint32(body.data() + 8);
                    info.rtpTimestamp = readUint32(body.data() + 12);
                    info.packetCount = readUint32(body.data() + 16);
                    info.octetCount = readUint32(body.data() + 20);
                    report.senderInfo = info;
                }
                for (std::size_t i = 0; i < count; ++i)
                    report.reportBlocks.push_back(readReportBlock(body.data() + 4 + infoBytes + i * kReportBlockBytes));
            }
        } else if (type == kSourceDescription) {
            if (count > 0 && body.size() >= 4 && report.cname.isEmpty())
                report.cname = readCname(body);
        } else if (type == kBye) {
            report.bye = true;
        }
        first = false;
        offset += bytes;
    }
    if (first)
        return std::nullopt;
    return report;
}

} // namespace Audio
