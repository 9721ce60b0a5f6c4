// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The STUN Binding codec against RFC 5769's test vectors and against hostile datagrams.
#include "audio/rtp/StunMessage.h"

#include <QTest>

using namespace Audio;
using namespace Audio::Stun;

namespace {
// RFC 5769 2.2, "Sample IPv4 Response": XOR-MAPPED-ADDRESS 192.0.2.1:32853, with SOFTWARE,
// MESSAGE-INTEGRITY (not checked here: no password) and FINGERPRINT.
const std::vector<std::uint8_t> kRfc5769Ipv4Response = {
    0x01, 0x01, 0x00, 0x3c, 0x21, 0x12, 0xa4, 0x42, 0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86,
    0xfa, 0x87, 0xdf, 0xae, 0x80, 0x22, 0x00, 0x0b, 0x74, 0x65, 0x73, 0x74, 0x20, 0x76, 0x65, 0x63,
    0x74, 0x6f, 0x72, 0x20, 0x00, 0x20, 0x00, 0x08, 0x00, 0x01, 0xa1, 0x47, 0xe1, 0x12, 0xa6, 0x43,
    0x00, 0x08, 0x00, 0x14, 0x2b, 0x91, 0xf5, 0x99, 0xfd, 0x9e, 0x90, 0xc3, 0x8c, 0x74, 0x89, 0xf9,
    0x2a, 0xf9, 0xba, 0x53, 0xf0, 0x6b, 0xe7, 0xd7, 0x80, 0x28, 0x00, 0x04, 0xc0, 0x7d, 0x4c, 0x96};
const TransactionId kRfc5769Id = {0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae};

TransactionId fixedId()
{
    return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
}

/// A response built by hand: header, then the given attributes (each already padded).
std::vector<std::uint8_t> response(std::uint16_t type, const TransactionId &id,
                                   const std::vector<std::uint8_t> &attributes)
{
    std::vector<std::uint8_t> out = {static_cast<std::uint8_t>(type >> 8),
                                     static_cast<std::uint8_t>(type & 0xff),
                                     static_cast<std::uint8_t>(attributes.size() >> 8),
                                     static_cast<std::uint8_t>(attributes.size() & 0xff),
                                     0x21,
                                     0x12,
                                     0xa4,
                                     0x42};
    out.insert(out.end(), id.begin(), id.end());
    out.insert(out.end(), attributes.begin(), attributes.end());
    return out;
}

/// XOR-MAPPED-ADDRESS for an IPv4 address and port, encoded by hand (RFC 5389 15.2).
std::vector<std::uint8_t> xorMappedIpv4(std::array<std::uint8_t, 4> address, std::uint16_t port)
{
    const std::uint16_t xport = port ^ 0x2112;
    return {0x00,
            0x20,
            0x00,
            0x08,
            0x00,
            0x01,
            static_cast<std::uint8_t>(xport >> 8),
            static_cast<std::uint8_t>(xport & 0xff),
            static_cast<std::uint8_t>(address[0] ^ 0x21),
            static_cast<std::uint8_t>(address[1] ^ 0x12),
            static_cast<std::uint8_t>(address[2] ^ 0xa4),
            static_cast<std::uint8_t>(address[3] ^ 0x42)};
}
} // namespace

class TestStunMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestIsABindingWithFingerprint();
    void readsRfc5769Ipv4Response();
    void wrongFingerprintIsMalformed();
    void readsHandBuiltSuccessAndError();
    void otherTransactionIsNotOurs();
    void truncationNeverSucceeds();
    void hostileLengths();
    void tellsStunFromRtp();
    void transactionIdsDiffer();
};

