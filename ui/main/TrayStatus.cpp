// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/main/TrayStatus.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace Gui {

TrayStatus::TrayStatus(QObject *parent) : QObject(parent) {}

bool TrayStatus::setEnabled(bool enabled, QMenu *contextMenu)
{
    if (!enabled) {
        delete m_tray;
        m_tray = nullptr;
        return false;
    }
    if (m_tray)
        return true;
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    m_tray = new QSystemTrayIcon(Theme::appIcon(m_state), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setToolTip(toolTip());
    if (contextMenu)
        m_tray->setContextMenu(contextMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            Q_EMIT clicked();
    });
    m_tray->show();
    return true;
}

bool TrayStatus::isShown() const
{
    return m_tray && m_tray->isVisible();
}

void TrayStatus::setState(LineLight overall, const QString &summary)
{
    const bool iconChanged = overall != m_state;
    m_state = overall;
    m_summary = summary;
    if (!m_tray)
        return;
    if (iconChanged)
        m_tray->setIcon(Theme::appIcon(m_state));
    m_tray->setToolTip(toolTip());
}

QString TrayStatus::toolTip() const
{
    return m_summary.isEmpty() ? tr("Offhook") : tr("Offhook — %1").arg(m_summary);
}

void TrayStatus::notifyDrop(const QString &address, const QString &message)
{
    const QString title = tr("Offhook — line dropped");
    const QString body = tr("%1: %2").arg(address, message);
    Q_EMIT notificationRequested(title, body);
    if (m_tray)
        m_tray->showMessage(title, body, QSystemTrayIcon::Warning);
}

void TrayStatus::notifyIncomingCall(const QString &caller, bool waiting)
{
    const QString title = waiting ? tr("Offhook — call waiting") : tr("Offhook — incoming call");
    Q_EMIT notificationRequested(title, caller);
    if (m_tray)
        m_tray->showMessage(title, caller, QSystemTrayIcon::Information);
}

void TrayStatus::refreshIcon()
{
    if (m_tray)
        m_tray->setIcon(Theme::appIcon(m_state));
}

} // namespace Gui
