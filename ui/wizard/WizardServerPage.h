// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace Gui {

class PreflightPanel;

/// Wizard step: SIP server and extension, with the resulting address shown live and checked as typed.
/// Fields "server" and "extension".
class WizardServerPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardServerPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void update();

    QLineEdit *m_server;
    QLineEdit *m_extension;
    QLabel *m_address;
    QLabel *m_problem;
    QLabel *m_hint;
    PreflightPanel *m_preflight;
};

} // namespace Gui
