// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/WizardAdvancedPage.h"

#include "sipcore/LineConfig.h"
#include "ui/wizard/AccountWizard.h"
#include "app/core/LineValidation.h"
#include "ui/theme/Theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gui {

WizardAdvancedPage::WizardAdvancedPage(QWidget *parent)
    : QWizardPage(parent), m_transport(new QComboBox(this)), m_port(new QSpinBox(this)),
      m_outboundProxy(new QLineEdit(this)), m_expires(new QSpinBox(this)), m_displayName(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("advancedPage"));
    setTitle(tr("Advanced"));
    setSubTitle(tr("The defaults suit most servers. Change them only if your provider asks you to."));

    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->addItem(tr("UDP (most common)"), int(Sip::Transport::Udp));
    m_transport->addItem(QStringLiteral("TCP"), int(Sip::Transport::Tcp));
    m_transport->addItem(tr("TLS (encrypted)"), int(Sip::Transport::Tls));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Automatic"));
    m_port->setToolTip(tr("Automatic uses the port in the server field, DNS SRV records, or 5060 (5061 for TLS)"));
    m_outboundProxy->setObjectName(QStringLiteral("outboundProxyEdit"));
    m_outboundProxy->setPlaceholderText(tr("None"));
    m_expires->setObjectName(QStringLiteral("expirySpin"));
    m_expires->setRange(10, 86400);
    m_expires->setSuffix(tr(" s"));
    m_expires->setValue(300);
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setPlaceholderText(tr("Optional, shown to the people you call"));
    m_problem->setWordWrap(true);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText, Theme::lightColor(LineLight::Failed));
    m_problem->setPalette(problemPalette);

    registerField(QStringLiteral("transport"), m_transport, "currentData", SIGNAL(currentIndexChanged(int)));
    registerField(QStringLiteral("port"), m_port);
    registerField(QStringLiteral("outboundProxy"), m_outboundProxy);
    registerField(QStringLiteral("expires"), m_expires);
    registerField(QStringLiteral("displayName"), m_displayName);

    auto *form = new QFormLayout;
    form->addRow(tr("&Transport:"), m_transport);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("Outbound pro&xy:"), m_outboundProxy);
    form->addRow(tr("Registration e&xpiry:"), m_expires);
    form->addRow(tr("&Display name:"), m_displayName);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();

    connect(m_outboundProxy, &QLineEdit::textChanged, this, &WizardAdvancedPage::update);
    connect(m_expires, &QSpinBox::valueChanged, this, &WizardAdvancedPage::update);
}

void WizardAdvancedPage::initializePage()
{
    const auto *accountWizard = qobject_cast<const AccountWizard *>(wizard());
    const int provider = field(QStringLiteral("provider")).toInt();
    // Apply the preset's defaults once per provider choice, so coming back keeps the user's changes.
    if (accountWizard && provider != m_initializedForProvider) {
        const ProviderPreset preset = accountWizard->preset();
        m_transport->setCurrentIndex(std::max(0, m_transport->findData(int(preset.transport))));
        m_port->setValue(preset.port);
        m_expires->setValue(preset.expiresSeconds > 0 ? preset.expiresSeconds : 300);
        m_initializedForProvider = provider;
    }
    update();
}

bool WizardAdvancedPage::isComplete() const
{
    return LineValidation::proxyProblem(m_outboundProxy->text()).isEmpty() &&
           LineValidation::expiryProblem(m_expires->value()).isEmpty();
}

void WizardAdvancedPage::update()
{
    QStringList problems{LineValidation::proxyProblem(m_outboundProxy->text()),
                         LineValidation::expiryProblem(m_expires->value())};
    problems.removeAll(QString());
    m_problem->setText(problems.join(u'\n'));
    m_problem->setVisible(!problems.isEmpty());
    Q_EMIT completeChanged();
}

} // namespace Gui
