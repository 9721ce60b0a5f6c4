// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The composition root of the desktop app: settings, secret store, log, engine, window, controller.
#include "app/gui/AppSettings.h"
#include "app/gui/CommandLine.h"
#include "app/gui/ContactController.h"
#include "app/gui/DemoLine.h"
#include "app/gui/CallAlerts.h"
#include "app/gui/KeychainSecretStore.h"
#include "app/gui/CallController.h"
#include "app/gui/CallHistoryStore.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "app/gui/PlainFileSecretStore.h"
#include "app/gui/SingleInstance.h"
#include "app/gui/WindowPersistence.h"
#include "audio/NullBackend.h"
#include "audio/PortAudioBackend.h"
#include "sipcore/CallService.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/contacts/ContactsPanel.h"
#include "ui/calls/DialPad.h"
#include "ui/lines/LineListModel.h"
#include "ui/log/LogPane.h"
#include "ui/main/MainWindow.h"
#include "ui/preferences/PreferencesDialog.h"
#include "ui/theme/Theme.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>
#include <QWindow>
#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const App::CommandLine early = App::CommandLine::parse(arguments);
    // --version and --help must work without a display, so they are answered before QApplication.
    if (early.showVersion) {
        std::printf("offhook %s\n", OFFHOOK_VERSION);
        return 0;
    }
    if (early.showHelp) {
        std::printf("%s", App::CommandLine::helpText().toLocal8Bit().constData());
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Offhook"));
    QApplication::setOrganizationName(QStringLiteral("Offhook"));
    QApplication::setApplicationVersion(QStringLiteral(OFFHOOK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.offhook.Offhook"));
    QApplication::setWindowIcon(Gui::Theme::appIcon());
    Gui::Theme::keepPlaceholderReadable();

    const App::CommandLine command = App::CommandLine::parse(QApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "offhook: %s\n%s", qPrintable(command.error), qPrintable(App::CommandLine::helpText()));
        return 2;
    }

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("offhook"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const QString settingsPath = !command.settingsFile.isEmpty() ? command.settingsFile
                                 : command.demo                  ? App::AppSettings::demoFilePath()
                                                                 : App::AppSettings::defaultFilePath();
    // A second start (a sip:/tel: link clicked elsewhere) hands its number to the running Offhook.
    App::SingleInstance instance(settingsPath);
    if (instance.sendToRunning(command.dialTarget))
        return 0;
    instance.listen();

    App::AppSettings settings(settingsPath);

    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    Gui::MainWindow window(&engine);

    // The demo never touches the keychain: its password lives in memory only.
    std::unique_ptr<App::SecretStore> keychain;
    std::unique_ptr<App::SecretStore> plainFile;
    if (command.demo) {
        keychain = std::make_unique<App::MemorySecretStore>();
    } else {
        keychain = std::make_unique<App::KeychainSecretStore>();
        plainFile = std::make_unique<App::PlainFileSecretStore>(QFileInfo(settingsPath).absolutePath() +
                                                                QStringLiteral("/secrets.ini"));
    }
    App::LineController controller(&engine, &settings, keychain.get(), plainFile.get(), &window);
    // OFFHOOK_AUDIO=null: calls without a sound card (silence out, nothing played), for headless runs.
    const App::CallMedia::DeviceFactory audioDevices =
        qEnvironmentVariable("OFFHOOK_AUDIO") == QLatin1String("null")
            ? App::CallMedia::DeviceFactory([] { return std::make_unique<Audio::NullBackend>(); })
            : App::CallMedia::DeviceFactory([] { return std::make_unique<Audio::PortAudioBackend>(); });
    App::CallController calls(engine, window, audioDevices, App::CallMediaOptions{});
    // The demo's calls are listed for this run only, like its line and contacts.
    const QString historyProblem =
        command.demo ? QString() : calls.useHistoryFile(App::CallHistoryStore::pathBeside(settingsPath));
    App::CallAlerts alerts(*calls.calls(), window, audioDevices, [&settings] {
        const Gui::Preferences preferences = settings.preferences();
        return preferences.ringingDevice.isEmpty() ? preferences.outputDevice : preferences.ringingDevice;
    });
    alerts.setCallOutputLookup([&settings, &window](const QString &lineId) {
        const QString lineOutput = window.lineModel()->line(lineId).audioOutputDevice;
        return lineOutput.isEmpty() ? settings.preferences().outputDevice : lineOutput;
    });
    QObject::connect(&alerts, &App::CallAlerts::notice, &window,
                     [&window](const QString &message) { window.statusBar()->showMessage(message, 20000); });
    controller.setPersistLines(!command.demo);
    controller.setPlainTextConsent([&window](const QString &reason) {
        QMessageBox box(QMessageBox::Warning, QObject::tr("Offhook — No keychain"),
                        QObject::tr("No working keychain was found to store your password."), QMessageBox::NoButton,
                        &window);
        box.setInformativeText(reason + QStringLiteral("\n\n") +
                               QObject::tr("Offhook can keep passwords in a separate file readable only by you, in "
                                           "clear text. Otherwise they are kept in memory and asked again after a "
                                           "restart."));
        QPushButton *store = box.addButton(QObject::tr("Store in clear text"), QMessageBox::AcceptRole);
        box.addButton(QObject::tr("Keep for this session only"), QMessageBox::RejectRole);
        box.exec();
        return box.clickedButton() == store;
    });
    Sip::PresenceService presence(&engine);
    App::ContactController contacts(&engine, &presence, &settings, window.contactsPanel());
    contacts.setPersist(!command.demo);
    QObject::connect(&controller, &App::LineController::notice, &window,
                     [&window](const QString &message) { window.statusBar()->showMessage(message, 20000); });

    window.logPane()->setMaskCredentials(settings.maskCredentials());
    QObject::connect(window.logPane(), &Gui::LogPane::maskCredentialsChanged, &window,
                     [&settings](bool mask) { settings.setMaskCredentials(mask); });
    App::WindowPersistence::attach(window, settings);
    if (command.demo)
        window.setProfileLabel(QObject::tr("demo"));
    else if (!command.settingsFile.isEmpty())
        window.setProfileLabel(QFileInfo(command.settingsFile).fileName());
    window.setTrayEnabled(!command.noTray);
    if (!command.dialTarget.isEmpty())
        window.dialPad()->setNumber(command.dialTarget);
    QObject::connect(&instance, &App::SingleInstance::activationRequested, &window, [&window](const QString &target) {
        if (!target.isEmpty())
            window.dialPad()->setNumber(target);
        window.showNormal();
        window.raise();
        window.activateWindow();
    });

    calls.setAudioDevices(settings.preferences().inputDevice, settings.preferences().outputDevice);
    window.setAudioOutputLister([] {
        // PortAudio is brought up only while asked: it probes every sound card.
        Audio::PortAudioBackend audio;
        QStringList names;
        for (const Audio::AudioDeviceInfo &device : audio.outputDevices())
            names.append(device.name);
        return names;
    });
    QObject::connect(&window, &Gui::MainWindow::preferencesRequested, &window, [&window, &settings, &calls] {
        // PortAudio is brought up only while the dialog is open: it probes every sound card.
        Audio::PortAudioBackend audio;
        Gui::PreferencesDialog dialog(settings.preferences(), audio.isInitialized() ? &audio : nullptr, &window);
        // The level meter would compete with a call for the microphone: off while a call runs.
        dialog.setLevelMeterAvailable(calls.calls()->activeCalls().isEmpty());
        if (dialog.exec() == QDialog::Accepted) {
            const Gui::Preferences chosen = dialog.preferences();
            settings.setPreferences(chosen);
            calls.setAudioDevices(chosen.inputDevice, chosen.outputDevice); // running calls switch now
        }
    });
    // A line given another output mid-call moves its running calls there (LineController stored it first).
    QObject::connect(&window, &Gui::MainWindow::lineEdited, &calls, [&settings, &calls] {
        calls.setAudioDevices(settings.preferences().inputDevice, settings.preferences().outputDevice);
    });

    Sip::EngineOptions engineOptions;
    engineOptions.caCertificatesFile = settings.preferences().caFile;
    if (!engine.start(engineOptions)) {
        QMessageBox::critical(nullptr, QObject::tr("Offhook — Engine failed"),
                              QObject::tr("The SIP engine could not start. Lines cannot register."));
    }
    if (command.demo)
        controller.addLine(App::demoLine(qEnvironmentVariable("OFFHOOK_DEMO_SERVER")));
    else
        controller.loadLines();
    contacts.load();

    window.show();
    if (qEnvironmentVariableIsSet("OFFHOOK_STARTUP_TRACE")) {
        // For bench/gui: the wall-clock time at which the main window is first on screen.
        auto *poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, poll] {
            if (window.windowHandle() && window.windowHandle()->isExposed()) {
                poll->stop();
                std::fprintf(stderr, "offhook: main window shown at %lld ms\n",
                             static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            }
        });
        poll->start(1);
    }
    if (!settings.problem().isEmpty()) {
        QTimer::singleShot(0, &window, [&window, &settings] {
            QMessageBox::warning(&window, QObject::tr("Offhook — Settings"), settings.problem());
        });
    }
    if (!historyProblem.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, historyProblem] {
            QMessageBox::warning(&window, QObject::tr("Offhook — Call history"), historyProblem);
        });
    }
    QObject::connect(&app, &QApplication::aboutToQuit, &engine, [&engine] { engine.shutdown(); });
    return app.exec();
}