void TestStunMessage::requestIsABindingWithFingerprint()
{
    const TransactionId id = fixedId();
    const std::vector<std::uint8_t> request = bindingRequest(id);
    QCOMPARE(request.size() % 4, 0u);
    QCOMPARE(request[0], 0x00);
    QCOMPARE(request[1], 0x01);
    QCOMPARE(std::size_t((request[2] << 8) | request[3]), request.size() - 20);
    QCOMPARE(request[4], 0x21);
    QCOMPARE(request[7], 0x42);
    QVERIFY(std::equal(id.begin(), id.end(), request.begin() + 8));
    QVERIFY(looksLikeStun(request));
    // The last attribute is FINGERPRINT; a response carrying the same bytes as its fingerprinted part
    // would be checked by the same code, so check it through the parser: flip the type to a success and
    // recompute nothing -> the fingerprint no longer matches.
    const std::size_t last = request.size() - 8;
    QCOMPARE(request[last], 0x80);
    QCOMPARE(request[last + 1], 0x28);
    std::vector<std::uint8_t> asSuccess = request;
    asSuccess[1] = 0x01;
    asSuccess[0] = 0x01;
    QCOMPARE(parseBindingResponse(asSuccess, id).kind, BindingResult::Kind::Malformed);
}

void TestStunMessage::readsRfc5769Ipv4Response()
{
    const BindingResult result = parseBindingResponse(kRfc5769Ipv4Response, kRfc5769Id);
    QCOMPARE(result.kind, BindingResult::Kind::Success);
    QCOMPARE(result.mapped.toString(), QStringLiteral("192.0.2.1:32853"));
}

void TestStunMessage::wrongFingerprintIsMalformed()
{
    std::vector<std::uint8_t> damaged = kRfc5769Ipv4Response;
    damaged.back() ^= 0x01;
    const BindingResult result = parseBindingResponse(damaged, kRfc5769Id);
    QCOMPARE(result.kind, BindingResult::Kind::Malformed);
    QVERIFY2(result.problem.contains(QLatin1String("FINGERPRINT")), qPrintable(result.problem));
}

void TestStunMessage::readsHandBuiltSuccessAndError()
{
    const TransactionId id = fixedId();
    const BindingResult success =
        parseBindingResponse(response(0x0101, id, xorMappedIpv4({198, 51, 100, 2}, 40123)), id);
    QCOMPARE(success.kind, BindingResult::Kind::Success);
    QCOMPARE(success.mapped.toString(), QStringLiteral("198.51.100.2:40123"));

    // Plain MAPPED-ADDRESS (RFC 3489 servers) when there is no XOR-MAPPED-ADDRESS.
    const std::vector<std::uint8_t> mapped = {0x00, 0x01, 0x00, 0x08, 0x00, 0x01, 0x13, 0x88, 203, 0, 113, 9};
    const BindingResult old = parseBindingResponse(response(0x0101, id, mapped), id);
    QCOMPARE(old.kind, BindingResult::Kind::Success);
    QCOMPARE(old.mapped.toString(), QStringLiteral("203.0.113.9:5000"));

    // 420 Unknown Attribute, with a control character in the reason that must not reach the log.
    const std::vector<std::uint8_t> error = {0x00, 0x09, 0x00, 0x0c,   0x00, 0x00, 0x04, 0x14,
                                             'B',  'a',  'd',  '\x07', 'T',  'h',  'i',  'n'};
    const BindingResult refused = parseBindingResponse(response(0x0111, id, error), id);
    QCOMPARE(refused.kind, BindingResult::Kind::ErrorResponse);
    QCOMPARE(refused.errorCode, 420);
    QCOMPARE(refused.reason, QStringLiteral("BadThin"));

    // A success without any address is no success.
    const BindingResult empty = parseBindingResponse(response(0x0101, id, {}), id);
    QCOMPARE(empty.kind, BindingResult::Kind::Malformed);
}

