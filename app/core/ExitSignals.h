// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QObject>
#include <QTimer>

namespace Core {

/// Turns the signals that end a program — SIGINT (Ctrl+C), SIGTERM (kill, systemd, the desktop session)
/// and SIGHUP (the terminal went away) — into a Qt signal on the main thread, so the program can hang up
/// its calls with BYE, un-SUBSCRIBE and un-REGISTER before it exits. A second signal while that runs exits
/// at once (status 128 + the signal number), for a user who does not want to wait. The handler only does
/// async-signal-safe work; a timer reads its flag. Main thread; one instance at a time.
class ExitSignals : public QObject
{
    Q_OBJECT
public:
    explicit ExitSignals(QObject *parent = nullptr);
    ~ExitSignals() override; ///< Restores the default handlers

    /// "SIGTERM" for the log.
    static QString name(int signalNumber);

Q_SIGNALS:
    /// The first of those signals arrived; signalNumber is its number.
    void received(int signalNumber);

private:
    QTimer m_poll;
};

} // namespace Core
