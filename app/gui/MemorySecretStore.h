// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/gui/SecretStore.h"

#include <QHash>

namespace App {

/// Secrets held in memory for this run only: the demo profile and tests. GUI thread.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    QString name() const override { return tr("memory (this session only)"); }
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QString &secret, Callback callback) override;
    void remove(const QString &key, Callback callback) override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QStringList keys() const { return m_secrets.keys(); }
    /// Make every call fail as if no backend were available (tests of the fallback).
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }

private:
    void answer(Callback callback, Result result);

    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace App
