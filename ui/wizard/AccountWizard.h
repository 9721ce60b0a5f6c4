// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "app/core/ProviderPresets.h"

#include <QWizard>

namespace Sip {
class SipEngine;
}

namespace Gui {

/// Sets up a line step by step: provider → server and extension → Auth User and password → advanced →
/// a live test registration → finish. Emits lineReady with a line that has no id yet (the owner gives
/// one). GUI thread.
class AccountWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        ProviderPageId,
        ServerPageId,
        CredentialsPageId,
        AdvancedPageId,
        TestPageId
    };

    /// engine may be null: then the test page says so and lets the user finish.
    explicit AccountWizard(Sip::SipEngine *engine, QWidget *parent = nullptr);

    /// The line as the fields stand (no id).
    Sip::LineConfig line() const;
    ProviderPreset preset() const;
    const QList<ProviderPreset> &presets() const { return m_presets; }
    Sip::SipEngine *engine() const { return m_engine; }

    void accept() override;

Q_SIGNALS:
    void lineReady(const Sip::LineConfig &line);

private:
    Sip::SipEngine *m_engine;
    QList<ProviderPreset> m_presets;
};

} // namespace Gui
