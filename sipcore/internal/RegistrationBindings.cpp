// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/RegistrationBindings.h"

#include "sipcore/internal/NuaHandle.h"
#include "sipcore/internal/SofiaIncludes.h"
#include "sipcore/internal/SipMessageText.h"

namespace Sip::Internal {
namespace {

/// The transport a URI names, with the scheme's default when it names none.
QByteArray transportOf(const url_t *url)
{
    char value[32] = {};
    if (url->url_params && url_param(url->url_params, "transport", value, sizeof value) > 0)
        return QByteArray(value).toLower();
    return url->url_type == url_sips ? QByteArrayLiteral("tls") : QByteArrayLiteral("udp");
}

/// A header parameter's value without quotes ("+sip.instance" -> "<urn:uuid:...>"), empty when absent.
QByteArray parameter(const sip_contact_t *contact, const char *name)
{
    const char *value = msg_params_find(contact->m_params, name);
    QByteArray text = value ? QByteArray(value) : QByteArray();
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.mid(1, text.size() - 2);
    return text;
}

bool isSameBinding(const sip_contact_t *ours, const sip_contact_t *listed)
{
    if (url_cmp(ours->m_url, listed->m_url) != 0)
        return false;
    if (transportOf(ours->m_url) != transportOf(listed->m_url))
        return false;
    const QByteArray ourInstance = parameter(ours, "+sip.instance=");
    const QByteArray listedInstance = parameter(listed, "+sip.instance=");
    return ourInstance.isEmpty() || listedInstance.isEmpty() || ourInstance == listedInstance;
}

} // namespace

RegistrationBindings RegistrationBindings::read(const sip_s *response, const QByteArray &ourContact, int defaultExpires)
{
    RegistrationBindings result;
    if (!response)
        return result;
    if (response->sip_expires)
        defaultExpires = static_cast<int>(response->sip_expires->ex_delta);
    SuHome home;
    const sip_contact_t *ours = ourContact.isEmpty() ? nullptr : sip_contact_make(home.get(), ourContact.constData());
    for (const sip_contact_t *listed = response->sip_contact; listed; listed = listed->m_next) {
        if (listed->m_url->url_type == url_any) // "*" lists nothing
            continue;
        RegistrationBinding binding;
        binding.contact = SipMessageText::uriText(listed->m_url);
        bool ok = false;
        const int expires = listed->m_expires ? QByteArray(listed->m_expires).trimmed().toInt(&ok) : 0;
        binding.expiresSeconds = ok && expires >= 0 ? expires : defaultExpires;
        binding.q = SipMessageText::text(listed->m_q);
        binding.instance = QString::fromUtf8(parameter(listed, "+sip.instance="));
        binding.self = result.ownIndex < 0 && ours && isSameBinding(ours, listed);
        // A hostile or broken registrar may list thousands: keep a bounded list, ours always in it.
        if (result.bindings.size() >= kMaxBindings && !binding.self)
            continue;
        if (result.bindings.size() >= kMaxBindings)
            result.bindings.removeLast();
        if (binding.self)
            result.ownIndex = static_cast<int>(result.bindings.size());
        result.bindings.append(binding);
    }
    return result;
}

RegistrationBindings RegistrationBindings::readMessage(const QByteArray &response, const QByteArray &ourContact,
                                                       int defaultExpires)
{
    msg_t *message = msg_make(sip_default_mclass(), 0, response.constData(), static_cast<isize_t>(response.size()));
    if (!message)
        return {};
    const RegistrationBindings result = read(sip_object(message), ourContact, defaultExpires);
    msg_destroy(message);
    return result;
}

} // namespace Sip::Internal
