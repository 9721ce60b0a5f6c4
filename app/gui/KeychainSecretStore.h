// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/gui/SecretStore.h"

namespace App {

/// Passwords in the operating system's keychain through QtKeychain (Secret Service or KWallet on Linux,
/// Credential Manager on Windows, Keychain on macOS), under the service name "Offhook". Never falls
/// back to clear text by itself. GUI thread.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("Offhook"), QObject *parent = nullptr);

    QString name() const override { return tr("system keychain"); }
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QString &secret, Callback callback) override;
    void remove(const QString &key, Callback callback) override;

private:
    QString m_service;
};

} // namespace App
