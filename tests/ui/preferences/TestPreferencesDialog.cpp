// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The preferences dialog offscreen, with the file audio backend standing in for a sound card: the level
// meter follows what the "microphone" hears, saved devices survive being unplugged, the CA file is
// checked as it is typed, and the choices round-trip through the settings file.

#include "ui/preferences/PreferencesDialog.h"

#include "app/gui/AppSettings.h"
#include "audio/devices/FileBackend.h"
#include "tests/audio/AudioTestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void meterFollowsTheMicrophone();
    void unpluggedDeviceIsKept();
    void caFileIsChecked();
    void roundTripsThroughSettings();
    void stunServerIsEdited();

private:
    QTemporaryDir m_dir;
    QString m_tone;
    QString m_silence;
};

void TestPreferencesDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tone = m_dir.filePath(QStringLiteral("tone.wav"));
    m_silence = m_dir.filePath(QStringLiteral("silence.wav"));
    QVERIFY(AudioTest::writeWav(m_tone, AudioTest::sine(440.0, 48000, 1.0, 0.5f), 48000));
    QVERIFY(AudioTest::writeWav(m_silence, std::vector<float>(48000, 0.0f), 48000));
}

void TestPreferencesDialog::meterFollowsTheMicrophone()
{
    Audio::FileBackend device;
    Gui::Preferences current;
    current.inputDevice = m_tone;
    Gui::PreferencesDialog dialog(current, &device);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(device.isOpen());
    // A 0.5 peak tone is -6 dBFS: 90 % of the -60..0 dBFS bar.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.meterLevel() >= 85, 3000);

    auto *input = dialog.findChild<QComboBox *>(QStringLiteral("inputDeviceCombo"));
    QVERIFY(input);
    input->addItem(QStringLiteral("silence"), m_silence);
    input->setCurrentIndex(input->count() - 1);
    QCOMPARE(device.activeInputDevice(), m_silence);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.meterLevel(), 0, 3000);

    dialog.hide();
    QVERIFY2(!device.isOpen(), "the microphone is released when the dialog closes");
}

void TestPreferencesDialog::unpluggedDeviceIsKept()
{
    Gui::Preferences current;
    current.outputDevice = QStringLiteral("USB Headset");
    Gui::PreferencesDialog dialog(current, nullptr);
    auto *output = dialog.findChild<QComboBox *>(QStringLiteral("outputDeviceCombo"));
    QVERIFY(output);
    QVERIFY(output->currentText().contains(QStringLiteral("not connected")));
    QCOMPARE(dialog.preferences().outputDevice, QStringLiteral("USB Headset"));
    QCOMPARE(dialog.preferences().inputDevice, QString()); // system default
}

void TestPreferencesDialog::caFileIsChecked()
{
    Gui::PreferencesDialog dialog({}, nullptr);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("caFileStatus"));
    QVERIFY(edit && status);
    edit->setText(m_dir.filePath(QStringLiteral("missing.pem")));
    QVERIFY2(status->text().startsWith(QStringLiteral("Cannot read this file")), qPrintable(status->text()));
    edit->setText(m_tone);
    QCOMPARE(status->text(), QStringLiteral("This file holds no PEM certificate."));
    edit->clear();
    QVERIFY(status->text().isEmpty());
}

void TestPreferencesDialog::roundTripsThroughSettings()
{
    const QString path = m_dir.filePath(QStringLiteral("settings.ini"));
    Gui::Preferences chosen;
    chosen.inputDevice = QStringLiteral("Mic");
    chosen.outputDevice = QStringLiteral("Headset");
    chosen.ringingDevice = QStringLiteral("Speakers");
    chosen.caFile = QStringLiteral("/etc/pbx-ca.pem");
    chosen.stunServer = QStringLiteral("stun.example.net:3478");
    {
        App::AppSettings settings(path);
        QCOMPARE(settings.preferences(), Gui::Preferences());
        settings.setPreferences(chosen);
    }
    App::AppSettings reread(path);
    QCOMPARE(reread.status(), App::AppSettings::Status::Ok);
    QCOMPARE(reread.preferences(), chosen);
}

void TestPreferencesDialog::stunServerIsEdited()
{
    Gui::Preferences current;
    current.stunServer = QStringLiteral("198.51.100.1");
    Gui::PreferencesDialog dialog(current, nullptr);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("stunServerEdit"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("198.51.100.1"));
    edit->setText(QStringLiteral("  stun.example.net:3479 "));
    QCOMPARE(dialog.preferences().stunServer, QStringLiteral("stun.example.net:3479"));
    edit->clear();
    QVERIFY(dialog.preferences().stunServer.isEmpty());
}

QTEST_MAIN(TestPreferencesDialog)
#include "TestPreferencesDialog.moc"
