// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/internal/SofiaIncludes.h"

#include <QByteArray>
#include <QString>

namespace Sip::Internal {

/// Copies of the parts of a Sofia message that sessions keep (everything Sofia hands a callback is
/// freed when it returns). Engine thread only; each accepts null.
namespace SipMessageText {

QString text(const char *value);                   ///< UTF-8, "" for null
QByteArray bodyOf(const sip_t *sip);               ///< The payload, any type
QByteArray sdpOf(const sip_t *sip);                ///< The payload when it is application/sdp (or untyped)
QByteArray contentTypeOf(const sip_t *sip);        ///< "application/sdp", or empty
QString uriText(const url_t *url);                 ///< "sip:1002@pbx;transport=udp"
QByteArray headerText(const sip_header_t *header); ///< The header's value as it would be sent

} // namespace SipMessageText
} // namespace Sip::Internal
