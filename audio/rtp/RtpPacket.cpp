// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/RtpPacket.h"

#include "audio/rtp/NetworkOrder.h"

#include <algorithm>

namespace Audio {

namespace {
constexpr std::uint8_t kVersion = 2;
constexpr std::size_t kMaxExtensionBytes = 0xFFFF * 4;

using NetworkOrder::readUint16;
using NetworkOrder::readUint32;
using NetworkOrder::writeUint16;
using NetworkOrder::writeUint32;
} // namespace

bool RtpPacket::looksLikeRtcp(std::span<const std::uint8_t> datagram)
{
    // RTCP packet types 192..223 put the second byte in that range; RTP payload types 64..95 would too.
    return datagram.size() >= 2 && (datagram[0] >> 6) == kVersion && datagram[1] >= 192 && datagram[1] <= 223;
}

std::optional<RtpPacket> RtpPacket::parse(std::span<const std::uint8_t> datagram)
{
    if (datagram.size() < kFixedHeaderBytes || (datagram[0] >> 6) != kVersion || looksLikeRtcp(datagram))
        return std::nullopt;
    const std::uint8_t *data = datagram.data();
    RtpPacket packet;
    const bool hasPadding = (data[0] & 0x20) != 0;
    packet.hasExtension = (data[0] & 0x10) != 0;
    packet.csrcCount = data[0] & 0x0F;
    packet.marker = (data[1] & 0x80) != 0;
    packet.payloadType = data[1] & 0x7F;
    packet.sequenceNumber = readUint16(data + 2);
    packet.timestamp = readUint32(data + 4);
    packet.ssrc = readUint32(data + 8);

    std::size_t offset = kFixedHeaderBytes;
    if (datagram.size() < offset + std::size_t{packet.csrcCount} * 4)
        return std::nullopt;
    for (std::size_t i = 0; i < packet.csrcCount; ++i, offset += 4)
        packet.csrcs[i] = readUint32(data + offset);

    if (packet.hasExtension) {
        if (datagram.size() < offset + 4)
            return std::nullopt;
        packet.extensionProfile = readUint16(data + offset);
        const std::size_t extensionBytes = std::size_t{readUint16(data + offset + 2)} * 4;
        offset += 4;
        if (datagram.size() < offset + extensionBytes)
            return std::nullopt;
        packet.extension = datagram.subspan(offset, extensionBytes);
        offset += extensionBytes;
    }

    std::size_t end = datagram.size();
    if (hasPadding) {
        packet.paddingBytes = data[end - 1];
        if (packet.paddingBytes == 0 || packet.paddingBytes > end - offset)
            return std::nullopt;
        end -= packet.paddingBytes;
    }
    packet.payload = datagram.subspan(offset, end - offset);
    return packet;
}

std::size_t RtpPacket::serializedSize() const
{
    return kFixedHeaderBytes + std::size_t{csrcCount} * 4 + (hasExtension ? 4 + extension.size() : 0) + payload.size() +
           paddingBytes;
}

std::size_t RtpPacket::serialize(std::span<std::uint8_t> out) const
{
    const std::size_t size = serializedSize();
    if (out.size() < size || csrcCount > kMaxCsrcCount || payloadType > 127 || extension.size() % 4 != 0 ||
        extension.size() > kMaxExtensionBytes || (!hasExtension && !extension.empty()))
        return 0;
    std::uint8_t *data = out.data();
    data[0] =
        static_cast<std::uint8_t>((kVersion << 6) | (paddingBytes ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcCount);
    data[1] = static_cast<std::uint8_t>((marker ? 0x80 : 0) | payloadType);
    writeUint16(data + 2, sequenceNumber);
    writeUint32(data + 4, timestamp);
    writeUint32(data + 8, ssrc);
    std::size_t offset = kFixedHeaderBytes;
    for (std::size_t i = 0; i < csrcCount; ++i, offset += 4)
        writeUint32(data + offset, csrcs[i]);
    if (hasExtension) {
        writeUint16(data + offset, extensionProfile);
        writeUint16(data + offset + 2, static_cast<std::uint16_t>(extension.size() / 4));
        offset += 4;
        std::copy(extension.begin(), extension.end(), data + offset);
        offset += extension.size();
    }
    std::copy(payload.begin(), payload.end(), data + offset);
    offset += payload.size();
    if (paddingBytes) {
        std::fill_n(data + offset, paddingBytes - 1, std::uint8_t{0});
        data[offset + paddingBytes - 1] = paddingBytes;
        offset += paddingBytes;
    }
    return offset;
}

} // namespace Audio
