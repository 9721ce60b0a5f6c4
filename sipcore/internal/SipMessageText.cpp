// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/SipMessageText.h"

#include "sipcore/internal/NuaHandle.h"

namespace Sip::Internal::SipMessageText {

QString text(const char *value)
{
    return QString::fromUtf8(value ? value : "");
}

QByteArray bodyOf(const sip_t *sip)
{
    if (!sip || !sip->sip_payload || !sip->sip_payload->pl_data)
        return {};
    return QByteArray(sip->sip_payload->pl_data, static_cast<qsizetype>(sip->sip_payload->pl_len));
}

QByteArray contentTypeOf(const sip_t *sip)
{
    return sip && sip->sip_content_type && sip->sip_content_type->c_type ? QByteArray(sip->sip_content_type->c_type)
                                                                         : QByteArray();
}

QByteArray sdpOf(const sip_t *sip)
{
    const QByteArray type = contentTypeOf(sip);
    if (!type.isEmpty() && type.compare("application/sdp", Qt::CaseInsensitive) != 0)
        return {};
    return bodyOf(sip);
}

QString uriText(const url_t *url)
{
    if (!url)
        return {};
    SuHome home;
    const char *value = url_as_string(home.get(), url);
    return text(value);
}

QByteArray headerText(const sip_header_t *header)
{
    if (!header)
        return {};
    SuHome home;
    const char *value = sip_header_as_string(home.get(), header);
    return QByteArray(value ? value : "");
}

} // namespace Sip::Internal::SipMessageText
