// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QList>
#include <QString>

namespace Gui {

/// A kind of SIP provider offered by the wizard, read from resources/providers/*.json. Plain value.
struct ProviderPreset
{
    QString id;
    QString name;
    QString description;
    QString serverHint;    ///< Placeholder for the server field
    QString extensionHint; ///< Placeholder for the extension field
    QString hint;          ///< Shown on the server page (e.g. hashed-extension advice)
    bool authUserSameAsExtension = true;
    Sip::Transport transport = Sip::Transport::Udp;
    quint16 port = 0;
    int expiresSeconds = 300;

    /// Presets from a directory of JSON files (default: the built-in ones), sorted by their "order".
    static QList<ProviderPreset> load(const QString &directory = QStringLiteral(":/providers"));
};

} // namespace Gui
