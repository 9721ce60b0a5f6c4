// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/PlainFileSecretStore.h"

#include <QFile>
#include <QSettings>
#include <QTimer>

namespace App {

PlainFileSecretStore::PlainFileSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent), m_filePath(filePath)
{
}

void PlainFileSecretStore::answer(Callback callback, Result result)
{
    QTimer::singleShot(0, this, [callback = std::move(callback), result = std::move(result)] {
        if (callback)
            callback(result);
    });
}

void PlainFileSecretStore::read(const QString &key, Callback callback)
{
    if (!QFile::exists(m_filePath))
        return answer(std::move(callback), {Error::NotFound, {}, tr("No password stored.")});
    QSettings file(m_filePath, QSettings::IniFormat);
    const QVariant value = file.value(key);
    if (!value.isValid())
        return answer(std::move(callback), {Error::NotFound, {}, tr("No password stored.")});
    answer(std::move(callback), {Error::None, value.toString(), {}});
}

void PlainFileSecretStore::write(const QString &key, const QString &secret, Callback callback)
{
    {
        QSettings file(m_filePath, QSettings::IniFormat);
        file.setValue(key, secret);
        file.sync();
        if (file.status() != QSettings::NoError)
            return answer(std::move(callback), {Error::AccessDenied, {}, tr("The password file cannot be written.")});
    }
    QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    answer(std::move(callback), {Error::None, {}, {}});
}

void PlainFileSecretStore::remove(const QString &key, Callback callback)
{
    if (QFile::exists(m_filePath)) {
        QSettings file(m_filePath, QSettings::IniFormat);
        file.remove(key);
        file.sync();
    }
    answer(std::move(callback), {Error::None, {}, {}});
}

} // namespace App
