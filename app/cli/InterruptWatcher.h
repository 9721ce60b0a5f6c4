// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QObject>
#include <QTimer>

namespace Cli {

/// Turns SIGINT/SIGTERM into a signal on the main thread, so a command that runs until interrupted
/// (watch, publish --hold) can still un-SUBSCRIBE, un-PUBLISH and unregister before it exits. The
/// handler only sets a flag; a timer reads it. Main thread; one instance at a time.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override; ///< Restores the default handlers

Q_SIGNALS:
    void interrupted();

private:
    QTimer m_poll;
};

} // namespace Cli
