// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/rtp/StunMessage.h"

#include "audio/rtp/NetworkOrder.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Audio::Stun {

namespace {
constexpr std::uint32_t kMagicCookie = 0x2112A442;
constexpr std::uint32_t kFingerprintXor = 0x5354554e;
constexpr std::size_t kHeaderSize = 20;
constexpr std::uint16_t kBindingRequest = 0x0001;
constexpr std::uint16_t kBindingSuccess = 0x0101;
constexpr std::uint16_t kBindingError = 0x0111;
constexpr std::uint16_t kMappedAddress = 0x0001;
constexpr std::uint16_t kErrorCode = 0x0009;
constexpr std::uint16_t kXorMappedAddress = 0x0020;
constexpr std::uint16_t kSoftware = 0x8022;
constexpr std::uint16_t kFingerprint = 0x8028;
constexpr int kMaxAttributes = 64;
constexpr qsizetype kMaxReasonLength = 128;

std::uint16_t read16(std::span<const std::uint8_t> bytes, std::size_t at)
{
    return NetworkOrder::readUint16(bytes.data() + at);
}

std::uint32_t read32(std::span<const std::uint8_t> bytes, std::size_t at)
{
    return NetworkOrder::readUint32(bytes.data() + at);
}

void append16(std::vector<std::uint8_t> &out, std::uint16_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

void append32(std::vector<std::uint8_t> &out, std::uint32_t value)
{
    append16(out, static_cast<std::uint16_t>(value >> 16));
    append16(out, static_cast<std::uint16_t>(value & 0xffff));
}

void write16(std::vector<std::uint8_t> &out, std::size_t at, std::uint16_t value)
{
    NetworkOrder::writeUint16(out.data() + at, value);
}

/// CRC-32 as in ISO 3309 / ITU-T V.42 (the one zlib computes), which FINGERPRINT uses.
std::uint32_t crc32(std::span<const std::uint8_t> bytes)
{
    std::uint32_t crc = 0xffffffffU;
    for (const std::uint8_t byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1U)));
    }
    return ~crc;
}

/// (XOR-)MAPPED-ADDRESS value: reserved byte, family, port, address.
bool readAddress(std::span<const std::uint8_t> value, bool xored, const TransactionId &id, SocketAddress *address,
                 QString *problem)
{
    if (value.size() < 8) {
        *problem = QStringLiteral("an address attribute of %1 bytes is too short").arg(value.size());
        return false;
    }
    const std::uint8_t family = value[1];
    std::uint16_t port = read16(value, 2);
    if (xored)
        port ^= static_cast<std::uint16_t>(kMagicCookie >> 16);
    std::array<std::uint8_t, 16> bytes{};
    std::array<std::uint8_t, 16> mask{};
    for (int i = 0; i < 4; ++i)
        mask[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(kMagicCookie >> (24 - 8 * i));
    for (std::size_t i = 0; i < id.size(); ++i)
        mask[4 + i] = id[i];
    std::size_t length = 0;
    SocketAddress::Family kind = SocketAddress::Family::Invalid;
    if (family == 0x01 && value.size() == 8) {
        length = 4;
        kind = SocketAddress::Family::IPv4;
    } else if (family == 0x02 && value.size() == 20) {
        length = 16;
        kind = SocketAddress::Family::IPv6;
    } else {
        *problem = QStringLiteral("an address attribute has family %1 and %2 bytes").arg(family).arg(value.size());
        return false;
    }
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = static_cast<std::uint8_t>(value[4 + i] ^ (xored ? mask[i] : 0));
    *address = SocketAddress::fromBytes(kind, bytes.data(), port);
    if (!address->isValid()) {
        *problem = QStringLiteral("an address attribute holds no usable address");
        return false;
    }
    return true;
}

QString readReason(std::span<const std::uint8_t> value)
{
    QString reason =
        QString::fromUtf8(reinterpret_cast<const char *>(value.data()), static_cast<qsizetype>(value.size()));
    reason.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    return reason.left(kMaxReasonLength).trimmed();
}

BindingResult malformed(const QString &problem)
{
    BindingResult result;
    result.kind = BindingResult::Kind::Malformed;
    result.problem = problem;
    return result;
}
} // namespace

