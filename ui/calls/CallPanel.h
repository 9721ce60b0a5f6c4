// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QHash>
#include <QSet>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Gui {

/// The calls of the moment: one row per call with its peer and state, an incoming-call notice with
/// answer and reject, and hang up, hold, mute, DTMF and blind transfer for the selected call. Shows what
/// showCall() and showTransfer() are given and only asks for actions through signals; the application
/// carries them out. GUI thread.
class CallPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallPanel(QWidget *parent = nullptr);

    /// Id of the selected call, or of the only call; empty when there is none.
    QString currentCallId() const;
    int callCount() const { return int(m_calls.size()); }
    /// Where the transfer dialog's target comes from before the user types (e.g. the dial pad's number).
    void setTransferTargetSuggestion(std::function<QString()> suggestion)
    {
        m_transferSuggestion = std::move(suggestion);
    }

public Q_SLOTS:
    /// Adds, updates or (when Ended) removes the call, and notes why an ended call ended.
    void showCall(const Sip::CallEvent &event);
    /// One line of media statistics for a call ("opus · loss 0.0 % · jitter 2.1 ms · RTT 0.4 ms"); shown
    /// while that call is the selected one.
    void showStatistics(const QString &callId, const QString &text);
    /// A plain message about a call's sound devices ("Audio device 'Headset' was unplugged — now using
    /// 'Default'"); stays until another one replaces it or that call ends.
    void showDeviceNotice(const QString &callId, const QString &text);
    /// Progress of a blind transfer (REFER sent, accepted, trying, succeeded, failed with its reason).
    void showTransfer(const Sip::TransferEvent &event);

Q_SIGNALS:
    void answerRequested(const QString &callId);
    void rejectRequested(const QString &callId);
    void hangUpRequested(const QString &callId);
    void holdRequested(const QString &callId, bool hold);
    void muteRequested(const QString &callId, bool mute);
    void digitsRequested(const QString &callId, const QString &digits);
    void transferRequested(const QString &callId, const QString &target);

private:
    void refresh();
    QString incomingCallId() const;
    static QString describe(const Sip::CallEvent &event);
    void askTransferTarget();

    QHash<QString, Sip::CallEvent> m_calls;
    QHash<QString, bool> m_muted;
    QHash<QString, QString> m_statistics;
    QSet<QString> m_transferring; ///< Calls with a transfer under way
    std::function<QString()> m_transferSuggestion;
    QWidget *m_incomingRow = nullptr;
    QWidget *m_controlsRow = nullptr;
    QLabel *m_incomingLabel;
    QPushButton *m_answerButton;
    QPushButton *m_rejectButton;
    QListWidget *m_callList;
    QPushButton *m_hangUpButton;
    QToolButton *m_holdButton;
    QToolButton *m_muteButton;
    QLineEdit *m_dtmfEdit;
    QPushButton *m_transferButton;
    QLabel *m_transferLabel;
    QLabel *m_statusLabel;
    QLabel *m_statisticsLabel;
    QLabel *m_deviceNoticeLabel = nullptr; ///< Made on the first device notice
    QString m_deviceNoticeCallId;
};

} // namespace Gui
