// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/LaunchProfile.h"

#include "app/gui/AppSettings.h"
#include "app/gui/CallHistoryStore.h"
#include "app/gui/DemoLine.h"
#include "app/gui/KeychainSecretStore.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "app/gui/PlainFileSecretStore.h"

#include <QFileInfo>
#include <QObject>

namespace App {

LaunchProfile LaunchProfile::fromCommandLine(const CommandLine &command)
{
    LaunchProfile profile;
    profile.demo = command.demo;
    profile.settingsPath = !command.settingsFile.isEmpty() ? command.settingsFile
                           : command.demo                  ? AppSettings::demoFilePath()
                                                           : AppSettings::defaultFilePath();
    profile.trayEnabled = !command.noTray;
    profile.dialTarget = command.dialTarget;
    if (command.demo)
        profile.profileLabel = QObject::tr("demo");
    else if (!command.settingsFile.isEmpty())
        profile.profileLabel = QFileInfo(command.settingsFile).fileName();
    return profile;
}

std::unique_ptr<SecretStore> LaunchProfile::makeKeychain() const
{
    if (demo)
        return std::make_unique<MemorySecretStore>();
    return std::make_unique<KeychainSecretStore>();
}

std::unique_ptr<SecretStore> LaunchProfile::makePlainFileStore() const
{
    if (demo)
        return nullptr;
    return std::make_unique<PlainFileSecretStore>(QFileInfo(settingsPath).absolutePath() +
                                                  QStringLiteral("/secrets.ini"));
}

QString LaunchProfile::historyPath() const
{
    return demo ? QString() : CallHistoryStore::pathBeside(settingsPath);
}

void LaunchProfile::addLines(LineController &lines) const
{
    if (demo)
        lines.addLine(demoLine(qEnvironmentVariable("OFFHOOK_DEMO_SERVER")));
    else
        lines.loadLines();
}

} // namespace App
