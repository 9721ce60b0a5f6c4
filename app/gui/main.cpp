// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook, the desktop app: the command line, the application's identity and translations, the single
// instance; everything else is built and wired by App::Application.
#include "app/gui/Application.h"
#include "app/gui/CommandLine.h"
#include "app/gui/LaunchProfile.h"
#include "app/gui/SingleInstance.h"
#include "ui/theme/Theme.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>
#include <optional>

namespace {

/// --version and --help must work without a display, so they are answered before QApplication.
std::optional<int> answerWithoutDisplay(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const App::CommandLine early = App::CommandLine::parse(arguments);
    if (early.showVersion) {
        std::printf("offhook %s\n", OFFHOOK_VERSION);
        return 0;
    }
    if (early.showHelp) {
        std::printf("%s", App::CommandLine::helpText().toLocal8Bit().constData());
        return 0;
    }
    return std::nullopt;
}

void setIdentity()
{
    QApplication::setApplicationName(QStringLiteral("Offhook"));
    QApplication::setOrganizationName(QStringLiteral("Offhook"));
    QApplication::setApplicationVersion(QStringLiteral(OFFHOOK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.offhook.Offhook"));
    QApplication::setWindowIcon(Gui::Theme::appIcon());
    Gui::Theme::keepPlaceholderReadable();
}

/// Qt's own catalogue and Offhook's (embedded under :/i18n) for the system locale.
void installTranslators(QTranslator &qtTranslator, QTranslator &translator)
{
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (translator.load(QLocale(), QStringLiteral("offhook"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
}

} // namespace

int main(int argc, char *argv[])
{
    if (const std::optional<int> exitCode = answerWithoutDisplay(argc, argv))
        return *exitCode;

    QApplication app(argc, argv);
    setIdentity();
    const App::CommandLine command = App::CommandLine::parse(QApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "offhook: %s\n%s", qPrintable(command.error), qPrintable(App::CommandLine::helpText()));
        return 2;
    }
    QTranslator qtTranslator;
    QTranslator translator;
    installTranslators(qtTranslator, translator);

    const App::LaunchProfile profile = App::LaunchProfile::fromCommandLine(command);
    // A second start (a sip:/tel: link clicked elsewhere) hands its number to the running Offhook.
    App::SingleInstance instance(profile.settingsPath);
    if (instance.sendToRunning(command.dialTarget))
        return 0;
    instance.listen();

    App::Application application(profile, instance);
    application.start();
    return app.exec();
}
