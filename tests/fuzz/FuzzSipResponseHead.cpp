// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for SipResponseHead (the preflight check's reader of answers off a socket): any
// bytes give a sound result, as a datagram and as a stream, and a complete stream message never claims
// more bytes than it was given.
#include "sipcore/internal/SipResponseHead.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void fail(const char *problem)
{
    std::fprintf(stderr, "SipResponseHead: %s\n", problem);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Sip::Internal::SipResponseHead;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool stream : {false, true}) {
        const SipResponseHead head = SipResponseHead::parse(bytes, stream, 4096);
        if (head.result == SipResponseHead::Result::Invalid)
            fail("no result");
        if (head.result == SipResponseHead::Result::Complete) {
            if (head.messageBytes <= 0 || head.messageBytes > bytes.size())
                fail("message length outside the input");
            if (head.statusCode < 100 || head.statusCode > 699)
                fail("status code out of range");
            const SipResponseHead again = SipResponseHead::parse(bytes.left(head.messageBytes), stream, 4096);
            if (again.result != SipResponseHead::Result::Complete || again.messageBytes != head.messageBytes)
                fail("the message alone reads differently");
        }
    }
    return 0;
}
