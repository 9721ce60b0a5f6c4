// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "ui/preferences/Preferences.h"
#include "sipcore/PresenceEvents.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

class QSettings;
class QTemporaryDir;

namespace App {

/// The desktop app's settings: one versioned INI file in the user's config directory (or a separate
/// demo profile). Lines are stored without passwords (those go to the SecretStore). A corrupt file is
/// moved aside to a backup and reported, an unreadable one is left alone and nothing is written over
/// it, a newer one is only read: never a silent reset. GUI thread.
class AppSettings
{
public:
    static constexpr int CurrentVersion = 1;
    enum class Status
    {
        Invalid = 0,
        Ok,
        Created,
        Corrupt,
        Unreadable,
        NewerVersion
    };

    explicit AppSettings(const QString &filePath);
    ~AppSettings();

    static QString defaultFilePath(); ///< <config dir>/offhook/offhook.ini
    static QString demoFilePath();    ///< <config dir>/offhook/demo.ini, the --demo profile

    Status status() const { return m_status; }
    /// What went wrong with the file, for a message box; empty when Ok or Created.
    QString problem() const { return m_problem; }
    QString backupPath() const { return m_backupPath; }
    QString filePath() const { return m_filePath; }
    bool isWritable() const { return m_writable; }

    QList<Sip::LineConfig> lines() const; ///< Passwords are empty
    void saveLine(const Sip::LineConfig &line);
    void removeLine(const QString &lineId);

    /// The contacts watched on a line, in the user's order (stored with the line, removed with it).
    QList<Sip::WatchedContact> contacts(const QString &lineId) const;
    void setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts);
    /// The status the user publishes on a line (Invalid: none) and its note.
    Sip::OwnStatus ownStatus(const QString &lineId, QString *note = nullptr) const;
    void setOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

    Gui::Preferences preferences() const;
    void setPreferences(const Gui::Preferences &preferences);

    bool maskCredentials() const;
    void setMaskCredentials(bool mask);
    /// The user agreed to keep passwords in a separate file in clear text because no keychain works.
    bool plainTextSecretsAllowed() const;
    void setPlainTextSecretsAllowed(bool allowed);

    void sync();

private:
    void open();
    void useScratchCopy(bool copyFile);
    QString checkFile() const; ///< Reason the existing file is corrupt, or empty

    QString m_filePath;
    Status m_status = Status::Invalid;
    QString m_problem;
    QString m_backupPath;
    bool m_writable = true;
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace App
