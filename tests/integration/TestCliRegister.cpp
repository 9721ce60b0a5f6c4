// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// offhook-cli register, end to end: real Kamailio for the normal cases, sipp for the failures that a
// healthy registrar never produces.

#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

constexpr quint32 SectionHeaderBlock = 0x0A0D0D0A;
constexpr quint32 ByteOrderMagic = 0x1A2B3C4D;
constexpr quint32 EnhancedPacketBlock = 6;

/// The pcapng blocks of file as (type, body); empty when a length or trailer is wrong.
QList<std::pair<quint32, QByteArray>> pcapngBlocks(const QByteArray &file)
{
    QList<std::pair<quint32, QByteArray>> blocks;
    qsizetype offset = 0;
    while (offset + 12 <= file.size()) {
        const quint32 type = qFromLittleEndian<quint32>(file.constData() + offset);
        const quint32 length = qFromLittleEndian<quint32>(file.constData() + offset + 4);
        if (length < 12 || length % 4 || offset + length > file.size() ||
            qFromLittleEndian<quint32>(file.constData() + offset + length - 4) != length)
            return {};
        blocks.append({type, file.mid(offset + 8, length - 12)});
        offset += length;
    }
    return offset == file.size() ? blocks : QList<std::pair<quint32, QByteArray>>();
}

} // namespace

class TestCliRegister : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registersAndUnregisters();
    void wrongPasswordExits3AfterTwoRegisters();
    void unknownExtensionExits4();
    void passwordFromFileAndStdin();
    void usageErrors_data();
    void usageErrors();
    void holdRefreshes();
    void sippFailures_data();
    void sippFailures();
    void replacedByAnotherDeviceIsSaid();
    void noAnswerTimesOutInBoundedTime();
    void nothingListeningIsANetworkFailure();
    void pcapngMasksCredentials();
    void pcapngKeepsCredentialsWithNoMask();

private:
    struct Result
    {
        int exitCode = -1;
        QString output;
        QString lastLine;
        qint64 elapsedMs = 0;
    };
    Result run(const QStringList &arguments, const QString &password = QString(), const QByteArray &input = {},
               int timeoutMs = 60000);
    static int count(const QString &output, const QString &pattern);
    /// Registers 1005 with --pcapng (plus extra arguments); the SIP payloads of the file's packets, or
    /// a failed check when the file is not pcapng.
    void registerWithCapture(const QStringList &extra, QByteArray *payloads);

    QString m_cli;
    Test::KamailioServer m_kamailio;
};

void TestCliRegister::initTestCase()
{
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    Test::KamailioServer::Options options;
    options.minExpires = 2;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCliRegister::cleanupTestCase()
{
    m_kamailio.stop();
}

TestCliRegister::Result TestCliRegister::run(const QStringList &arguments, const QString &password,
                                             const QByteArray &input, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OFFHOOK_PASSWORD"));
    if (!password.isNull())
        environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), password);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(m_cli, arguments);
    process.waitForStarted();
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output =
        QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError());
    const QStringList all = result.output.trimmed().split(QLatin1Char('\n'));
    result.lastLine = all.isEmpty() ? QString() : all.constLast();
    return result;
}

int TestCliRegister::count(const QString &output, const QString &pattern)
{
    return int(output.count(QRegularExpression(pattern, QRegularExpression::MultilineOption)));
}

void TestCliRegister::registersAndUnregisters()
{
    const Result result =
        run({QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
             QStringLiteral("--extension"), QStringLiteral("1001"), QStringLiteral("--expires"), QStringLiteral("120")},
            m_kamailio.password(QStringLiteral("1001")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QCOMPARE(result.lastLine, QStringLiteral("REGISTERED sip:1001@127.0.0.1 expires=120"));
    // REGISTER, 401, REGISTER with digest, 200; then the un-REGISTER and its 200.
    QCOMPARE(count(result.output, QStringLiteral("^\\S+ send REGISTER ")), 3);
    QCOMPARE(count(result.output, QStringLiteral("^\\S+ recv 401 Unauthorized ")), 1);
    QCOMPARE(count(result.output, QStringLiteral("^Authorization: Digest ")), 2); // digest + un-REGISTER
    QVERIFY(result.output.contains(QLatin1String("Retrying REGISTER with updated authentication")));
    QVERIFY(result.output.contains(QLatin1String("Expires: 0")));
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("sip:1001@127.0.0.1")).isEmpty(), 5000);
}

