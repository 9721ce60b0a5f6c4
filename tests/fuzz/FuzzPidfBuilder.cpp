// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for PidfBuilder: whatever note and entity a user types, the PUBLISH body is
// well-formed PIDF that PidfParser reads back as the published status with the sanitized note.
#include "sipcore/presence/PidfBuilder.h"
#include "sipcore/presence/PidfParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *problem, const QByteArray &body, const QString &error)
{
    std::fprintf(stderr, "PidfBuilder: %s (error: %s)\n%s\n", problem, qPrintable(error), body.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // First byte: status; second: where the entity ends; the rest is entity then note, as UTF-8.
    const auto status = static_cast<Sip::OwnStatus>(1 + data[0] % 5);
    const QByteArray rest = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const qsizetype split = qMin<qsizetype>(data[1], rest.size());
    const QString entity = QStringLiteral("sip:") + QString::fromUtf8(rest.left(split));
    const QString note = QString::fromUtf8(rest.mid(split));

    const Sip::PidfBuilder builder(entity);
    const QByteArray body = builder.build(status, note);
    if (body.isEmpty())
        fail("no body for a valid status and entity", body, {});
    const auto result = Sip::PidfParser().parse(body);
    if (!result.ok)
        fail("builder output refused", body, result.error);
    if (result.presence.status != Sip::presenceStatusFor(status))
        fail("status changed in the round trip", body, {});
    if (result.presence.note != Sip::PidfBuilder::sanitizeNote(note))
        fail("note changed in the round trip", body, {});
    return 0;
}
