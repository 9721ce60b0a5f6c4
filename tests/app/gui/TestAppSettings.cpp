// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/AppSettings.h"

#include "app/gui/CommandLine.h"
#include "app/gui/DemoLine.h"
#include "app/gui/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using App::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsVersionedFile();
    void linesRoundTripWithoutPasswords();
    void corruptFileIsReportedAndBackedUp_data();
    void corruptFileIsReportedAndBackedUp();
    void newerFileIsNotOverwritten();
    void unreadableFileIsLeftAlone();
    void commandLine_data();
    void commandLine();
    void demoLine();
    void secondStartHandsItsNumberToTheFirst();
};

void TestAppSettings::createsVersionedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    {
        AppSettings settings(path);
        QCOMPARE(settings.status(), AppSettings::Status::Created);
        QVERIFY(settings.problem().isEmpty());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("version=1"));
    AppSettings again(path);
    QCOMPARE(again.status(), AppSettings::Status::Ok);
}

void TestAppSettings::linesRoundTripWithoutPasswords()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    Sip::LineConfig line;
    line.id = QStringLiteral("a1");
    line.extension = QStringLiteral("1001");
    line.server = QStringLiteral("pbx.example:5080");
    line.authUser = QStringLiteral("auth1001");
    line.password = QStringLiteral("s3cret-never-on-disk");
    line.transport = Sip::Transport::Tcp;
    line.port = 5090;
    line.expiresSeconds = 600;
    line.outboundProxy = QStringLiteral("proxy.example");
    line.enabled = false;
    Sip::LineConfig second = line;
    second.id = QStringLiteral("0b");
    second.extension = QStringLiteral("1002");
    {
        AppSettings settings(path);
        settings.saveLine(line);
        settings.saveLine(second);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret"));
    AppSettings settings(path);
    const QList<Sip::LineConfig> lines = settings.lines();
    QCOMPARE(lines.size(), 2);
    Sip::LineConfig expected = line;
    expected.password.clear();
    QCOMPARE(lines[0], expected); // kept in the order added
    QCOMPARE(lines[1].extension, QStringLiteral("1002"));
    settings.removeLine(QStringLiteral("a1"));
    QCOMPARE(settings.lines().size(), 1);
}

void TestAppSettings::corruptFileIsReportedAndBackedUp_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02garbage\xff", 11);
    QTest::newRow("not utf-8") << QByteArray("version=1\n[lines]\n\xc3\x28=1\n");
    QTest::newRow("no version") << QByteArray("[lines]\nfoo=bar\n");
}

void TestAppSettings::corruptFileIsReportedAndBackedUp()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    AppSettings settings(path);
    QCOMPARE(settings.status(), AppSettings::Status::Corrupt);
    QVERIFY(!settings.problem().isEmpty());
    QVERIFY(settings.problem().contains(QDir::toNativeSeparators(settings.backupPath())));
    QFile backup(settings.backupPath());
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), content); // the user's bytes are kept as they were
    QVERIFY(settings.isWritable());
    QVERIFY(settings.lines().isEmpty());
}

void TestAppSettings::newerFileIsNotOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    const QByteArray content = "version=99\n[lines]\nx\\extension=1001\nx\\server=pbx.example\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    {
        AppSettings settings(path);
        QCOMPARE(settings.status(), AppSettings::Status::NewerVersion);
        QVERIFY(!settings.isWritable());
        QCOMPARE(settings.lines().size(), 1);
        settings.setMaskCredentials(false);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestAppSettings::unreadableFileIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offhook.ini"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("version=1\n");
    }
    QFile::setPermissions(path, QFileDevice::Permissions());
    if (QFile(path).open(QIODevice::ReadOnly))
        QSKIP("running with rights that read any file");
    AppSettings settings(path);
    QCOMPARE(settings.status(), AppSettings::Status::Unreadable);
    QVERIFY(!settings.problem().isEmpty());
    QVERIFY(!settings.isWritable());
}

void TestAppSettings::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("version");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("dial");
    QTest::addColumn<bool>("error");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << true << false << QString() << false;
    QTest::newRow("demo") << QStringList{QStringLiteral("--demo")} << false << true << QString() << false;
    QTest::newRow("sip uri") << QStringList{QStringLiteral("sip:1002@pbx.example")} << false << false
                             << QStringLiteral("sip:1002@pbx.example") << false;
    QTest::newRow("tel uri") << QStringList{QStringLiteral("tel:+4930123456")} << false << false
                             << QStringLiteral("tel:+4930123456") << false;
    QTest::newRow("sips uri and demo") << QStringList{QStringLiteral("--demo"), QStringLiteral("sips:1003@pbx.example")}
                                       << false << true << QStringLiteral("sips:1003@pbx.example") << false;
    QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")} << false << false << QString() << true;
    QTest::newRow("two targets") << QStringList{QStringLiteral("1"), QStringLiteral("2")} << false << false
                                 << QStringLiteral("1") << true;
}

void TestAppSettings::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, version);
    QFETCH(bool, demo);
    QFETCH(QString, dial);
    QFETCH(bool, error);
    arguments.prepend(QStringLiteral("offhook"));
    const App::CommandLine command = App::CommandLine::parse(arguments);
    QCOMPARE(command.showVersion, version);
    QCOMPARE(command.demo, demo);
    QCOMPARE(command.dialTarget, dial);
    QCOMPARE(!command.error.isEmpty(), error);
}

void TestAppSettings::demoLine()
{
    const Sip::LineConfig line = App::demoLine();
    QCOMPARE(line.extension, QStringLiteral("1001"));
    QCOMPARE(line.server, QStringLiteral("127.0.0.1:5060"));
    QCOMPARE(line.password, QStringLiteral("demo1001"));
    QCOMPARE(line.effectiveAuthUser(), QStringLiteral("1001"));
    QCOMPARE(line.expiresSeconds, 300);
    QVERIFY(line.validate().isEmpty());
    QCOMPARE(App::demoLine(QStringLiteral("127.0.0.1:5070")).server, QStringLiteral("127.0.0.1:5070"));
}

void TestAppSettings::secondStartHandsItsNumberToTheFirst()
{
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("offhook.ini"));
    App::SingleInstance first(settings);
    QVERIFY(!first.sendToRunning(QString(), 200)); // nobody runs yet
    QVERIFY(first.listen());
    QSignalSpy activated(&first, &App::SingleInstance::activationRequested);

    App::SingleInstance second(settings);
    QCOMPARE(second.serverName(), first.serverName());
    QVERIFY(second.sendToRunning(QStringLiteral("sip:1002@pbx.example")));
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.constFirst().constFirst().toString(), QStringLiteral("sip:1002@pbx.example"));
    QVERIFY(second.sendToRunning(QString()));
    QTRY_COMPARE(activated.count(), 2);
    QCOMPARE(activated.constLast().constFirst().toString(), QString());

    // Another settings file is another instance.
    App::SingleInstance other(dir.filePath(QStringLiteral("other.ini")));
    QVERIFY(other.serverName() != first.serverName());
    QVERIFY(!other.sendToRunning(QStringLiteral("1002"), 200));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
