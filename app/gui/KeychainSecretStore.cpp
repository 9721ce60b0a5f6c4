// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace App {

namespace {
SecretStore::Result resultOf(const QKeychain::Job *job)
{
    SecretStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        result.error = SecretStore::Error::None;
        break;
    case QKeychain::EntryNotFound:
        result.error = SecretStore::Error::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.error = SecretStore::Error::AccessDenied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.error = SecretStore::Error::NoBackend;
        break;
    default:
        result.error = SecretStore::Error::Other;
        break;
    }
    result.message = job->errorString();
    return result;
}

void run(QKeychain::Job *job, SecretStore::Callback callback)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, job, [callback = std::move(callback)](QKeychain::Job *finished) {
        SecretStore::Result result = resultOf(finished);
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished); read && result.ok())
            result.secret = read->textData();
        if (callback)
            callback(result);
    });
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{
}

void KeychainSecretStore::read(const QString &key, Callback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    run(job, std::move(callback));
}

void KeychainSecretStore::write(const QString &key, const QString &secret, Callback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    run(job, std::move(callback));
}

void KeychainSecretStore::remove(const QString &key, Callback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    run(job, std::move(callback));
}

} // namespace App
