// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/MemorySecretStore.h"

#include <QTimer>

namespace App {

void MemorySecretStore::answer(Callback callback, Result result)
{
    // Answer from the event loop, like a real keychain, so callers never rely on re-entrancy.
    QTimer::singleShot(0, this, [callback = std::move(callback), result = std::move(result)] {
        if (callback)
            callback(result);
    });
}

void MemorySecretStore::read(const QString &key, Callback callback)
{
    if (m_unavailable)
        return answer(std::move(callback), {Error::NoBackend, {}, tr("No keychain is available.")});
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return answer(std::move(callback), {Error::NotFound, {}, tr("No password stored.")});
    answer(std::move(callback), {Error::None, *it, {}});
}

void MemorySecretStore::write(const QString &key, const QString &secret, Callback callback)
{
    if (m_unavailable)
        return answer(std::move(callback), {Error::NoBackend, {}, tr("No keychain is available.")});
    m_secrets.insert(key, secret);
    answer(std::move(callback), {Error::None, {}, {}});
}

void MemorySecretStore::remove(const QString &key, Callback callback)
{
    if (m_unavailable)
        return answer(std::move(callback), {Error::NoBackend, {}, tr("No keychain is available.")});
    m_secrets.remove(key);
    answer(std::move(callback), {Error::None, {}, {}});
}

} // namespace App
