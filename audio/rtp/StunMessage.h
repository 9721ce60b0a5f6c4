// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "audio/rtp/SocketAddress.h"

#include <QString>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

/// STUN (RFC 5389) Binding, client side, as a pure codec: the request a phone sends from its RTP socket
/// and the reading of the server's answer (the address the NAT maps the socket to). No sockets here.
namespace Audio::Stun {

using TransactionId = std::array<std::uint8_t, 12>;
constexpr std::uint16_t kDefaultPort = 3478;

TransactionId newTransactionId(); ///< 96 random bits (QRandomGenerator::system())

/// A Binding request (RFC 5389 6): the header with the magic cookie, SOFTWARE "Offhook" and FINGERPRINT.
std::vector<std::uint8_t> bindingRequest(const TransactionId &id);

/// Whether a datagram arriving on an RTP socket is STUN rather than RTP/RTCP (RFC 7983): the first two
/// bits 0, the magic cookie, a length that matches the datagram and is a multiple of 4.
bool looksLikeStun(std::span<const std::uint8_t> datagram);

struct BindingResult
{
    enum class Kind
    {
        Success,
        ErrorResponse,
        NotOurs,
        Malformed
    };
    Kind kind = Kind::Malformed;
    SocketAddress mapped; ///< Success: XOR-MAPPED-ADDRESS (preferred) or MAPPED-ADDRESS
    int errorCode = 0;    ///< ErrorResponse: class * 100 + number
    QString reason;       ///< ErrorResponse: its reason phrase (control characters dropped, at most 128)
    QString problem;      ///< Malformed: what was wrong, in words (for the log)
};

/// Reads a Binding success (0x0101) or error (0x0111) response to the request with this transaction id.
/// Another transaction or a message that is not a Binding response gives NotOurs; anything truncated or
/// inconsistent, or a wrong FINGERPRINT, gives Malformed. Never reads outside the datagram.
BindingResult parseBindingResponse(std::span<const std::uint8_t> datagram, const TransactionId &id);

} // namespace Audio::Stun
