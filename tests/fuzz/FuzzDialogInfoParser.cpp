// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for DialogInfoParser and DialogInfoTracker: any input must give a sound result, the
// same one twice, under default and tight limits; a tracker fed the result twice stays within its bounds.
#include "sipcore/presence/DialogInfoParser.h"
#include "sipcore/presence/DialogInfoTracker.h"
#include "tests/sipcore/presence/PresenceChecks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const QString &problem, const QString &error)
{
    std::fprintf(stderr, "DialogInfoParser: %s (error: %s)\n", qPrintable(problem), qPrintable(error));
    std::abort();
}

void check(const QByteArray &body, const Sip::PresenceParseLimits &limits)
{
    const Sip::DialogInfoParser parser(limits);
    const auto result = parser.parse(body);
    const QString problem = PresenceChecks::checkDialogInfo(result, limits);
    if (!problem.isEmpty())
        fail(problem, result.error);
    const auto again = parser.parse(body);
    if (!(again.presence == result.presence) || again.dialogs != result.dialogs || again.version != result.version)
        fail(QStringLiteral("two parses of the same input differ"), result.error);

    Sip::DialogInfoTracker tracker;
    const auto first = tracker.apply(result);
    const auto second = tracker.apply(again);
    if (result.ok != (first != Sip::DialogInfoTracker::Outcome::Refused))
        fail(QStringLiteral("tracker refused an accepted document or took a refused one"), result.error);
    if (result.ok && result.version >= 0 && second != Sip::DialogInfoTracker::Outcome::Stale)
        fail(QStringLiteral("tracker took the same version twice"), result.error);
    if (tracker.dialogs().size() > Sip::DialogInfoTracker::maxDialogs)
        fail(QStringLiteral("tracker holds too many dialogs"), result.error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    check(body, Sip::PresenceParseLimits{});
    check(body, Sip::PresenceParseLimits{2048, 4, 16, 8});
    return 0;
}
