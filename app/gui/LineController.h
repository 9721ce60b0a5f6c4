// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QObject>
#include <functional>

namespace Sip {
class SipEngine;
}
namespace Gui {
class MainWindow;
}

namespace App {

class AppSettings;
class SecretStore;

/// Applies what the user does to lines: stores them (settings without passwords, passwords in the
/// secret store), drives the engine and updates the window. When the keychain does not work it asks,
/// once, before keeping passwords in a clear-text file; if the user says no, passwords live in memory
/// for this session only. GUI thread.
class LineController : public QObject
{
    Q_OBJECT
public:
    /// plainFile may be null (no clear-text fallback, e.g. the demo).
    LineController(Sip::SipEngine *engine, AppSettings *settings, SecretStore *keychain, SecretStore *plainFile,
                   Gui::MainWindow *window, QObject *parent = nullptr);

    /// Asked before the first clear-text write; returns true when the user agrees.
    void setPlainTextConsent(std::function<bool(const QString &reason)> ask) { m_askConsent = std::move(ask); }
    /// False for the demo: lines live for this run only.
    void setPersistLines(bool persist) { m_persist = persist; }

    /// Reads the stored lines and their passwords and registers the enabled ones.
    void loadLines();
    /// Adds a line (an id is made when empty); returns its id.
    QString addLine(Sip::LineConfig line);
    void updateLine(const Sip::LineConfig &line);
    void deleteLine(const QString &lineId);
    void recreateLine(const QString &oldLineId, Sip::LineConfig line);
    void setLineEnabled(const QString &lineId, bool enabled);
    void registerNow(const QString &lineId);

Q_SIGNALS:
    /// Something the user should know about passwords (no keychain, not stored, missing).
    void notice(const QString &message);
    /// Every pending secret-store operation has answered (tests wait for it).
    void secretsSettled();

private:
    void storePassword(const QString &lineId, const QString &password);
    void removePassword(const QString &lineId);
    void readPassword(const QString &lineId, std::function<void(const QString &password, bool found)> done);
    void begin();
    void end();

    Sip::SipEngine *m_engine;
    AppSettings *m_settings;
    SecretStore *m_keychain;
    SecretStore *m_plainFile;
    Gui::MainWindow *m_window;
    std::function<bool(const QString &)> m_askConsent;
    bool m_persist = true;
    bool m_sessionOnly = false; ///< User declined clear text: keep passwords in memory only
    int m_pending = 0;
};

} // namespace App
