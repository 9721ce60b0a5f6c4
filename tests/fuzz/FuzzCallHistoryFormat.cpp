// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for the call history file reader: any bytes give a status; every entry it
// accepts is valid and survives being written and read again unchanged.
#include "app/core/CallHistoryFormat.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void fail(const char *problem)
{
    std::fprintf(stderr, "CallHistoryFormat: %s\n", problem);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Gui::CallHistoryFormat::ParseResult;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult result = Gui::CallHistoryFormat::parse(bytes);
    if (result.status == ParseResult::Status::Invalid)
        fail("no status");
    if (result.status == ParseResult::Status::Corrupt && (!result.entries.isEmpty() || result.error.isEmpty()))
        fail("a corrupt document with entries or without a reason");
    for (const Gui::CallHistoryEntry &entry : result.entries) {
        if (!entry.isValid() || entry.durationSeconds < 0)
            fail("an invalid entry was accepted");
    }
    const ParseResult again = Gui::CallHistoryFormat::parse(Gui::CallHistoryFormat::serialize(result.entries));
    if (again.status != ParseResult::Status::Ok || again.skippedEntries != 0)
        fail("written entries do not read back");
    if (again.entries.size() != result.entries.size())
        fail("entries lost in a round trip");
    for (qsizetype i = 0; i < again.entries.size(); ++i) {
        // Seconds survive; sub-second parts of hand-written times may not be written back.
        Gui::CallHistoryEntry expected = result.entries.at(i);
        expected.startedUtc = expected.startedUtc.addMSecs(-expected.startedUtc.time().msec());
        Gui::CallHistoryEntry actual = again.entries.at(i);
        actual.startedUtc = actual.startedUtc.addMSecs(-actual.startedUtc.time().msec());
        if (!(expected == actual))
            fail("an entry changed in a round trip");
    }
    return 0;
}
