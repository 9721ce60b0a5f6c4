// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/AccountWizard.h"

#include "ui/theme/Theme.h"
#include "ui/wizard/WizardAdvancedPage.h"
#include "ui/wizard/WizardCredentialsPage.h"
#include "ui/wizard/WizardProviderPage.h"
#include "ui/wizard/WizardServerPage.h"
#include "ui/wizard/WizardTestPage.h"

namespace Gui {

AccountWizard::AccountWizard(Sip::SipEngine *engine, QWidget *parent)
    : QWizard(parent), m_engine(engine), m_presets(ProviderPreset::load())
{
    setObjectName(QStringLiteral("accountWizard"));
    setWindowTitle(tr("Offhook — New line"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPixmap(QWizard::LogoPixmap, Theme::appIcon().pixmap(48, 48));
    setModal(true);

    setPage(ProviderPageId, new WizardProviderPage(m_presets, this));
    setPage(ServerPageId, new WizardServerPage(this));
    setPage(CredentialsPageId, new WizardCredentialsPage(this));
    setPage(AdvancedPageId, new WizardAdvancedPage(this));
    setPage(TestPageId, new WizardTestPage(engine, this));
    setStartId(ProviderPageId);
    resize(680, 560);
}

ProviderPreset AccountWizard::preset() const
{
    const int index = field(QStringLiteral("provider")).toInt();
    return index >= 0 && index < m_presets.size() ? m_presets[index] : ProviderPreset();
}

Sip::LineConfig AccountWizard::line() const
{
    Sip::LineConfig line;
    line.displayName = field(QStringLiteral("displayName")).toString().trimmed();
    line.extension = field(QStringLiteral("extension")).toString();
    line.server = field(QStringLiteral("server")).toString().trimmed();
    line.authUser = field(QStringLiteral("authUser")).toString();
    line.password = field(QStringLiteral("password")).toString();
    line.transport = Sip::Transport(field(QStringLiteral("transport")).toInt());
    if (line.transport == Sip::Transport::Invalid)
        line.transport = Sip::Transport::Udp;
    line.port = quint16(field(QStringLiteral("port")).toInt());
    line.outboundProxy = field(QStringLiteral("outboundProxy")).toString().trimmed();
    line.expiresSeconds = field(QStringLiteral("expires")).toInt();
    if (line.expiresSeconds <= 0)
        line.expiresSeconds = 300;
    line.enabled = true;
    return line;
}

void AccountWizard::accept()
{
    if (auto *test = qobject_cast<WizardTestPage *>(page(TestPageId)))
        test->stopTest();
    Q_EMIT lineReady(line());
    QWizard::accept();
}

} // namespace Gui
