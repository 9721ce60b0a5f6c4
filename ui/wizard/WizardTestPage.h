// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/RegistrationState.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTreeView;

namespace Sip {
class SipEngine;
}

namespace Gui {

class LogModel;
class PreflightPanel;
class StepTrackerWidget;

/// Last wizard step: registers the line for real under a temporary id, shows its log lines, the steps
/// and the result with its diagnosis. Back leaves the test (the temporary line is removed) to fix a
/// field; Finish keeps the line whatever the result. GUI thread.
class WizardTestPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardTestPage(Sip::SipEngine *engine, QWidget *parent = nullptr);
    ~WizardTestPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void startTest();
    void stopTest();
    bool testFinished() const { return m_finished; }
    Sip::RegistrationEvent lastEvent() const { return m_lastEvent; }

private:
    void onEvent(const Sip::RegistrationEvent &event);
    void refreshSteps();

    Sip::SipEngine *m_engine;
    QString m_testLineId;
    Sip::RegistrationEvent m_lastEvent;
    bool m_finished = false;
    LogModel *m_logModel;
    QTreeView *m_logView;
    StepTrackerWidget *m_steps;
    QLabel *m_result;
    QPushButton *m_retry;
    PreflightPanel *m_preflight;
};

} // namespace Gui
