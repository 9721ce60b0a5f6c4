// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for the STUN Binding codec (what arrives on an RTP socket while STUN runs): any
// bytes give a sound result, read with a fixed transaction id and with the one the input itself carries
// (so the fuzzer reaches the attribute walk), and a success always has a usable address.
#include "audio/rtp/StunMessage.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

namespace {

void check(const Audio::Stun::BindingResult &result)
{
    using Kind = Audio::Stun::BindingResult::Kind;
    if (result.kind == Kind::Success && !result.mapped.isValid()) {
        std::fprintf(stderr, "StunMessage: success without an address\n");
        std::abort();
    }
    if (result.reason.size() > 128) {
        std::fprintf(stderr, "StunMessage: reason longer than the bound\n");
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::span<const std::uint8_t> datagram(data, size);
    const bool stun = Audio::Stun::looksLikeStun(datagram);
    const Audio::Stun::TransactionId fixed = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    check(Audio::Stun::parseBindingResponse(datagram, fixed));
    if (size >= 20) {
        Audio::Stun::TransactionId own{};
        std::copy_n(data + 8, own.size(), own.begin());
        const Audio::Stun::BindingResult result = Audio::Stun::parseBindingResponse(datagram, own);
        check(result);
        if (!stun && result.kind != Audio::Stun::BindingResult::Kind::NotOurs &&
            result.kind != Audio::Stun::BindingResult::Kind::Malformed) {
            std::fprintf(stderr, "StunMessage: a datagram that is not STUN was read as an answer\n");
            std::abort();
        }
    }
    return 0;
}