TransactionId newTransactionId()
{
    TransactionId id{};
    QRandomGenerator *random = QRandomGenerator::system();
    for (std::size_t i = 0; i < id.size(); i += 4) {
        const quint32 word = random->generate();
        for (std::size_t j = 0; j < 4; ++j)
            id[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
    }
    return id;
}

std::vector<std::uint8_t> bindingRequest(const TransactionId &id)
{
    static constexpr char kSoftwareName[] = "Offhook";
    constexpr std::uint16_t softwareLength = sizeof kSoftwareName - 1;
    std::vector<std::uint8_t> out;
    out.reserve(kHeaderSize + 4 + 8 + 8);
    append16(out, kBindingRequest);
    append16(out, 0); // length, written below
    append32(out, kMagicCookie);
    out.insert(out.end(), id.begin(), id.end());
    append16(out, kSoftware);
    append16(out, softwareLength);
    out.insert(out.end(), kSoftwareName, kSoftwareName + softwareLength);
    while (out.size() % 4 != 0)
        out.push_back(0);
    // FINGERPRINT covers the message up to itself, with a length that already counts it (RFC 5389 15.5).
    write16(out, 2, static_cast<std::uint16_t>(out.size() - kHeaderSize + 8));
    const std::uint32_t fingerprint = crc32(out) ^ kFingerprintXor;
    append16(out, kFingerprint);
    append16(out, 4);
    append32(out, fingerprint);
    return out;
}

bool looksLikeStun(std::span<const std::uint8_t> datagram)
{
    if (datagram.size() < kHeaderSize || (datagram[0] & 0xc0) != 0)
        return false;
    const std::size_t length = read16(datagram, 2);
    return read32(datagram, 4) == kMagicCookie && length % 4 == 0 && kHeaderSize + length == datagram.size();
}

BindingResult parseBindingResponse(std::span<const std::uint8_t> datagram, const TransactionId &id)
{
    if (!looksLikeStun(datagram))
        return datagram.size() >= kHeaderSize && (datagram[0] & 0xc0) == 0 && read32(datagram, 4) == kMagicCookie
                   ? malformed(
                         QStringLiteral("its length field does not match the %1 bytes received").arg(datagram.size()))
                   : BindingResult{BindingResult::Kind::NotOurs, {}, 0, {}, {}};
    const std::uint16_t type = read16(datagram, 0);
    if ((type != kBindingSuccess && type != kBindingError) || !std::equal(id.begin(), id.end(), datagram.begin() + 8))
        return BindingResult{BindingResult::Kind::NotOurs, {}, 0, {}, {}};

    BindingResult result;
    SocketAddress xorMapped;
    SocketAddress mapped;
    bool haveError = false;
    std::size_t at = kHeaderSize;
    int attributes = 0;
    while (at < datagram.size()) {
        if (++attributes > kMaxAttributes)
            return malformed(QStringLiteral("more than %1 attributes").arg(kMaxAttributes));
        if (datagram.size() - at < 4)
            return malformed(QStringLiteral("an attribute header is cut off"));
        const std::uint16_t attribute = read16(datagram, at);
        const std::size_t length = read16(datagram, at + 2);
        const std::size_t padded = (length + 3) & ~std::size_t{3};
        if (datagram.size() - at - 4 < padded)
            return malformed(QStringLiteral("attribute 0x%1 claims %2 bytes, more than the message holds")
                                 .arg(attribute, 4, 16, QLatin1Char('0'))
                                 .arg(length));
        const std::span<const std::uint8_t> value = datagram.subspan(at + 4, length);
        QString problem;
        switch (attribute) {
        case kXorMappedAddress:
            if (!readAddress(value, true, id, &xorMapped, &problem))
                return malformed(problem);
            break;
        case kMappedAddress:
            if (!readAddress(value, false, id, &mapped, &problem))
                return malformed(problem);
            break;
        case kErrorCode:
            if (value.size() < 4)
                return malformed(QStringLiteral("an ERROR-CODE attribute is too short"));
            result.errorCode = (value[2] & 0x07) * 100 + value[3];
            result.reason = readReason(value.subspan(4));
            haveError = true;
            break;
        case kFingerprint: {
            if (length != 4 || at + 8 != datagram.size())
                return malformed(QStringLiteral("FINGERPRINT is not the last 4-byte attribute"));
            const std::uint32_t expected = crc32(datagram.first(at)) ^ kFingerprintXor;
            if (read32(datagram, at + 4) != expected)
                return malformed(QStringLiteral("its FINGERPRINT is wrong (damaged on the way?)"));
            break;
        }
        default:
            break; // MESSAGE-INTEGRITY, SOFTWARE and whatever else: not needed to read the mapping
        }
        at += 4 + padded;
    }
    if (type == kBindingError) {
        result.kind = BindingResult::Kind::ErrorResponse;
        if (!haveError)
            result.reason = QStringLiteral("error response without ERROR-CODE");
        return result;
    }
    result.mapped = xorMapped.isValid() ? xorMapped : mapped;
    if (!result.mapped.isValid())
        return malformed(QStringLiteral("a Binding success without a mapped address"));
    result.kind = BindingResult::Kind::Success;
    return result;
}

} // namespace Audio::Stun
