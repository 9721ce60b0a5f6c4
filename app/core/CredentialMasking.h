// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>

namespace Gui {

/// The text that replaces a masked value.
inline constexpr char MaskedValue[] = "********";

/// Returns the SIP message with the response=, nonce= and cnonce= values of its Authorization and
/// Proxy-Authorization headers (folded continuation lines included) replaced by MaskedValue. Every
/// other byte is kept, so the message still parses. Pure function; any thread.
QByteArray maskCredentials(const QByteArray &message);

} // namespace Gui
