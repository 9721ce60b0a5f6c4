// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for RegistrationBindings (which binding of a registrar's 2xx is ours): any bytes,
// parsed by Sofia as a response, give a bounded list with at most one binding marked ours.
#include "sipcore/internal/RegistrationBindings.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Sip::Internal::RegistrationBindings;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first line (up to 200 bytes) is our Contact, the rest the response.
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray ours =
        newline > 0 && newline < 200 ? bytes.left(newline) : QByteArrayLiteral("<sip:1001@127.0.0.1:5060>");
    const QByteArray response = newline > 0 && newline < 200 ? bytes.mid(newline + 1) : bytes;
    const RegistrationBindings result = RegistrationBindings::readMessage(response, ours, 300);
    int own = 0;
    for (const auto &binding : result.bindings)
        own += binding.self ? 1 : 0;
    if (result.bindings.size() > RegistrationBindings::kMaxBindings || own > 1 ||
        (own == 1) != (result.ownIndex >= 0) || (result.ownIndex >= 0 && !result.bindings.at(result.ownIndex).self)) {
        std::fprintf(stderr, "RegistrationBindings: inconsistent result\n");
        std::abort();
    }
    return 0;
}
