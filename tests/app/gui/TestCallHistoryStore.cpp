// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The call history file: saved and read back, capped, a damaged file moved aside with a message, an
// unreadable or newer one left alone, and nothing but the history touched.

#include "app/gui/AppSettings.h"
#include "app/gui/CallHistoryStore.h"
#include "ui/calls/CallHistoryModel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using Gui::CallHistoryEntry;
using Gui::CallOutcome;

namespace {

CallHistoryEntry call(int number, CallOutcome outcome = CallOutcome::Answered)
{
    CallHistoryEntry entry;
    entry.startedUtc = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(number * 60);
    entry.lineId = QStringLiteral("line-a");
    entry.lineLabel = QStringLiteral("1001@127.0.0.1");
    entry.peer = QStringLiteral("sip:%1@127.0.0.1").arg(number);
    entry.direction = Sip::CallDirection::Outgoing;
    entry.outcome = outcome;
    entry.durationSeconds = outcome == CallOutcome::Answered ? number : 0;
    entry.seen = outcome != CallOutcome::Missed;
    return entry;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCallHistoryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pathBesideTheSettings();
    void missingFileIsAnEmptyHistory();
    void savedAndReadBack();
    void capKeepsTheNewest();
    void corruptFileIsMovedAsideAndReported();
    void newerFileIsShownButNotOverwritten();
    void unreadableFileIsLeftAlone();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("offhook-history.json")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCallHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCallHistoryStore::pathBesideTheSettings()
{
    QCOMPARE(App::CallHistoryStore::pathBeside(m_dir->filePath(QStringLiteral("offhook.ini"))), path());
    QCOMPARE(App::CallHistoryStore::pathBeside(m_dir->filePath(QStringLiteral("work.profile.ini"))),
             m_dir->filePath(QStringLiteral("work.profile-history.json")));
}

void TestCallHistoryStore::missingFileIsAnEmptyHistory()
{
    App::CallHistoryStore store(path());
    QVERIFY(store.load().isEmpty());
    QCOMPARE(store.problem(), QString());
    QVERIFY(store.isWritable());
    QVERIFY(!QFile::exists(path())); // nothing is written until there is a call
}

void TestCallHistoryStore::savedAndReadBack()
{
    const QList<CallHistoryEntry> entries = {call(3), call(2, CallOutcome::Missed), call(1, CallOutcome::Failed)};
    {
        App::CallHistoryStore store(m_dir->filePath(QStringLiteral("sub/dir/offhook-history.json")));
        QVERIFY(store.save(entries));
    }
    App::CallHistoryStore store(m_dir->filePath(QStringLiteral("sub/dir/offhook-history.json")));
    QCOMPARE(store.load(), entries);
    QCOMPARE(store.problem(), QString());
}

void TestCallHistoryStore::capKeepsTheNewest()
{
    // The model holds the cap; what it hands to the store is what is kept.
    Gui::CallHistoryModel model;
    App::CallHistoryStore store(path());
    QObject::connect(&model, &Gui::CallHistoryModel::historyChanged, &model,
                     [&] { QVERIFY(store.save(model.entries())); });
    for (int i = 1; i <= Gui::CallHistoryModel::DefaultCapacity + 20; ++i)
        model.add(call(i));
    const QList<CallHistoryEntry> stored = App::CallHistoryStore(path()).load();
    QCOMPARE(stored.size(), Gui::CallHistoryModel::DefaultCapacity);
    QCOMPARE(stored.constFirst(), call(Gui::CallHistoryModel::DefaultCapacity + 20));
    QCOMPARE(stored.constLast(), call(21));
}

void TestCallHistoryStore::corruptFileIsMovedAsideAndReported()
{
    // The settings beside it must not be touched by anything the history does.
    const QString settingsPath = m_dir->filePath(QStringLiteral("offhook.ini"));
    {
        App::AppSettings settings(settingsPath);
        settings.setMaskCredentials(false);
        settings.sync();
    }
    const QByteArray settingsBefore = readFile(settingsPath);
    const QByteArray garbage = "{\"format\": \"offhook-call-history\", \"version\": 1, \"calls\": [{\"peer\"";
    QVERIFY(writeFile(path(), garbage));

    App::CallHistoryStore store(path());
    QVERIFY(store.load().isEmpty());
    QVERIFY2(store.problem().contains(QLatin1String("not valid JSON")), qPrintable(store.problem()));
    QVERIFY(!store.backupPath().isEmpty());
    QVERIFY(store.problem().contains(QDir::toNativeSeparators(store.backupPath())));
    QCOMPARE(readFile(store.backupPath()), garbage); // the damaged file is kept as it was
    QVERIFY(store.isWritable());
    QVERIFY(store.save({call(1)}));
    QCOMPARE(App::CallHistoryStore(path()).load(), QList<CallHistoryEntry>{call(1)});
    QCOMPARE(readFile(settingsPath), settingsBefore);
    QCOMPARE(App::AppSettings(settingsPath).problem(), QString());
}

void TestCallHistoryStore::newerFileIsShownButNotOverwritten()
{
    QByteArray newer = R"({"format": "offhook-call-history", "version": 9, "calls": [
        {"started": "2026-11-01T08:01:00Z", "peer": "sip:1@127.0.0.1", "direction": "outgoing",
         "outcome": "answered", "durationSeconds": 1, "videoCodec": "AV1"}]})";
    QVERIFY(writeFile(path(), newer));
    App::CallHistoryStore store(path());
    const QList<CallHistoryEntry> entries = store.load();
    QCOMPARE(entries.size(), 1);
    QVERIFY2(store.problem().contains(QLatin1String("newer Offhook")), qPrintable(store.problem()));
    QVERIFY(!store.isWritable());
    QVERIFY(!store.save({call(5)}));
    QCOMPARE(readFile(path()), newer);
}

void TestCallHistoryStore::unreadableFileIsLeftAlone()
{
    // Something that is no file at all cannot be read by anyone, root included.
    QVERIFY(QDir().mkpath(path()));
    {
        App::CallHistoryStore store(path());
        QVERIFY(store.load().isEmpty());
        QVERIFY2(store.problem().contains(QLatin1String("cannot read")), qPrintable(store.problem()));
        QVERIFY(store.backupPath().isEmpty());
        QVERIFY(!store.isWritable());
        QVERIFY(!store.save({call(2)}));
        QVERIFY(QFileInfo(path()).isDir());
    }
    QVERIFY(QDir(path()).removeRecursively());

    if (::geteuid() == 0)
        QSKIP("root reads files without read permission");
    QVERIFY(App::CallHistoryStore(path()).save({call(1)}));
    const QByteArray content = readFile(path());
    QVERIFY(QFile::setPermissions(path(), QFileDevice::WriteOwner));
    App::CallHistoryStore store(path());
    QVERIFY(store.load().isEmpty());
    QVERIFY2(store.problem().contains(QLatin1String("cannot read")), qPrintable(store.problem()));
    QVERIFY(!store.save({call(2)}));
    QVERIFY(QFile::setPermissions(path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(readFile(path()), content);
}

QTEST_MAIN(TestCallHistoryStore)
#include "TestCallHistoryStore.moc"
