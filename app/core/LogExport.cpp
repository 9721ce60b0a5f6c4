// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/LogExport.h"

#include "app/core/CredentialMasking.h"
#include "app/core/PcapngWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

namespace Gui::LogExport {

QString entryText(const Sip::LogEntry &entry, bool mask)
{
    Sip::LogEntry copy = entry;
    if (mask && copy.isMessage())
        copy.raw = maskCredentials(copy.raw);
    QString text = copy.format(true);
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    return text;
}

QByteArray toText(const QList<Sip::LogEntry> &entries, bool mask)
{
    QString text = QStringLiteral("# Offhook %1 SIP log, saved %2 (times are UTC)%3\n\n")
                       .arg(QStringLiteral(OFFHOOK_VERSION), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                            mask ? QStringLiteral(", credentials masked") : QString());
    for (const Sip::LogEntry &entry : entries) {
        text += entryText(entry, mask);
        text += entry.isMessage() ? QStringLiteral("\n\n") : QStringLiteral("\n");
    }
    return text.toUtf8();
}

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

bool saveToFile(const QString &path, const QList<Sip::LogEntry> &entries, bool mask, QString *error)
{
    if (path.endsWith(QStringLiteral(".pcapng"), Qt::CaseInsensitive))
        return savePcapng(path, entries, mask, error);
    return writeFile(path, toText(entries, mask), error);
}

bool savePcapng(const QString &path, const QList<Sip::LogEntry> &entries, bool mask, QString *error)
{
    return writeFile(path, PcapngWriter::write(entries, mask), error);
}

} // namespace Gui::LogExport
