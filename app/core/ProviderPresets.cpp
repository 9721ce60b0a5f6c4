// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/ProviderPresets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace Gui {

QList<ProviderPreset> ProviderPreset::load(const QString &directory)
{
    QList<std::pair<int, ProviderPreset>> ordered;
    const QDir dir(directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        if (object.isEmpty())
            continue;
        // Texts are translated through the "ProviderPresets" context; the files hold the English source.
        const auto text = [&object](const char *key) {
            const QByteArray source = object.value(QLatin1StringView(key)).toString().toUtf8();
            return source.isEmpty() ? QString() : QCoreApplication::translate("ProviderPresets", source.constData());
        };
        ProviderPreset preset;
        preset.id = object.value(QStringLiteral("id")).toString(QFileInfo(name).baseName());
        preset.name = text("name");
        preset.description = text("description");
        preset.serverHint = text("serverHint");
        preset.extensionHint = text("extensionHint");
        preset.hint = text("hint");
        preset.authUserSameAsExtension = object.value(QStringLiteral("authUserSameAsExtension")).toBool(true);
        const Sip::Transport transport =
            Sip::transportFromName(object.value(QStringLiteral("transport")).toString(QStringLiteral("udp")));
        preset.transport = transport == Sip::Transport::Invalid ? Sip::Transport::Udp : transport;
        preset.port = quint16(object.value(QStringLiteral("port")).toInt(0));
        preset.expiresSeconds = object.value(QStringLiteral("expiresSeconds")).toInt(300);
        ordered.append({object.value(QStringLiteral("order")).toInt(100), preset});
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<ProviderPreset> result;
    for (const auto &[order, preset] : ordered)
        result.append(preset);
    return result;
}

} // namespace Gui
