// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for DtmfInfoBody (the reader of SIP INFO DTMF bodies): any content type and body
// give a sound answer: 200 with at most a valid digit, or 400/415 with a reason.
#include "sipcore/internal/DtmfInfoBody.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void fail(const char *problem)
{
    std::fprintf(stderr, "DtmfInfoBody: %s\n", problem);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Sip::Internal::DtmfInfoBody;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first line is the Content-Type, the rest the body; also both known types with the whole input.
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray type = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    for (const auto &[contentType, content] :
         {std::pair{type, body}, std::pair{QByteArray("application/dtmf-relay"), bytes},
          std::pair{QByteArray("application/dtmf"), bytes}}) {
        const DtmfInfoBody result = DtmfInfoBody::parse(contentType, content);
        if (result.status != 200 && result.status != 400 && result.status != 415)
            fail("unexpected status");
        if (result.status != 200 && (result.error.isEmpty() || !result.digit.isNull()))
            fail("a refusal without reason, or with a digit");
        if (!result.digit.isNull() && !QStringLiteral("0123456789*#ABCD").contains(result.digit))
            fail("not a DTMF digit");
    }
    return 0;
}
