// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/SofiaIncludes.h"

#include <QByteArray>
#include <QList>

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
    /// defaultExpires: the response's Expires, else what we asked for.
    static RegistrationBindings read(const sip_t *response, const QByteArray &ourContact, int defaultExpires);
    const RegistrationBinding *own() const { return ownIndex >= 0 ? &bindings.at(ownIndex) : nullptr; }
};

} // namespace Sip::Internal
