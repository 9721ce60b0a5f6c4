// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/WizardServerPage.h"

#include "sipcore/SipAddress.h"
#include "ui/wizard/AccountWizard.h"
#include "sipcore/SipEngine.h"
#include "app/core/LineValidation.h"
#include "ui/troubleshoot/PreflightPanel.h"
#include "ui/theme/Theme.h"

#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Gui {

WizardServerPage::WizardServerPage(QWidget *parent)
    : QWizardPage(parent), m_server(new QLineEdit(this)), m_extension(new QLineEdit(this)), m_address(new QLabel(this)),
      m_problem(new QLabel(this)), m_hint(new QLabel(this)), m_preflight(new PreflightPanel(this))
{
    setObjectName(QStringLiteral("serverPage"));
    setTitle(tr("Server and extension"));
    setSubTitle(tr("Your SIP address has two parts: the extension left of the @ and the server right of it."));

    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setAccessibleName(tr("SIP server"));
    m_extension->setObjectName(QStringLiteral("extensionEdit"));
    m_extension->setAccessibleName(tr("Extension"));
    registerField(QStringLiteral("server"), m_server);
    registerField(QStringLiteral("extension"), m_extension);

    QFont addressFont = m_address->font();
    addressFont.setPointSizeF(addressFont.pointSizeF() * 1.3);
    addressFont.setBold(true);
    m_address->setFont(addressFont);
    m_address->setObjectName(QStringLiteral("addressPreview"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setObjectName(QStringLiteral("serverProblemLabel"));
    m_problem->setWordWrap(true);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText, Theme::lightColor(LineLight::Failed));
    m_problem->setPalette(problemPalette);
    m_hint->setObjectName(QStringLiteral("providerHint"));
    m_hint->setWordWrap(true);
    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hint->setMargin(8);
    m_hint->setBackgroundRole(QPalette::AlternateBase);
    m_hint->setAutoFillBackground(true);

    auto *form = new QFormLayout;
    form->addRow(tr("SIP &server:"), m_server);
    form->addRow(tr("&Extension:"), m_extension);

    auto *addressCaption = new QLabel(tr("Your SIP address will be:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(10);
    layout->addWidget(addressCaption);
    layout->addWidget(m_address);
    layout->addWidget(m_problem);
    layout->addSpacing(6);
    layout->addWidget(m_preflight);
    layout->addStretch();
    layout->addWidget(m_hint);

    connect(m_server, &QLineEdit::textChanged, this, &WizardServerPage::update);
    connect(m_extension, &QLineEdit::textChanged, this, &WizardServerPage::update);
    update();
}

void WizardServerPage::initializePage()
{
    if (const auto *accountWizard = qobject_cast<const AccountWizard *>(wizard())) {
        const ProviderPreset preset = accountWizard->preset();
        m_server->setPlaceholderText(preset.serverHint);
        m_extension->setPlaceholderText(preset.extensionHint);
        m_hint->setText(preset.hint);
        m_hint->setVisible(!preset.hint.isEmpty());
        m_preflight->setEngine(accountWizard->engine());
        m_preflight->setLineProvider([accountWizard] { return accountWizard->line(); });
    }
    update();
}

bool WizardServerPage::isComplete() const
{
    return LineValidation::serverProblem(m_server->text()).isEmpty() &&
           LineValidation::extensionProblem(m_extension->text()).isEmpty();
}

void WizardServerPage::update()
{
    // Complain only about fields the user has started typing into.
    QStringList problems;
    if (!m_extension->text().isEmpty())
        problems << LineValidation::extensionProblem(m_extension->text());
    if (!m_server->text().isEmpty())
        problems << LineValidation::serverProblem(m_server->text());
    problems.removeAll(QString());
    m_problem->setText(problems.join(u'\n'));
    m_problem->setVisible(!problems.isEmpty());

    const Sip::HostPort server = Sip::HostPort::parse(m_server->text());
    const QString extension = m_extension->text().isEmpty() ? tr("extension") : m_extension->text();
    const QString host = server.valid
                             ? (server.isIpv6() ? u'[' + server.host + u']' : server.host)
                             : (m_server->text().trimmed().isEmpty() ? tr("server") : m_server->text().trimmed());
    m_address->setText(extension + u'@' + host);
    m_preflight->setEnabled(LineValidation::serverProblem(m_server->text()).isEmpty() && !m_server->text().isEmpty());
    Q_EMIT completeChanged();
}

} // namespace Gui
