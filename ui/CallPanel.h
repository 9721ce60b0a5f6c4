// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Gui {

/// The calls of the moment: one row per call with its peer and state, an incoming-call notice with
/// answer and reject, and hang up, hold, mute and DTMF for the selected call. Shows what showCall()
/// is given and only asks for actions through signals; the application carries them out. GUI thread.
class CallPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallPanel(QWidget *parent = nullptr);

    /// Id of the selected call, or of the only call; empty when there is none.
    QString currentCallId() const;
    int callCount() const { return int(m_calls.size()); }

public Q_SLOTS:
    /// Adds, updates or (when Ended) removes the call, and notes why an ended call ended.
    void showCall(const Sip::CallEvent &event);
    /// One line of media statistics for a call ("opus · loss 0.0 % · jitter 2.1 ms · RTT 0.4 ms"); shown
    /// while that call is the selected one.
    void showStatistics(const QString &callId, const QString &text);
    /// A plain message about a call's sound devices ("Audio device 'Headset' was unplugged — now using
    /// 'Default'"); stays until another one replaces it or that call ends.
    void showDeviceNotice(const QString &callId, const QString &text);

Q_SIGNALS:
    void answerRequested(const QString &callId);
    void rejectRequested(const QString &callId);
    void hangUpRequested(const QString &callId);
    void holdRequested(const QString &callId, bool hold);
    void muteRequested(const QString &callId, bool mute);
    void digitsRequested(const QString &callId, const QString &digits);

private:
    void refresh();
    QString incomingCallId() const;
    static QString describe(const Sip::CallEvent &event);

    QHash<QString, Sip::CallEvent> m_calls;
    QHash<QString, bool> m_muted;
    QHash<QString, QString> m_statistics;
    QLabel *m_incomingLabel;
    QPushButton *m_answerButton;
    QPushButton *m_rejectButton;
    QListWidget *m_callList;
    QPushButton *m_hangUpButton;
    QToolButton *m_holdButton;
    QToolButton *m_muteButton;
    QLineEdit *m_dtmfEdit;
    QLabel *m_statusLabel;
    QLabel *m_statisticsLabel;
    QLabel *m_deviceNoticeLabel = nullptr; ///< Made on the first device notice
    QString m_deviceNoticeCallId;
};

} // namespace Gui
