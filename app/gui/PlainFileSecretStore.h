// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/gui/SecretStore.h"

namespace App {

/// Passwords in clear text in a separate file readable only by the user (secrets.ini beside the
/// settings, never the settings file itself). Used only after the user agreed, when no keychain works.
/// GUI thread.
class PlainFileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit PlainFileSecretStore(const QString &filePath, QObject *parent = nullptr);

    QString name() const override { return tr("clear-text file"); }
    QString filePath() const { return m_filePath; }
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QString &secret, Callback callback) override;
    void remove(const QString &key, Callback callback) override;

private:
    void answer(Callback callback, Result result);
    QString m_filePath;
};

} // namespace App
