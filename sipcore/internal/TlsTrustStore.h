// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace Sip::Internal {

/// The certificate authorities Offhook trusts for SIP over TLS: the system's (as Qt reads them on each
/// platform) plus an optional PEM file of the user's own (a private PBX CA). Written once into a private
/// directory as `cafile.pem`, the form Sofia-SIP reads, so Offhook's own certificate check and Sofia's
/// chain check trust exactly the same authorities. Made and read on the façade's thread; the directory
/// path is handed to the engine thread before it starts.
class TlsTrustStore
{
public:
    /// Collects the authorities and writes the directory. Returns false with a reason when the extra
    /// file cannot be read or holds no certificate (the system's authorities are still used).
    bool prepare(const QString &extraCaFile, QString *error);

    const QList<QSslCertificate> &certificates() const { return m_certificates; }
    QString directory() const; ///< Empty when nothing could be written
    int extraCount() const { return m_extraCount; }

private:
    QList<QSslCertificate> m_certificates;
    std::unique_ptr<QTemporaryDir> m_directory;
    int m_extraCount = 0;
};

} // namespace Sip::Internal
