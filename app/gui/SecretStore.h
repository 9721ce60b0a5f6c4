// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace App {

/// Where line passwords live, by key ("line/<id>"). Every call answers later through its callback, in
/// the calling (GUI) thread, never from inside the call. Implementations: the OS keychain
/// (KeychainSecretStore), a clear-text file the user agreed to (PlainFileSecretStore), and memory
/// (MemorySecretStore: the demo and tests).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Error
    {
        Invalid = 0,
        None,
        NotFound,
        NoBackend,
        AccessDenied,
        Other
    };
    struct Result
    {
        Error error = Error::Invalid;
        QString secret;  ///< For reads
        QString message; ///< Backend's words when error != None
        bool ok() const { return error == Error::None; }
    };
    using Callback = std::function<void(const Result &result)>;

    using QObject::QObject;

    /// Short name for messages: "system keychain", "memory", …
    virtual QString name() const = 0;
    virtual void read(const QString &key, Callback callback) = 0;
    virtual void write(const QString &key, const QString &secret, Callback callback) = 0;
    virtual void remove(const QString &key, Callback callback) = 0;

    static QString keyForLine(const QString &lineId) { return QStringLiteral("line/") + lineId; }
};

} // namespace App
