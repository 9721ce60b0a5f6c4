// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"

#include <QByteArray>
#include <QList>

struct sip_s; // Sofia's sip_t; this header stays free of Sofia's own so that tests can include it

namespace Sip::Internal {

/// The bindings a registrar's 2xx to REGISTER lists, with this phone's own one found by its Contact —
/// the one the REGISTER carried: same scheme, user, host, port and transport, and the same
/// +sip.instance where both have one. Another device registered on the same extension (a desk phone, a
/// second Offhook, a stale binding of a crashed run) lists a Contact that differs in at least one of
/// them, so its expiry is never taken for ours. Engine thread only.
struct RegistrationBindings
{
    QList<RegistrationBinding> bindings;
    int ownIndex = -1; ///< Our binding in bindings, -1 when the registrar did not list it

    /// ourContact: the Contact header value of the REGISTER (e.g. "<sip:1001@10.0.0.2:5080;transport=udp>").
    /// A binding without an expires parameter has the response's Expires, else defaultExpires (what we
    /// asked for).
    static RegistrationBindings read(const sip_s *response, const QByteArray &ourContact, int defaultExpires);
    /// The same from a whole response as received (the wire text): for tests and fuzzing. An unparsable
    /// message lists nothing.
    static RegistrationBindings readMessage(const QByteArray &response, const QByteArray &ourContact,
                                            int defaultExpires);
    /// A registrar lists at most this many bindings here (ours is always among them when listed).
    static constexpr int kMaxBindings = 64;
    const RegistrationBinding *own() const { return ownIndex >= 0 ? &bindings.at(ownIndex) : nullptr; }
};

} // namespace Sip::Internal
