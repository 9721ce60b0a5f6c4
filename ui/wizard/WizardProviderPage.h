// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/ProviderPresets.h"

#include <QWizardPage>

class QListWidget;

namespace Gui {

/// First wizard step: which kind of provider. Fills the "provider" field (index into the presets).
class WizardProviderPage : public QWizardPage
{
    Q_OBJECT
    Q_PROPERTY(int providerIndex READ providerIndex NOTIFY providerIndexChanged)
public:
    WizardProviderPage(const QList<ProviderPreset> &presets, QWidget *parent = nullptr);
    int providerIndex() const;

Q_SIGNALS:
    void providerIndexChanged();

private:
    QListWidget *m_list;
};

} // namespace Gui
