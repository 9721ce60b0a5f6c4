// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/LogEntry.h"
#include "sipcore/RegistrationState.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace Sip {
class SipEngine;
}

namespace Gui {

class LadderView;
class StepTrackerWidget;

/// Why a line does or does not register: its last attempt as steps, the diagnosis with concrete checks,
/// a ladder diagram of the messages (click an arrow for the raw message), and local exports of the
/// line's log as text or pcapng, masked by default. Updates live. GUI thread.
class TroubleshooterDialog : public QDialog
{
    Q_OBJECT
public:
    TroubleshooterDialog(Sip::SipEngine *engine, const Sip::LineConfig &line, QWidget *parent = nullptr);

    void setMaskCredentials(bool mask) { m_mask = mask; }
    /// Entries of this line currently held by the log.
    QList<Sip::LogEntry> lineEntries() const;
    /// Re-reads the log and the line's state.
    void refresh();
    bool exportTo(const QString &path);

Q_SIGNALS:
    void editLineRequested();
    void registerNowRequested();

private:
    void showMessage(quint64 sequence);
    void exportAs(bool pcapng);
    void updateHeader();

    Sip::SipEngine *m_engine;
    Sip::LineConfig m_line;
    Sip::RegistrationEvent m_event;
    bool m_mask = true;
    QLabel *m_light;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_diagnosis;
    QListWidget *m_checks;
    StepTrackerWidget *m_steps;
    LadderView *m_ladder;
    QPlainTextEdit *m_message;
    QTimer *m_refreshTimer;
    QTimer *m_countdownTimer;
};

} // namespace Gui
