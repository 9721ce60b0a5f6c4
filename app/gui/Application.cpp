// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/Application.h"

#include "app/gui/SingleInstance.h"
#include "app/gui/StartupDialogs.h"
#include "app/gui/WindowPersistence.h"
#include "audio/devices/NullBackend.h"
#include "audio/devices/PortAudioBackend.h"
#include "sipcore/CallService.h"
#include "ui/calls/DialPad.h"
#include "ui/lines/LineListModel.h"
#include "ui/log/LogPane.h"
#include "ui/preferences/PreferencesDialog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStatusBar>
#include <QTimer>
#include <QWindow>
#include <cstdio>

namespace App {

namespace {

/// OFFHOOK_AUDIO=null: calls without a sound card (silence out, nothing played), for headless runs.
CallMedia::DeviceFactory audioDevices()
{
    if (qEnvironmentVariable("OFFHOOK_AUDIO") == QLatin1String("null"))
        return [] { return std::make_unique<Audio::NullBackend>(); };
    return [] { return std::make_unique<Audio::PortAudioBackend>(); };
}

} // namespace

Application::Application(const LaunchProfile &profile, SingleInstance &instance)
    : m_profile(profile), m_settings(profile.settingsPath), m_engine(&m_log), m_window(&m_engine),
      m_keychain(profile.makeKeychain()), m_plainFile(profile.makePlainFileStore()),
      m_lines(&m_engine, &m_settings, m_keychain.get(), m_plainFile.get(), &m_window),
      m_calls(m_engine, m_window, audioDevices(), CallMediaOptions{})
      // The demo's calls are listed for this run only, like its line and contacts.
      ,
      m_historyProblem(profile.historyPath().isEmpty() ? QString() : m_calls.useHistoryFile(profile.historyPath())),
      m_alerts(*m_calls.calls(), m_window, audioDevices(),
               [this] {
                   const Gui::Preferences preferences = m_settings.preferences();
                   return preferences.ringingDevice.isEmpty() ? preferences.outputDevice : preferences.ringingDevice;
               }),
      m_presence(&m_engine), m_contacts(&m_engine, &m_presence, &m_settings, m_window.contactsPanel())
{
    wireLines();
    wireAudio();
    wireWindow(instance);
}

Application::~Application() = default;

void Application::wireLines()
{
    m_lines.setPersistLines(m_profile.persists());
    m_lines.setPlainTextConsent(
        [this](const QString &reason) { return StartupDialogs::askPlainTextConsent(&m_window, reason); });
    m_contacts.setPersist(m_profile.persists());
    QObject::connect(&m_lines, &LineController::notice, &m_window,
                     [this](const QString &message) { m_window.statusBar()->showMessage(message, 20000); });
}

void Application::wireAudio()
{
    m_alerts.setCallOutputLookup([this](const QString &lineId) {
        const QString lineOutput = m_window.lineModel()->line(lineId).audioOutputDevice;
        return lineOutput.isEmpty() ? m_settings.preferences().outputDevice : lineOutput;
    });
    QObject::connect(&m_alerts, &CallAlerts::notice, &m_window,
                     [this](const QString &message) { m_window.statusBar()->showMessage(message, 20000); });
    m_calls.setAudioDevices(m_settings.preferences().inputDevice, m_settings.preferences().outputDevice);
    m_calls.setStunServer(m_settings.preferences().stunServer);
    m_window.setAudioOutputLister([] {
        // PortAudio is brought up only while asked: it probes every sound card.
        Audio::PortAudioBackend audio;
        QStringList names;
        for (const Audio::AudioDeviceInfo &device : audio.outputDevices())
            names.append(device.name);
        return names;
    });
    QObject::connect(&m_window, &Gui::MainWindow::preferencesRequested, &m_window, [this] {
        // PortAudio is brought up only while the dialog is open: it probes every sound card.
        Audio::PortAudioBackend audio;
        Gui::PreferencesDialog dialog(m_settings.preferences(), audio.isInitialized() ? &audio : nullptr, &m_window);
        // The level meter would compete with a call for the microphone: off while a call runs.
        dialog.setLevelMeterAvailable(m_calls.calls()->activeCalls().isEmpty());
        if (dialog.exec() == QDialog::Accepted) {
            const Gui::Preferences chosen = dialog.preferences();
            m_settings.setPreferences(chosen);
            m_calls.setAudioDevices(chosen.inputDevice, chosen.outputDevice); // running calls switch now
            m_calls.setStunServer(chosen.stunServer);                         // from the next call on
        }
    });
    // A line given another output mid-call moves its running calls there (LineController stored it first).
    QObject::connect(&m_window, &Gui::MainWindow::lineEdited, &m_calls, [this] {
        m_calls.setAudioDevices(m_settings.preferences().inputDevice, m_settings.preferences().outputDevice);
    });
}

void Application::wireWindow(SingleInstance &instance)
{
    m_window.logPane()->setMaskCredentials(m_settings.maskCredentials());
    QObject::connect(m_window.logPane(), &Gui::LogPane::maskCredentialsChanged, &m_window,
                     [this](bool mask) { m_settings.setMaskCredentials(mask); });
    WindowPersistence::attach(m_window, m_settings);
    if (!m_profile.profileLabel.isEmpty())
        m_window.setProfileLabel(m_profile.profileLabel);
    m_window.setTrayEnabled(m_profile.trayEnabled);
    if (!m_profile.dialTarget.isEmpty())
        m_window.dialPad()->setNumber(m_profile.dialTarget);
    // A second start (a sip:/tel: link clicked elsewhere) brings this window up with its number.
    QObject::connect(&instance, &SingleInstance::activationRequested, &m_window, [this](const QString &target) {
        if (!target.isEmpty())
            m_window.dialPad()->setNumber(target);
        m_window.showNormal();
        m_window.raise();
        m_window.activateWindow();
    });
}

void Application::start()
{
    Sip::EngineOptions engineOptions;
    engineOptions.caCertificatesFile = m_settings.preferences().caFile;
    if (!m_engine.start(engineOptions))
        StartupDialogs::reportEngineFailed();
    m_profile.addLines(m_lines);
    m_contacts.load();

    m_window.show();
    if (qEnvironmentVariableIsSet("OFFHOOK_STARTUP_TRACE"))
        traceStartup();
    StartupDialogs::warnSettingsProblem(&m_window, m_settings.problem());
    StartupDialogs::warnHistoryProblem(&m_window, m_historyProblem);
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, &m_engine,
                     [this] { m_engine.shutdown(); });
    QObject::connect(&m_exitSignals, &Core::ExitSignals::received, &m_engine, [this](int signalNumber) {
        m_log.appendStep(QString(), QStringLiteral("%1 received: quitting (hang up, un-SUBSCRIBE, un-REGISTER); a "
                                                   "second signal exits at once")
                                        .arg(Core::ExitSignals::name(signalNumber)));
        QCoreApplication::quit();
    });
}

void Application::traceStartup()
{
    // For bench/gui: the wall-clock time at which the main window is first on screen.
    auto *poll = new QTimer(&m_window);
    QObject::connect(poll, &QTimer::timeout, &m_window, [this, poll] {
        if (m_window.windowHandle() && m_window.windowHandle()->isExposed()) {
            poll->stop();
            std::fprintf(stderr, "offhook: main window shown at %lld ms\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        }
    });
    poll->start(1);
}

} // namespace App
