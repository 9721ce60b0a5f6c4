// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace Gui {

/// Wizard step: Auth User (defaults to the extension) and password. Fields "authUser" and "password".
class WizardCredentialsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardCredentialsPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void update();

    QLineEdit *m_authUser;
    QLineEdit *m_password;
    QLabel *m_note;
};

} // namespace Gui
