// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/LaunchProfile.h"

#include "app/gui/AppSettings.h"
#include "app/gui/CallHistoryStore.h"
#include "app/gui/MemorySecretStore.h"
#include "app/gui/PlainFileSecretStore.h"

#include <QTest>

using App::LaunchProfile;

/// The start's decisions taken from the command line: settings file, what is kept, which password stores.
class TestLaunchProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usersOwnProfile();
    void otherSettingsFile();
    void demoKeepsNothing();
};

namespace {

LaunchProfile profileFor(const QStringList &arguments)
{
    return LaunchProfile::fromCommandLine(App::CommandLine::parse(QStringList{QStringLiteral("offhook")} + arguments));
}

} // namespace

void TestLaunchProfile::usersOwnProfile()
{
    const LaunchProfile profile = profileFor({});
    QCOMPARE(profile.settingsPath, App::AppSettings::defaultFilePath());
    QVERIFY(profile.persists());
    QVERIFY(profile.trayEnabled);
    QVERIFY(profile.profileLabel.isEmpty());
    QCOMPARE(profile.historyPath(), App::CallHistoryStore::pathBeside(profile.settingsPath));
}

void TestLaunchProfile::otherSettingsFile()
{
    const LaunchProfile profile = profileFor({QStringLiteral("--settings"), QStringLiteral("/tmp/work/office.ini"),
                                              QStringLiteral("--no-tray"), QStringLiteral("sip:1002@pbx.example")});
    QCOMPARE(profile.settingsPath, QStringLiteral("/tmp/work/office.ini"));
    QCOMPARE(profile.profileLabel, QStringLiteral("office.ini"));
    QVERIFY(!profile.trayEnabled);
    QCOMPARE(profile.dialTarget, QStringLiteral("sip:1002@pbx.example"));
    QVERIFY(profile.persists());
    const std::unique_ptr<App::SecretStore> plainFile = profile.makePlainFileStore();
    QVERIFY(dynamic_cast<App::PlainFileSecretStore *>(plainFile.get()));
}

void TestLaunchProfile::demoKeepsNothing()
{
    const LaunchProfile profile = profileFor({QStringLiteral("--demo")});
    QCOMPARE(profile.settingsPath, App::AppSettings::demoFilePath());
    QVERIFY(!profile.persists());
    QCOMPARE(profile.profileLabel, QStringLiteral("demo"));
    QVERIFY(profile.historyPath().isEmpty());
    // The demo's password never reaches the keychain or a file.
    const std::unique_ptr<App::SecretStore> keychain = profile.makeKeychain();
    QVERIFY(dynamic_cast<App::MemorySecretStore *>(keychain.get()));
    QVERIFY(!profile.makePlainFileStore());
}

QTEST_GUILESS_MAIN(TestLaunchProfile)
#include "TestLaunchProfile.moc"
