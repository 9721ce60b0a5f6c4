// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace App {

/// One Offhook per settings file: a second start (e.g. a sip: link clicked in a browser) hands its
/// number or address to the running instance over a local socket and exits, instead of registering the
/// same lines twice. GUI thread.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// key: what makes instances the same (the settings file path).
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Hands dialTarget (may be empty: just show the window) to a running instance; true when one took it.
    bool sendToRunning(const QString &dialTarget, int timeoutMs = 1000);
    /// Becomes the running instance; false when the socket cannot be created.
    bool listen();
    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    /// Another start asked to show the window, with a number or address to enter (may be empty).
    void activationRequested(const QString &dialTarget);

private:
    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace App
