// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/WizardProviderPage.h"

#include "ui/theme/Theme.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace Gui {

WizardProviderPage::WizardProviderPage(const QList<ProviderPreset> &presets, QWidget *parent)
    : QWizardPage(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("providerPage"));
    setTitle(tr("Where is your line?"));
    setSubTitle(tr("Choose the kind of SIP service you have. It only sets sensible defaults; you can change every "
                   "field later."));

    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setAccessibleName(tr("Provider"));
    m_list->setIconSize(QSize(22, 22));
    m_list->setSpacing(3);
    m_list->setWordWrap(true);
    for (const ProviderPreset &preset : presets) {
        auto *item =
            new QListWidgetItem(Theme::icon(QStringLiteral("call")), preset.name + u'\n' + preset.description, m_list);
        item->setData(Qt::UserRole, preset.id);
        item->setToolTip(preset.hint);
    }
    m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentRowChanged, this, &WizardProviderPage::providerIndexChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (wizard())
            wizard()->next();
    });
    registerField(QStringLiteral("provider"), this, "providerIndex", SIGNAL(providerIndexChanged()));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
}

int WizardProviderPage::providerIndex() const
{
    return m_list->currentRow();
}

} // namespace Gui
