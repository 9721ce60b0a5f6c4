// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// A line's keep-alive interval in the line dialog (offscreen, by objectName) and in the settings file:
// on by default (25 s), "Off" at 0, kept across a restart, and an old settings file without it gets the
// default rather than no keep-alives.

#include "app/gui/AppSettings.h"
#include "sipcore/RegistrationState.h"
#include "ui/lines/LineDialog.h"
#include "ui/lines/LineListModel.h"

#include <QFile>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using App::AppSettings;

class TestLineKeepalive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dialogShowsAndEditsIt();
    void savedWithTheLine();
    void oldSettingsFileGetsTheDefault();
    void lineListSaysBehindNat();

private:
    static Sip::LineConfig sampleLine();
};

Sip::LineConfig TestLineKeepalive::sampleLine()
{
    Sip::LineConfig line;
    line.id = QStringLiteral("l1");
    line.extension = QStringLiteral("1001");
    line.server = QStringLiteral("pbx.example");
    return line;
}

void TestLineKeepalive::dialogShowsAndEditsIt()
{
    Gui::LineDialog dialog(sampleLine());
    dialog.show();
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("keepaliveSpin"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 25);
    QVERIFY(!spin->toolTip().isEmpty());
    spin->setValue(0);
    QCOMPARE(spin->text(), QStringLiteral("Off"));
    QCOMPARE(dialog.line().keepaliveSeconds, 0);
    spin->setValue(40);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.line().keepaliveSeconds, 40);
    QCOMPARE(dialog.line().extension, QStringLiteral("1001"));
}

void TestLineKeepalive::savedWithTheLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    Sip::LineConfig off = sampleLine();
    off.keepaliveSeconds = 0;
    Sip::LineConfig often = sampleLine();
    often.id = QStringLiteral("l2");
    often.extension = QStringLiteral("1002");
    often.keepaliveSeconds = 15;
    {
        AppSettings settings(path);
        settings.saveLine(off);
        settings.saveLine(often);
    }
    AppSettings settings(path);
    const QList<Sip::LineConfig> lines = settings.lines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].keepaliveSeconds, 0);
    QCOMPARE(lines[1].keepaliveSeconds, 15);
}

void TestLineKeepalive::oldSettingsFileGetsTheDefault()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Written before keep-alives existed; and a second line with a hand-edited absurd value.
    file.write("version=1\n\n[lines]\nold\\order=0\nold\\extension=1003\nold\\server=pbx.example\n"
               "old\\transport=udp\nold\\enabled=true\n"
               "odd\\order=1\nodd\\extension=1004\nodd\\server=pbx.example\nodd\\transport=udp\n"
               "odd\\keepaliveSeconds=-7\n");
    file.close();
    AppSettings settings(path);
    QCOMPARE(settings.status(), AppSettings::Status::Ok);
    const QList<Sip::LineConfig> lines = settings.lines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].keepaliveSeconds, Sip::LineConfig::kDefaultKeepaliveSeconds);
    QCOMPARE(lines[1].keepaliveSeconds, 0); // clamped into the valid range, not left negative
}

void TestLineKeepalive::lineListSaysBehindNat()
{
    Sip::LineConfig line = sampleLine();
    Sip::RegistrationEvent event;
    event.state = Sip::RegistrationState::Registered;
    event.expiresSeconds = 300;
    QCOMPARE(Gui::LineListModel::stateText(line, event), QStringLiteral("Registered · expires every 300 s"));
    event.publicAddress = QStringLiteral("198.51.100.2:40123");
    event.localAddress = QStringLiteral("10.77.1.2:5060");
    QCOMPARE(Gui::LineListModel::stateText(line, event),
             QStringLiteral("Registered · expires every 300 s · behind NAT (seen as 198.51.100.2:40123)"));
    line.keepaliveSeconds = 0;
    QVERIFY(Gui::LineListModel::stateText(line, event).endsWith(QStringLiteral("calls may stop arriving")));
}

QTEST_MAIN(TestLineKeepalive)
#include "TestLineKeepalive.moc"
