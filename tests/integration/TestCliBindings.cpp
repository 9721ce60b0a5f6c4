// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli bindings against Kamailio with several devices on one extension: listing (a query adds no
// binding), removing one, removing all others.
#include "tests/integration/CliProcess.h"
#include "tests/support/KamailioServer.h"

#include <QRegularExpression>
#include <QTest>

using Cli = Test::CliProcess;

class TestCliBindings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryBindingAndMarksItsOwn();
    void removesOneBinding();
    void removesAllOthers();
    void usageErrors();

private:
    std::unique_ptr<Cli> startCli(const QStringList &arguments, const QString &extension);
    /// A phone that stays registered on extension with its own +sip.instance until stop().
    std::unique_ptr<Cli> startDevice(const QString &extension, const QString &instance);
    static void stop(Cli &device);
    /// The BINDING lines of an output: contact -> "self" or "".
    static QList<std::pair<QString, bool>> listed(const QString &output);

    QString m_cli;
    Test::KamailioServer m_kamailio;
};

void TestCliBindings::initTestCase()
{
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFileInfo::exists(m_cli), qPrintable(m_cli));
    QVERIFY2(m_kamailio.start(), qPrintable(m_kamailio.stderrText()));
}

void TestCliBindings::cleanupTestCase()
{
    m_kamailio.stop();
}

std::unique_ptr<Cli> TestCliBindings::startCli(const QStringList &arguments, const QString &extension)
{
    return Cli::start(m_cli,
                      arguments + QStringList{QStringLiteral("--server"), m_kamailio.address(),
                                              QStringLiteral("--extension"), extension},
                      m_kamailio.password(extension));
}

std::unique_ptr<Cli> TestCliBindings::startDevice(const QString &extension, const QString &instance)
{
    std::unique_ptr<Cli> device = startCli({QStringLiteral("register"), QStringLiteral("--hold"), QStringLiteral("120"),
                                            QStringLiteral("--instance"), instance},
                                           extension);
    if (!device->waitFor(QStringLiteral("REGISTER succeeded"), 20000))
        qWarning("device did not register: %s", qPrintable(device->output));
    return device;
}

void TestCliBindings::stop(Cli &device)
{
    device.process->terminate(); // SIGTERM: un-REGISTERs what is left
    device.finish(15000);
}

QList<std::pair<QString, bool>> TestCliBindings::listed(const QString &output)
{
    static const QRegularExpression line(QStringLiteral(R"(^BINDING (\S+) expires=\d+( q=\S+)?( self)?$)"),
                                         QRegularExpression::MultilineOption);
    QList<std::pair<QString, bool>> result;
    for (auto it = line.globalMatch(output); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result.append({match.captured(1), !match.captured(3).isEmpty()});
    }
    return result;
}

void TestCliBindings::listsEveryBindingAndMarksItsOwn()
{
    std::unique_ptr<Cli> desk =
        startDevice(QStringLiteral("1002"), QStringLiteral("6f1c1d9e-0b0e-4a39-9d52-8c2b1b4f3a01"));
    std::unique_ptr<Cli> query = startCli({QStringLiteral("bindings")}, QStringLiteral("1002"));
    QCOMPARE(query->finish(20000), 0);
    const auto bindings = listed(query->output);
    // The desk phone's and ours: the query itself added none.
    QVERIFY2(bindings.size() == 2, qPrintable(query->output.right(3000)));
    QCOMPARE(int(bindings[0].second) + int(bindings[1].second), 1);
    QCOMPARE(query->lastLine(), QStringLiteral("BINDINGS 2"));
    QVERIFY2(query->output.contains(QLatin1String("(REGISTER without Contact)")), qPrintable(query->output));
    // Ours is gone again (un-REGISTER), the desk phone's stays.
    QCOMPARE(m_kamailio.bindings(QStringLiteral("1002")).size(), 1);
    stop(*desk);
}

void TestCliBindings::removesOneBinding()
{
    std::unique_ptr<Cli> desk =
        startDevice(QStringLiteral("1003"), QStringLiteral("6f1c1d9e-0b0e-4a39-9d52-8c2b1b4f3a02"));
    const QStringList before = m_kamailio.bindings(QStringLiteral("1003"));
    QCOMPARE(before.size(), 1);
    std::unique_ptr<Cli> remover =
        startCli({QStringLiteral("bindings"), QStringLiteral("--remove"), before.constFirst()}, QStringLiteral("1003"));
    QCOMPARE(remover->finish(20000), 0);
    QVERIFY2(remover->lastLine() == QStringLiteral("BINDINGS 1 (removed 1)"), qPrintable(remover->output.right(3000)));
    // Listed before (2) and after (1, ours) the removal.
    const auto bindings = listed(remover->output);
    QCOMPARE(bindings.size(), 3);
    QVERIFY(bindings.last().second);
    QVERIFY2(m_kamailio.bindings(QStringLiteral("1003")).isEmpty(),
             qPrintable(m_kamailio.bindings(QStringLiteral("1003")).join(u' ')));
    stop(*desk);
}

void TestCliBindings::removesAllOthers()
{
    std::unique_ptr<Cli> desk =
        startDevice(QStringLiteral("1004"), QStringLiteral("6f1c1d9e-0b0e-4a39-9d52-8c2b1b4f3a03"));
    std::unique_ptr<Cli> stale =
        startDevice(QStringLiteral("1004"), QStringLiteral("6f1c1d9e-0b0e-4a39-9d52-8c2b1b4f3a04"));
    QCOMPARE(m_kamailio.bindings(QStringLiteral("1004")).size(), 2);
    std::unique_ptr<Cli> remover =
        startCli({QStringLiteral("bindings"), QStringLiteral("--remove-others")}, QStringLiteral("1004"));
    QCOMPARE(remover->finish(20000), 0);
    QVERIFY2(remover->lastLine() == QStringLiteral("BINDINGS 1 (removed 2)"), qPrintable(remover->output.right(3000)));
    QVERIFY2(m_kamailio.bindings(QStringLiteral("1004")).isEmpty(),
             qPrintable(m_kamailio.bindings(QStringLiteral("1004")).join(u' ')));
    // Alone on the extension, there is nothing to remove.
    std::unique_ptr<Cli> alone =
        startCli({QStringLiteral("bindings"), QStringLiteral("--remove-others")}, QStringLiteral("1004"));
    QCOMPARE(alone->finish(20000), 0);
    QCOMPARE(alone->lastLine(), QStringLiteral("BINDINGS 1 (no other binding to remove)"));
    stop(*desk);
    stop(*stale);
}

void TestCliBindings::usageErrors()
{
    std::unique_ptr<Cli> both = startCli({QStringLiteral("bindings"), QStringLiteral("--remove"),
                                          QStringLiteral("sip:x@y"), QStringLiteral("--remove-others")},
                                         QStringLiteral("1005"));
    QCOMPARE(both->finish(10000), 2);
    QVERIFY2(both->output.contains(QLatin1String("exclude each other")), qPrintable(both->output));
}

QTEST_GUILESS_MAIN(TestCliBindings)
#include "TestCliBindings.moc"
