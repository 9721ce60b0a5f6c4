// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/CallHistoryEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace App {

/// The call history file beside the settings file (offhook.ini → offhook-history.json), in the format
/// of Gui::CallHistoryFormat. A corrupt file is moved aside to a backup and reported; an unreadable
/// file or one from a newer Offhook is left alone and never written over. Only this file is affected:
/// lines, contacts and passwords live elsewhere. GUI thread.
class CallHistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(App::CallHistoryStore)
public:
    explicit CallHistoryStore(const QString &filePath);

    /// <dir>/<settings base name>-history.json
    static QString pathBeside(const QString &settingsFilePath);

    /// Reads the file (none yet: an empty history). Sets problem() when something was wrong with it.
    QList<Gui::CallHistoryEntry> load();
    /// Writes atomically; false (and problem() set) when the file must not or could not be written.
    bool save(const QList<Gui::CallHistoryEntry> &entries);

    QString filePath() const { return m_filePath; }
    /// What went wrong with the file, for a message; empty when all is well.
    QString problem() const { return m_problem; }
    QString backupPath() const { return m_backupPath; }
    bool isWritable() const { return m_writable; }

private:
    QString m_filePath;
    QString m_problem;
    QString m_backupPath;
    bool m_writable = true;
};

} // namespace App
