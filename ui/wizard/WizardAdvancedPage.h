// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Gui {

/// Wizard step: transport, port, outbound proxy, expiry and display name, preset from the provider.
/// Fields "transport" (int Sip::Transport), "port", "outboundProxy", "expires", "displayName".
class WizardAdvancedPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardAdvancedPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void update();

    QComboBox *m_transport;
    QSpinBox *m_port;
    QLineEdit *m_outboundProxy;
    QSpinBox *m_expires;
    QLineEdit *m_displayName;
    QLabel *m_problem;
    int m_initializedForProvider = -1;
};

} // namespace Gui
