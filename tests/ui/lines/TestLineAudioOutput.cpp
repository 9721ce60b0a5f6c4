// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// A line's own audio output: chosen in the line dialog (offscreen, by objectName) and kept with the line in
// the settings file, which still loads when written before the field existed.

#include "app/gui/AppSettings.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/lines/LineDialog.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using App::AppSettings;

class TestLineAudioOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dialogOffersDefaultAndDevices();
    void dialogKeepsAnUnpluggedChoice();
    void savedWithTheLine();
    void oldSettingsFileWithoutItLoads();
    void changingOnlyTheOutputKeepsTheRegistration();

private:
    static Sip::LineConfig sampleLine();
};

namespace {
QComboBox *outputCombo(const Gui::LineDialog &dialog)
{
    return dialog.findChild<QComboBox *>(QStringLiteral("audioOutputCombo"));
}
} // namespace

Sip::LineConfig TestLineAudioOutput::sampleLine()
{
    Sip::LineConfig line;
    line.id = QStringLiteral("l1");
    line.extension = QStringLiteral("1001");
    line.server = QStringLiteral("pbx.example");
    return line;
}

void TestLineAudioOutput::dialogOffersDefaultAndDevices()
{
    Gui::LineDialog dialog(sampleLine());
    dialog.setAudioOutputDevices({QStringLiteral("Fader 1"), QStringLiteral("Fader 2")});
    dialog.show();
    QComboBox *combo = outputCombo(dialog);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(combo->currentText().contains(QLatin1String("Preferences")));
    QVERIFY(dialog.line().audioOutputDevice.isEmpty()); // the default is stored as empty

    combo->setCurrentIndex(combo->findText(QStringLiteral("Fader 2")));
    QCOMPARE(dialog.line().audioOutputDevice, QStringLiteral("Fader 2"));
    // A refreshed list keeps what the user picked.
    dialog.setAudioOutputDevices({QStringLiteral("Fader 2"), QStringLiteral("Fader 3")});
    QCOMPARE(dialog.line().audioOutputDevice, QStringLiteral("Fader 2"));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.line().audioOutputDevice, QStringLiteral("Fader 2"));
    QCOMPARE(dialog.line().extension, QStringLiteral("1001")); // the other fields are untouched
}

void TestLineAudioOutput::dialogKeepsAnUnpluggedChoice()
{
    Sip::LineConfig line = sampleLine();
    line.audioOutputDevice = QStringLiteral("Studio Fader 3");
    Gui::LineDialog dialog(line);
    dialog.setAudioOutputDevices({QStringLiteral("Fader 1")});
    QComboBox *combo = outputCombo(dialog);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QVERIFY2(combo->currentText().contains(QLatin1String("not connected")), qPrintable(combo->currentText()));
    QCOMPARE(dialog.line().audioOutputDevice, QStringLiteral("Studio Fader 3"));
    combo->setCurrentIndex(0);
    QVERIFY(dialog.line().audioOutputDevice.isEmpty());
}

void TestLineAudioOutput::savedWithTheLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    Sip::LineConfig routed = sampleLine();
    routed.audioOutputDevice = QStringLiteral("Fader 2");
    Sip::LineConfig plain = sampleLine();
    plain.id = QStringLiteral("l2");
    plain.extension = QStringLiteral("1002");
    {
        AppSettings settings(path);
        settings.saveLine(routed);
        settings.saveLine(plain);
    }
    {
        AppSettings settings(path);
        const QList<Sip::LineConfig> lines = settings.lines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].audioOutputDevice, QStringLiteral("Fader 2"));
        QVERIFY(lines[1].audioOutputDevice.isEmpty());
        // Back to the default: the entry goes away.
        routed.audioOutputDevice.clear();
        settings.saveLine(routed);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("audioOutputDevice"));
    AppSettings settings(path);
    QVERIFY(settings.lines().at(0).audioOutputDevice.isEmpty());
}

void TestLineAudioOutput::oldSettingsFileWithoutItLoads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("version=1\n\n[lines]\nold\\order=0\nold\\extension=1003\nold\\server=pbx.example\n"
               "old\\transport=udp\nold\\enabled=true\n");
    file.close();
    AppSettings settings(path);
    QCOMPARE(settings.status(), AppSettings::Status::Ok);
    const QList<Sip::LineConfig> lines = settings.lines();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].extension, QStringLiteral("1003"));
    QVERIFY(lines[0].audioOutputDevice.isEmpty());
}

void TestLineAudioOutput::changingOnlyTheOutputKeepsTheRegistration()
{
    QTemporaryDir dir;
    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    Sip::EngineOptions options;
    options.shutdownTimeoutMs = 500;
    QVERIFY(engine.start(options));
    AppSettings settings(dir.filePath(QStringLiteral("offhook.ini")));
    App::MemorySecretStore secrets;
    Gui::MainWindow window(&engine);
    window.setAudioOutputLister([] { return QStringList{QStringLiteral("Fader 1"), QStringLiteral("Fader 2")}; });
    App::LineController controller(&engine, &settings, &secrets, nullptr, &window);
    Sip::LineConfig line = sampleLine();
    line.id.clear();
    line.server = QStringLiteral("127.0.0.1:9"); // discard port: nothing answers
    line.enabled = false;
    const QString id = controller.addLine(line);
    window.show();

    // Through the window's line dialog, as the user does it.
    window.editLine(id);
    Gui::LineDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Gui::LineDialog *>()) != nullptr);
    QComboBox *combo = outputCombo(*dialog);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3); // default and the two listed devices
    combo->setCurrentIndex(combo->findData(QStringLiteral("Fader 2")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QTRY_COMPARE(window.lineModel()->line(id).audioOutputDevice, QStringLiteral("Fader 2"));
    QCOMPARE(settings.lines().constFirst().audioOutputDevice, QStringLiteral("Fader 2"));
    // The engine was not handed the line again (which would unregister and register it).
    QCOMPARE(engine.lines().size(), 1);
    QVERIFY(engine.lines().constFirst().audioOutputDevice.isEmpty());

    // A signalling change still goes to the engine.
    Sip::LineConfig edited = window.lineModel()->line(id);
    edited.expiresSeconds = 600;
    controller.updateLine(edited);
    QCOMPARE(engine.lines().constFirst().expiresSeconds, 600);
    QCOMPARE(engine.lines().constFirst().audioOutputDevice, QStringLiteral("Fader 2"));
}

QTEST_MAIN(TestLineAudioOutput)
#include "TestLineAudioOutput.moc"
