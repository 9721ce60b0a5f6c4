// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Test {

/// A throw-away certificate authority and server certificates made with the openssl tool in a temporary
/// directory, for TLS tests against the test Kamailio: "ca.pem" (+ "ca.key"), and per server NAME.pem and
/// NAME.key, valid for two days. Used from the test's thread; needs no event loop.
class TestCertificates
{
public:
    TestCertificates();

    /// Makes the CA ("Offhook Test CA"). Returns false with the reason in error() when openssl is missing
    /// or fails.
    bool makeAuthority();
    /// A server certificate signed by the CA; subjectAltName like "IP:127.0.0.1" or "DNS:pbx.example".
    bool makeServerCertificate(const QString &name, const QString &subjectAltName);

    /// Path of a file in the directory ("ca.pem", "loopback.pem", "loopback.key").
    QString file(const QString &name) const;
    QString authorityFile() const { return file(QStringLiteral("ca.pem")); }
    QString error() const { return m_error; }

private:
    bool openssl(const QStringList &arguments);

    QTemporaryDir m_directory;
    QString m_error;
};

} // namespace Test
