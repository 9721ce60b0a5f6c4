// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/WizardCredentialsPage.h"

#include "app/core/LineValidation.h"
#include "ui/theme/Theme.h"

#include <QAction>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Gui {

WizardCredentialsPage::WizardCredentialsPage(QWidget *parent)
    : QWizardPage(parent), m_authUser(new QLineEdit(this)), m_password(new QLineEdit(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("credentialsPage"));
    setTitle(tr("Credentials"));
    setSubTitle(tr("The server asks for these before it accepts the line. The password is kept in your system's "
                   "keychain, never in Offhook's settings file."));

    m_authUser->setObjectName(QStringLiteral("authUserEdit"));
    m_authUser->setAccessibleName(tr("Auth User"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    QAction *reveal = m_password->addAction(Theme::icon(QStringLiteral("troubleshoot")), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the password"));
    connect(reveal, &QAction::toggled, this,
            [this](bool shown) { m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    registerField(QStringLiteral("authUser"), m_authUser);
    registerField(QStringLiteral("password"), m_password);

    m_note->setObjectName(QStringLiteral("credentialsNote"));
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Auth User:"), m_authUser);
    form->addRow(tr("&Password:"), m_password);
    auto *explanation = new QLabel(tr("The Auth User (also called authentication name, auth ID or digest user) is "
                                      "usually the extension itself; leave it empty for that. Some providers give a "
                                      "separate one."),
                                   this);
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(m_note);
    layout->addStretch();

    connect(m_authUser, &QLineEdit::textChanged, this, &WizardCredentialsPage::update);
    connect(m_password, &QLineEdit::textChanged, this, &WizardCredentialsPage::update);
}

void WizardCredentialsPage::initializePage()
{
    const QString extension = field(QStringLiteral("extension")).toString();
    m_authUser->setPlaceholderText(tr("%1 (same as the extension)").arg(extension));
    update();
}

bool WizardCredentialsPage::isComplete() const
{
    return LineValidation::authUserProblem(m_authUser->text()).isEmpty();
}

void WizardCredentialsPage::update()
{
    const QString problem = LineValidation::authUserProblem(m_authUser->text());
    if (!problem.isEmpty())
        m_note->setText(problem);
    else if (m_password->text().isEmpty())
        m_note->setText(tr("No password: only a few servers accept that. Most answer 401 until one is given."));
    else
        m_note->clear();
    Q_EMIT completeChanged();
}

} // namespace Gui
