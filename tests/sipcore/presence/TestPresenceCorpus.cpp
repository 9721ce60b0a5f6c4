// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoParser.h"
#include "sipcore/presence/PidfParser.h"
#include "tests/sipcore/presence/PresenceChecks.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

// Runs every file of the fuzzers' corpus (seeds and past findings) through both parsers, so inputs that once
// broke something stay covered in the regular build.
class TestPresenceCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusExists();
    void corpusFile_data();
    void corpusFile();
    void seedsParse_data();
    void seedsParse();
};

namespace {

QString corpusDir()
{
    return QStringLiteral(OFFHOOK_PRESENCE_CORPUS_DIR);
}

void addCorpusRows()
{
    QTest::addColumn<QString>("path");
    const QString root = corpusDir();
    QDirIterator files(root, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (files.hasNext())
        paths.append(files.next());
    paths.sort();
    for (const QString &path : paths)
        QTest::newRow(qPrintable(path.mid(root.size() + 1))) << path;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

void TestPresenceCorpus::corpusExists()
{
    for (const QString &kind : {QStringLiteral("pidf"), QStringLiteral("dialoginfo")}) {
        const QDir dir(corpusDir() + QLatin1Char('/') + kind);
        QVERIFY2(dir.exists(), qPrintable(dir.path()));
        QVERIFY2(dir.entryList(QDir::Files).size() >= 5, qPrintable(dir.path()));
    }
}

void TestPresenceCorpus::corpusFile_data()
{
    addCorpusRows();
}

void TestPresenceCorpus::corpusFile()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray body = file.readAll();

    QElapsedTimer timer;
    timer.start();
    const auto presence = Sip::PidfParser().parse(body);
    QVERIFY2(PresenceChecks::checkPidf(presence).isEmpty(), qPrintable(PresenceChecks::checkPidf(presence)));
    const auto dialogs = Sip::DialogInfoParser().parse(body);
    QVERIFY2(PresenceChecks::checkDialogInfo(dialogs).isEmpty(), qPrintable(PresenceChecks::checkDialogInfo(dialogs)));
    QVERIFY(timer.elapsed() < 1000);
    // Same input, same answer.
    QCOMPARE(Sip::PidfParser().parse(body).presence, presence.presence);
    QCOMPARE(Sip::DialogInfoParser().parse(body).dialogs, dialogs.dialogs);
}

void TestPresenceCorpus::seedsParse_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("pidf");
    for (const QString &kind : {QStringLiteral("pidf"), QStringLiteral("dialoginfo")}) {
        const QString dir = corpusDir() + QLatin1Char('/') + kind;
        QDirIterator files(dir, {QStringLiteral("seed-*")}, QDir::Files);
        while (files.hasNext()) {
            const QString path = files.next();
            QTest::newRow(qPrintable(kind + QLatin1Char('/') + files.fileName()))
                << path << (kind == QLatin1String("pidf"));
        }
    }
}

void TestPresenceCorpus::seedsParse()
{
    // Seeds (files named seed-*) are real-world documents: each must be accepted by its own parser.
    QFETCH(QString, path);
    QFETCH(bool, pidf);
    const QByteArray body = readAll(path);
    QVERIFY(!body.isEmpty());
    if (pidf) {
        const auto result = Sip::PidfParser().parse(body);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.presence.status != Sip::PresenceStatus::Invalid);
    } else {
        const auto result = Sip::DialogInfoParser().parse(body);
        QVERIFY2(result.ok, qPrintable(result.error));
    }
}

QTEST_GUILESS_MAIN(TestPresenceCorpus)
#include "TestPresenceCorpus.moc"