void TestCliRegister::wrongPasswordExits3AfterTwoRegisters()
{
    const Result result = run({QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                               QStringLiteral("--extension"), QStringLiteral("1002")},
                              QStringLiteral("wrong"));
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(count(result.output, QStringLiteral("^\\S+ send REGISTER ")), 2);
    QVERIFY2(result.lastLine.startsWith(QLatin1String("FAILED 401 Unauthorized: ")), qPrintable(result.lastLine));
    QVERIFY(result.lastLine.contains(QLatin1String("Auth User or Password")));
}

void TestCliRegister::unknownExtensionExits4()
{
    const Result result = run({QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                               QStringLiteral("--extension"), QStringLiteral("9999")},
                              QStringLiteral("x"));
    QCOMPARE(result.exitCode, 4);
    QVERIFY2(QRegularExpression(QStringLiteral("^FAILED 40[34] ")).match(result.lastLine).hasMatch(),
             qPrintable(result.lastLine));
    QVERIFY(result.lastLine.contains(QLatin1String("left of the @")));
}

void TestCliRegister::passwordFromFileAndStdin()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_kamailio.password(QStringLiteral("1003")).toUtf8() + "\n");
    file.close();
    const QStringList base = {QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                              QStringLiteral("--extension"), QStringLiteral("1003")};
    Result result = run(base + QStringList{QStringLiteral("--password-file"), path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    result = run(base + QStringList{QStringLiteral("--password-file"), QStringLiteral("-")}, QString(),
                 m_kamailio.password(QStringLiteral("1003")).toUtf8() + "\n");
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    result = run(base + QStringList{QStringLiteral("--password-file"), dir.filePath(QStringLiteral("missing"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.output.contains(QLatin1String("cannot read the password file")));
}

void TestCliRegister::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "no command";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("dance")} << "unknown command";
    QTest::newRow("no server") << QStringList{QStringLiteral("register"), QStringLiteral("--extension"),
                                              QStringLiteral("1")}
                               << "required";
    QTest::newRow("password on command line")
        << QStringList{QStringLiteral("register"),    QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("--extension"), QStringLiteral("1"),        QStringLiteral("--password"),
                       QStringLiteral("secret")}
        << "not taken on the command line";
    QTest::newRow("bad transport") << QStringList{QStringLiteral("register"),  QStringLiteral("--server"),
                                                  QStringLiteral("127.0.0.1"), QStringLiteral("--extension"),
                                                  QStringLiteral("1"),         QStringLiteral("--transport"),
                                                  QStringLiteral("smoke")}
                                   << "udp, tcp or tls";
    QTest::newRow("bad server") << QStringList{QStringLiteral("register"), QStringLiteral("--server"),
                                               QStringLiteral("pbx:99999"), QStringLiteral("--extension"),
                                               QStringLiteral("1")}
                                << "port";
    QTest::newRow("extension with @") << QStringList{QStringLiteral("register"), QStringLiteral("--server"),
                                                     QStringLiteral("pbx"), QStringLiteral("--extension"),
                                                     QStringLiteral("1@pbx")}
                                      << "left of the @";
    QTest::newRow("bad expires") << QStringList{QStringLiteral("register"), QStringLiteral("--server"),
                                                QStringLiteral("pbx"),      QStringLiteral("--extension"),
                                                QStringLiteral("1"),        QStringLiteral("--expires"),
                                                QStringLiteral("-5")}
                                 << "seconds";
    QTest::newRow("no-mask without pcapng")
        << QStringList{QStringLiteral("register"),    QStringLiteral("--server"), QStringLiteral("pbx"),
                       QStringLiteral("--extension"), QStringLiteral("1"),        QStringLiteral("--no-mask")}
        << "--pcapng";
}

void TestCliRegister::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments, QStringLiteral("x"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.output.contains(message), qPrintable(result.output));
}

void TestCliRegister::holdRefreshes()
{
    const Result result = run({QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                               QStringLiteral("--extension"), QStringLiteral("1004"), QStringLiteral("--expires"),
                               QStringLiteral("3"), QStringLiteral("--hold"), QStringLiteral("5")},
                              m_kamailio.password(QStringLiteral("1004")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY(result.output.contains(QLatin1String("refreshed")));
    QVERIFY(count(result.output, QStringLiteral("^\\S+ send REGISTER ")) >= 4);
    QVERIFY(result.lastLine.startsWith(QLatin1String("REGISTERED sip:1004@127.0.0.1 expires=")));
}

void TestCliRegister::sippFailures_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("lastLinePattern");
    QTest::addColumn<int>("registers");
    QTest::newRow("401 then 403") << "uas_401_then_403.xml" << 4 << "^FAILED 403 .*left of the @" << 2;
    QTest::newRow("401 then 404") << "uas_401_then_404.xml" << 4 << "^FAILED 404 .*left of the @" << 2;
    QTest::newRow("401 then 402") << "uas_401_then_402.xml" << 4 << "^FAILED 402 .*left of the @" << 2;
    QTest::newRow("401 then 503") << "uas_401_then_503.xml" << 4 << "^FAILED 503 .*down or overloaded" << 2;
    QTest::newRow("401 twice") << "uas_401_twice.xml" << 3 << "^FAILED 401 .*Auth User or Password" << 2;
    QTest::newRow("sha-256 only") << "uas_401_sha256_only.xml" << 3 << "^FAILED 401 .*SHA-256" << 1;
    QTest::newRow("no challenge") << "uas_200_no_challenge.xml" << 0 << "^REGISTERED sip:1001@127.0.0.1" << -1;
    // Another device's binding on the same extension, listed first: ours is read back by its Contact.
    QTest::newRow("other binding first") << "uas_200_other_binding_first.xml" << 0
                                         << "^REGISTERED sip:1001@127.0.0.1 expires=600$" << -1;
    QTest::newRow("our binding missing") << "uas_200_without_our_binding.xml" << 4
                                         << "^FAILED 200 .*does not include this phone" << -1;
    QTest::newRow("malformed then ok") << "uas_malformed_response.xml" << 0 << "^REGISTERED sip:1001@127.0.0.1" << -1;
}

void TestCliRegister::sippFailures()
{
    QFETCH(QString, scenario);
    QFETCH(int, exitCode);
    QFETCH(QString, lastLinePattern);
    QFETCH(int, registers);
    Test::SippProcess sipp;
    QVERIFY2(sipp.startServer(scenario), qPrintable(sipp.errorText()));
    const Result result =
        run({QStringLiteral("register"), QStringLiteral("--server"), sipp.address(), QStringLiteral("--extension"),
             QStringLiteral("1001"), QStringLiteral("--timeout"), QStringLiteral("10")},
            QStringLiteral("secret"));
    sipp.stop();
    QVERIFY2(result.exitCode == exitCode, qPrintable(result.output));
    QVERIFY2(QRegularExpression(lastLinePattern).match(result.lastLine).hasMatch(), qPrintable(result.lastLine));
    if (registers >= 0)
        QCOMPARE(count(result.output, QStringLiteral("^\\S+ send REGISTER ")) -
                     count(result.output, QStringLiteral("^Expires: 0")),
                 registers);
    // The first REGISTER never carries credentials.
    const qsizetype firstSend = result.output.indexOf(QLatin1String(" send REGISTER "));
    const qsizetype firstEnd = result.output.indexOf(QLatin1String("\n\n"), firstSend);
    QVERIFY(firstSend >= 0);
    QVERIFY(!result.output.mid(firstSend, firstEnd - firstSend).contains(QLatin1String("Authorization:")));
}

void TestCliRegister::replacedByAnotherDeviceIsSaid()
{
    // A registrar that keeps one binding per extension: at the refresh another device's binding has
    // replaced ours, which is a failure with the reason, not a silent "registered".
    Test::SippProcess sipp;
    QVERIFY2(sipp.startServer(QStringLiteral("uas_200_then_replaced.xml")), qPrintable(sipp.errorText()));
    const Result result =
        run({QStringLiteral("register"), QStringLiteral("--server"), sipp.address(), QStringLiteral("--extension"),
             QStringLiteral("1001"), QStringLiteral("--hold"), QStringLiteral("30")},
            QStringLiteral("secret"), {}, 40000);
    sipp.stop();
    QVERIFY2(result.output.contains(QLatin1String("REGISTER succeeded for sip:1001@")), qPrintable(result.output));
    QVERIFY2(result.exitCode == 4, qPrintable(result.output.right(3000)));
    QVERIFY2(QRegularExpression(QStringLiteral("^FAILED 200 .*replaced this phone's registration"))
                 .match(result.lastLine)
                 .hasMatch(),
             qPrintable(result.lastLine));
    QVERIFY2(result.elapsedMs < 20000,
             qPrintable(QString::number(result.elapsedMs))); // at the refresh, not at --hold's end
}

void TestCliRegister::noAnswerTimesOutInBoundedTime()
{
    Test::SippProcess sipp;
    QVERIFY2(sipp.startServer(QStringLiteral("uas_no_answer.xml")), qPrintable(sipp.errorText()));
    const Result result =
        run({QStringLiteral("register"), QStringLiteral("--server"), sipp.address(), QStringLiteral("--extension"),
             QStringLiteral("1001"), QStringLiteral("--timeout"), QStringLiteral("4")},
            QStringLiteral("secret"));
    sipp.stop();
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(result.lastLine.startsWith(QLatin1String("FAILED 408 ")), qPrintable(result.lastLine));
    QVERIFY(result.lastLine.contains(QLatin1String("firewall")));
    QVERIFY2(result.elapsedMs < 20000, "a --timeout 4 must end the attempt in bounded time");
    QVERIFY(count(result.output, QStringLiteral("^\\S+ send REGISTER ")) >= 2); // retransmissions are logged
}

void TestCliRegister::nothingListeningIsANetworkFailure()
{
    const Result result = run({QStringLiteral("register"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:9"),
                               QStringLiteral("--extension"), QStringLiteral("1001"), QStringLiteral("--transport"),
                               QStringLiteral("tcp"), QStringLiteral("--timeout"), QStringLiteral("5")},
                              QStringLiteral("secret"));
    QCOMPARE(result.exitCode, 6);
    QVERIFY2(result.lastLine.contains(QLatin1String("refused")), qPrintable(result.lastLine));
}

void TestCliRegister::registerWithCapture(const QStringList &extra, QByteArray *payloads)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.pcapng"));
    const Result result =
        run(QStringList{QStringLiteral("register"), QStringLiteral("--server"), m_kamailio.address(),
                        QStringLiteral("--extension"), QStringLiteral("1005"), QStringLiteral("--pcapng"), path} +
                extra,
            m_kamailio.password(QStringLiteral("1005")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY2(result.lastLine.startsWith(QLatin1String("REGISTERED sip:1005@127.0.0.1 ")), qPrintable(result.lastLine));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    const QList<std::pair<quint32, QByteArray>> blocks = pcapngBlocks(bytes);
    QVERIFY2(!blocks.isEmpty(), "not a sequence of pcapng blocks");
    QCOMPARE(blocks.constFirst().first, SectionHeaderBlock);
    QCOMPARE(qFromLittleEndian<quint32>(blocks.constFirst().second.constData()), ByteOrderMagic);
    int packets = 0;
    for (const auto &[type, body] : blocks) {
        if (type != EnhancedPacketBlock)
            continue;
        ++packets;
        // Interface id, timestamp (2 x 32 bits), captured and original length, then the raw IPv4 packet
        // (20-byte header) with its UDP header (8 bytes) before the SIP message.
        const quint32 captured = qFromLittleEndian<quint32>(body.constData() + 12);
        payloads->append(body.mid(20, captured).mid(20 + 8));
    }
    // REGISTER, 401, REGISTER with digest, 200, un-REGISTER, 200.
    QVERIFY2(packets >= 6, qPrintable(QString::number(packets)));
}

void TestCliRegister::pcapngMasksCredentials()
{
    QByteArray payloads;
    registerWithCapture({}, &payloads);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QString::fromLatin1(payloads).contains(QRegularExpression(QStringLiteral("\r\nCSeq: \\d+ REGISTER\r\n"))));
    QVERIFY(payloads.startsWith("REGISTER sip:"));
    QVERIFY(payloads.contains("Authorization: Digest "));
    QVERIFY2(payloads.contains("response=\"********\""), payloads.constData());
    QVERIFY(!QString::fromLatin1(payloads).contains(QRegularExpression(QStringLiteral("response=\"[0-9a-f]{32}\""))));
    QVERIFY(payloads.contains("WWW-Authenticate: Digest ")); // the challenge is kept
}

void TestCliRegister::pcapngKeepsCredentialsWithNoMask()
{
    QByteArray payloads;
    registerWithCapture({QStringLiteral("--no-mask")}, &payloads);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(payloads.startsWith("REGISTER sip:"));
    QVERIFY(!payloads.contains("response=\"********\""));
    QVERIFY2(QString::fromLatin1(payloads).contains(QRegularExpression(QStringLiteral("response=\"[0-9a-f]{32}\""))),
             payloads.constData());
}

QTEST_GUILESS_MAIN(TestCliRegister)
#include "TestCliRegister.moc"
