// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "ui/theme/Theme.h"

#include <QObject>
#include <QString>

class QMenu;
class QSystemTrayIcon;

namespace Gui {

/// The tray side of the main window: the overall state as icon and tooltip, and a notification when a
/// line drops. Keeps the state whether or not the desktop has a system tray, so it can be read back;
/// the QSystemTrayIcon exists only while enabled on a desktop with a tray. GUI thread.
class TrayStatus : public QObject
{
    Q_OBJECT
public:
    explicit TrayStatus(QObject *parent = nullptr);

    /// Shows the tray icon when the desktop has a system tray; returns whether it is shown.
    bool setEnabled(bool enabled, QMenu *contextMenu = nullptr);
    /// True while a tray icon is shown.
    bool isShown() const;
    /// The tray icon while shown, else null.
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    void setState(LineLight overall, const QString &summary);
    LineLight state() const { return m_state; }
    QString toolTip() const;

    /// Announces a dropped line: notificationRequested, and a tray balloon when shown.
    void notifyDrop(const QString &address, const QString &message);
    /// Announces an incoming call from caller: notificationRequested, and a tray balloon when shown.
    /// waiting: another call is in progress, so this one waits rather than rings.
    void notifyIncomingCall(const QString &caller, bool waiting);
    /// Draws the icon again, e.g. after a palette change.
    void refreshIcon();

Q_SIGNALS:
    /// A desktop notification is due (emitted whether or not a tray can show it).
    void notificationRequested(const QString &title, const QString &message);
    /// The tray icon was clicked (not the context menu).
    void clicked();

private:
    QSystemTrayIcon *m_tray = nullptr;
    LineLight m_state = LineLight::Invalid;
    QString m_summary;
};

} // namespace Gui