void TestStunMessage::otherTransactionIsNotOurs()
{
    TransactionId other = fixedId();
    other[11] ^= 0xff;
    QCOMPARE(parseBindingResponse(response(0x0101, other, xorMappedIpv4({192, 0, 2, 1}, 1)), fixedId()).kind,
             BindingResult::Kind::NotOurs);
    // A request (not a response) is not an answer either.
    QCOMPARE(parseBindingResponse(bindingRequest(fixedId()), fixedId()).kind, BindingResult::Kind::NotOurs);
}

void TestStunMessage::truncationNeverSucceeds()
{
    for (std::size_t size = 0; size < kRfc5769Ipv4Response.size(); ++size) {
        std::vector<std::uint8_t> cut(kRfc5769Ipv4Response.begin(),
                                      kRfc5769Ipv4Response.begin() + static_cast<std::ptrdiff_t>(size));
        QVERIFY2(parseBindingResponse(cut, kRfc5769Id).kind != BindingResult::Kind::Success,
                 qPrintable(QString::number(size)));
        // Also with the length field adjusted to the cut, so the header check alone does not catch it.
        if (size >= 20 && size % 4 == 0) {
            cut[2] = static_cast<std::uint8_t>((size - 20) >> 8);
            cut[3] = static_cast<std::uint8_t>((size - 20) & 0xff);
            const BindingResult result = parseBindingResponse(cut, kRfc5769Id);
            QVERIFY2(result.kind != BindingResult::Kind::Success || size >= 48, qPrintable(QString::number(size)));
        }
    }
}

void TestStunMessage::hostileLengths()
{
    const TransactionId id = fixedId();
    // An attribute that claims more bytes than there are.
    const std::vector<std::uint8_t> tooLong = {0x00, 0x20, 0xff, 0xfc, 0x00, 0x01, 0x00, 0x00};
    QCOMPARE(parseBindingResponse(response(0x0101, id, tooLong), id).kind, BindingResult::Kind::Malformed);
    // A wrong-sized address, and an unknown family.
    const std::vector<std::uint8_t> shortAddress = {0x00, 0x20, 0x00, 0x04, 0x00, 0x01, 0x00, 0x00};
    QCOMPARE(parseBindingResponse(response(0x0101, id, shortAddress), id).kind, BindingResult::Kind::Malformed);
    const std::vector<std::uint8_t> family9 = {0x00, 0x20, 0x00, 0x08, 0x00, 0x09, 0, 0, 1, 2, 3, 4};
    QCOMPARE(parseBindingResponse(response(0x0101, id, family9), id).kind, BindingResult::Kind::Malformed);
    // Thousands of empty attributes: bounded, not walked forever.
    std::vector<std::uint8_t> many;
    for (int i = 0; i < 2000; ++i)
        many.insert(many.end(), {0x80, 0x99, 0x00, 0x00});
    QCOMPARE(parseBindingResponse(response(0x0101, id, many), id).kind, BindingResult::Kind::Malformed);
}

void TestStunMessage::tellsStunFromRtp()
{
    QVERIFY(looksLikeStun(kRfc5769Ipv4Response));
    QVERIFY(looksLikeStun(bindingRequest(fixedId())));
    std::vector<std::uint8_t> rtp(172, 0);
    rtp[0] = 0x80; // version 2
    QVERIFY(!looksLikeStun(rtp));
    std::vector<std::uint8_t> rtcp = {0x81, 0xc8, 0x00, 0x06};
    rtcp.resize(28, 0);
    QVERIFY(!looksLikeStun(rtcp));
    QVERIFY(!looksLikeStun({}));
    // Right cookie, wrong length field.
    std::vector<std::uint8_t> lying = kRfc5769Ipv4Response;
    lying[3] = 0x40;
    QVERIFY(!looksLikeStun(lying));
    QCOMPARE(parseBindingResponse(lying, kRfc5769Id).kind, BindingResult::Kind::Malformed);
}

void TestStunMessage::transactionIdsDiffer()
{
    QVERIFY(newTransactionId() != newTransactionId());
}

QTEST_GUILESS_MAIN(TestStunMessage)
#include "TestStunMessage.moc"
