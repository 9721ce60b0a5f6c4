// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/TlsTrustStore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslConfiguration>

namespace Sip::Internal {

bool TlsTrustStore::prepare(const QString &extraCaFile, QString *error)
{
    m_certificates = QSslConfiguration::systemCaCertificates();
    m_extraCount = 0;
    bool ok = true;
    if (!extraCaFile.isEmpty()) {
        QFile file(extraCaFile);
        if (!file.open(QIODevice::ReadOnly)) {
            ok = false;
            if (error)
                *error = QStringLiteral("cannot read the CA file %1: %2")
                             .arg(QDir::toNativeSeparators(extraCaFile), file.errorString());
        } else {
            const QList<QSslCertificate> extra = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (extra.isEmpty()) {
                ok = false;
                if (error)
                    *error = QStringLiteral("the CA file %1 holds no PEM certificate")
                                 .arg(QDir::toNativeSeparators(extraCaFile));
            }
            m_extraCount = int(extra.size());
            m_certificates += extra;
        }
    }

    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/offhook-tls-XXXXXX"));
    if (!m_directory->isValid()) {
        m_directory.reset();
        if (error && ok)
            *error = QStringLiteral("cannot create a directory for the TLS trust store");
        return false;
    }
    QByteArray pem;
    for (const QSslCertificate &certificate : std::as_const(m_certificates))
        pem += certificate.toPem();
    QSaveFile file(m_directory->filePath(QStringLiteral("cafile.pem")));
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
        if (error && ok)
            *error = QStringLiteral("cannot write the TLS trust store: %1").arg(file.errorString());
        return false;
    }
    return ok;
}

QString TlsTrustStore::directory() const
{
    return m_directory ? m_directory->path() : QString();
}

} // namespace Sip::Internal
