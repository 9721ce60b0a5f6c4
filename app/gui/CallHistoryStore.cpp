// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallHistoryStore.h"

#include "app/core/CallHistoryFormat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace App {

namespace {
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024; // 500 entries take well under 1 MB
}

CallHistoryStore::CallHistoryStore(const QString &filePath) : m_filePath(filePath) {}

QString CallHistoryStore::pathBeside(const QString &settingsFilePath)
{
    const QFileInfo settings(settingsFilePath);
    return settings.absoluteDir().filePath(settings.completeBaseName() + QStringLiteral("-history.json"));
}

QList<Gui::CallHistoryEntry> CallHistoryStore::load()
{
    m_problem.clear();
    m_backupPath.clear();
    m_writable = true;
    const QFileInfo info(m_filePath);
    if (!info.exists())
        return {};
    const QString shownPath = QDir::toNativeSeparators(m_filePath);
    QFile file(m_filePath);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        m_writable = false;
        m_problem = tr("Offhook cannot read its call history %1 (%2). The history starts empty for this session "
                       "and the file is left alone; check its permissions.")
                        .arg(shownPath, info.isFile() ? file.errorString() : tr("not a file"));
        return {};
    }
    QString reason;
    Gui::CallHistoryFormat::ParseResult result;
    if (file.size() > kMaxFileBytes) {
        reason = tr("it is %1 MB, far more than a call history takes").arg(file.size() / (1024 * 1024));
    } else {
        result = Gui::CallHistoryFormat::parse(file.readAll());
        if (result.status == Gui::CallHistoryFormat::ParseResult::Status::Corrupt)
            reason = result.error;
    }
    file.close();
    if (!reason.isEmpty()) {
        m_backupPath = m_filePath + QStringLiteral(".broken-") +
                       QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::rename(m_filePath, m_backupPath)) {
            m_problem = tr("Offhook's call history could not be used (%1). It was kept as %2 and a new history "
                           "starts; your lines and contacts are not affected.")
                            .arg(reason, QDir::toNativeSeparators(m_backupPath));
        } else {
            m_writable = false;
            m_backupPath.clear();
            m_problem = tr("Offhook's call history %1 could not be used (%2) and could not be backed up. It is left "
                           "alone and this session's calls are not saved.")
                            .arg(shownPath, reason);
        }
        return {};
    }
    if (result.status == Gui::CallHistoryFormat::ParseResult::Status::NewerVersion) {
        m_writable = false;
        m_problem = tr("The call history %1 was %2. It is shown but this session's calls are not saved to it.")
                        .arg(shownPath, result.error);
    } else if (result.skippedEntries > 0) {
        m_problem = tr("Some entries of the call history %1 could not be read and were left out (%2).")
                        .arg(shownPath)
                        .arg(result.skippedEntries);
    }
    return result.entries;
}

bool CallHistoryStore::save(const QList<Gui::CallHistoryEntry> &entries)
{
    if (!m_writable)
        return false;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(Gui::CallHistoryFormat::serialize(entries)) < 0 ||
        !file.commit()) {
        m_problem = tr("The call history could not be saved to %1: %2")
                        .arg(QDir::toNativeSeparators(m_filePath), file.errorString());
        return false;
    }
    return true;
}

} // namespace App
