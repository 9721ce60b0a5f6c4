// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for PidfParser: any input must give a sound result, the same one twice, under the
// default limits and under tight ones (which reach the limit paths with small inputs).
#include "sipcore/presence/PidfParser.h"
#include "tests/sipcore/presence/PresenceChecks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(const QByteArray &body, const Sip::PresenceParseLimits &limits)
{
    const Sip::PidfParser parser(limits);
    const auto result = parser.parse(body);
    QString problem = PresenceChecks::checkPidf(result, limits);
    if (problem.isEmpty() && !(parser.parse(body).presence == result.presence))
        problem = QStringLiteral("two parses of the same input differ");
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "PidfParser: %s (error: %s)\n", qPrintable(problem), qPrintable(result.error));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    check(body, Sip::PresenceParseLimits{});
    check(body, Sip::PresenceParseLimits{2048, 4, 16, 8});
    return 0;
}
