// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/PcapngWriter.h"

#include "tests/support/LogTraffic.h"
#include "app/core/LogExport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

struct Block
{
    quint32 type = 0;
    QByteArray body;
};

QList<Block> readBlocks(const QByteArray &file)
{
    QList<Block> blocks;
    qsizetype offset = 0;
    while (offset + 12 <= file.size()) {
        const quint32 type = qFromLittleEndian<quint32>(file.constData() + offset);
        const quint32 length = qFromLittleEndian<quint32>(file.constData() + offset + 4);
        if (length < 12 || length % 4 || offset + length > file.size())
            return {};
        const quint32 trailer = qFromLittleEndian<quint32>(file.constData() + offset + length - 4);
        if (trailer != length)
            return {};
        blocks.append({type, file.mid(offset + 8, length - 12)});
        offset += length;
    }
    return offset == file.size() ? blocks : QList<Block>();
}

QByteArray packetOf(const Block &epb)
{
    const quint32 captured = qFromLittleEndian<quint32>(epb.body.constData() + 12);
    return epb.body.mid(20, captured);
}

quint32 sum16(QByteArrayView data)
{
    quint32 sum = 0;
    for (qsizetype i = 0; i + 1 < data.size(); i += 2)
        sum += (quint8(data[i]) << 8) | quint8(data[i + 1]);
    if (data.size() % 2)
        sum += quint8(data[data.size() - 1]) << 8;
    return sum;
}

quint16 fold(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(sum);
}

} // namespace

class TestPcapngWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesBlocksAndHeaders();
    void checksumsVerify();
    void ipv6AndTcp();
    void masksCredentials();
    void parsesEndpoints_data();
    void parsesEndpoints();
    void tsharkReadsIt();

private:
    QList<Sip::LogEntry> sample() const
    {
        return LogTraffic::registration(QStringLiteral("l1"),
                                        QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
    }
};

void TestPcapngWriter::writesBlocksAndHeaders()
{
    const QList<Sip::LogEntry> entries = sample();
    const QByteArray file = Gui::PcapngWriter::write(entries, false);
    const QList<Block> blocks = readBlocks(file);
    QCOMPARE(blocks.size(), 2 + 4); // SHB, IDB and the four messages; the step is not a packet
    QCOMPARE(blocks[0].type, 0x0A0D0D0Au);
    QCOMPARE(qFromLittleEndian<quint32>(blocks[0].body.constData()), 0x1A2B3C4Du);
    QCOMPARE(blocks[1].type, 1u);
    QCOMPARE(qFromLittleEndian<quint16>(blocks[1].body.constData()), quint16(101));
    for (int i = 2; i < blocks.size(); ++i)
        QCOMPARE(blocks[i].type, 6u);

    // Timestamp in microseconds, from the entry.
    const Block &first = blocks[2];
    const quint64 micros = (quint64(qFromLittleEndian<quint32>(first.body.constData() + 4)) << 32) |
                           qFromLittleEndian<quint32>(first.body.constData() + 8);
    QCOMPARE(micros, quint64(entries[1].timestamp.toMSecsSinceEpoch()) * 1000);

    // IPv4 + UDP from our Via address to the peer; the payload is the raw message.
    const QByteArray packet = packetOf(first);
    QCOMPARE(quint8(packet[0]), quint8(0x45));
    QCOMPARE(quint8(packet[9]), quint8(17));
    QCOMPARE(qFromBigEndian<quint32>(packet.constData() + 12),
             QHostAddress(QStringLiteral("127.0.0.1")).toIPv4Address());
    QCOMPARE(qFromBigEndian<quint16>(packet.constData() + 20), quint16(40000));
    QCOMPARE(qFromBigEndian<quint16>(packet.constData() + 22), quint16(5060));
    QCOMPARE(packet.mid(28), entries[1].raw);

    // A response comes from the peer to us.
    const QByteArray response = packetOf(blocks[3]);
    QCOMPARE(qFromBigEndian<quint16>(response.constData() + 20), quint16(5060));
    QCOMPARE(qFromBigEndian<quint16>(response.constData() + 22), quint16(40000));
}

void TestPcapngWriter::checksumsVerify()
{
    const QList<Block> blocks = readBlocks(Gui::PcapngWriter::write(sample(), false));
    for (int i = 2; i < blocks.size(); ++i) {
        const QByteArray packet = packetOf(blocks[i]);
        QCOMPARE(fold(sum16(packet.left(20))), quint16(0xFFFF)); // IPv4 header checksum
        const QByteArray udp = packet.mid(20);
        QCOMPARE(qFromBigEndian<quint16>(udp.constData() + 4), quint16(udp.size()));
        QByteArray pseudo = packet.mid(12, 8);
        pseudo.append('\0').append(char(17));
        char length[2];
        qToBigEndian(quint16(udp.size()), length);
        pseudo.append(length, 2);
        QCOMPARE(fold(sum16(pseudo) + sum16(udp)), quint16(0xFFFF));
    }
}

void TestPcapngWriter::ipv6AndTcp()
{
    QList<Sip::LogEntry> entries = sample();
    for (Sip::LogEntry &entry : entries) {
        entry.peer = QStringLiteral("[::1]:5060");
        entry.transport = QStringLiteral("tcp");
    }
    const QList<Block> blocks = readBlocks(Gui::PcapngWriter::write(entries, false));
    QCOMPARE(blocks.size(), 6);
    quint32 expectedSequence = 1;
    for (int i = 2; i < blocks.size(); ++i) {
        const QByteArray packet = packetOf(blocks[i]);
        QCOMPARE(quint8(packet[0]) >> 4, 6);
        QCOMPARE(quint8(packet[6]), quint8(6)); // next header TCP
        const QByteArray tcp = packet.mid(40);
        QCOMPARE(qFromBigEndian<quint16>(packet.constData() + 4), quint16(tcp.size()));
        QByteArray pseudo = packet.mid(8, 32);
        char length[4];
        qToBigEndian(quint32(tcp.size()), length);
        pseudo.append(length, 4).append(3, '\0').append(char(6));
        QCOMPARE(fold(sum16(pseudo) + sum16(tcp)), quint16(0xFFFF));
        if (i == 4) // our second request continues our byte stream
            QCOMPARE(qFromBigEndian<quint32>(tcp.constData() + 4), expectedSequence);
        if (i == 2)
            expectedSequence = 1 + quint32(entries[1].raw.size());
    }
}

void TestPcapngWriter::masksCredentials()
{
    const QByteArray masked = Gui::PcapngWriter::write(sample(), true);
    QVERIFY(!masked.contains("6629fae49393a05397450978507c4ef1"));
    QVERIFY(masked.contains("response=\"********\""));
    QVERIFY(Gui::PcapngWriter::write(sample(), false).contains("6629fae49393a05397450978507c4ef1"));
}

void TestPcapngWriter::parsesEndpoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << QStringLiteral("192.0.2.1:5080") << QStringLiteral("192.0.2.1") << 5080;
    QTest::newRow("v6") << QStringLiteral("[2001:db8::1]:5061") << QStringLiteral("2001:db8::1") << 5061;
    QTest::newRow("no port") << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.1") << 0;
    QTest::newRow("name") << QStringLiteral("pbx.example:5060") << QString() << 5060;
}

void TestPcapngWriter::parsesEndpoints()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    const Gui::PcapngWriter::Endpoint endpoint = Gui::PcapngWriter::parseEndpoint(text);
    QCOMPARE(endpoint.address.isNull() ? QString() : endpoint.address.toString(), address);
    QCOMPARE(int(endpoint.port), port);
}

void TestPcapngWriter::tsharkReadsIt()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.pcapng"));
    QString error;
    QVERIFY2(Gui::LogExport::saveToFile(path, sample(), true, &error), qPrintable(error));
    QProcess process;
    process.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-o"), QStringLiteral("udp.check_checksum:TRUE"),
                           QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                           QStringLiteral("sip.Method"), QStringLiteral("-e"), QStringLiteral("sip.Status-Code"),
                           QStringLiteral("-e"), QStringLiteral("udp.checksum.status")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith(QStringLiteral("REGISTER\t")), qPrintable(lines[0]));
    QVERIFY2(lines[1].contains(QStringLiteral("401")), qPrintable(lines[1]));
    QVERIFY2(lines[3].contains(QStringLiteral("200")), qPrintable(lines[3]));
    for (const QString &line : lines)
        QVERIFY2(line.endsWith(QStringLiteral("\t2")) || line.endsWith(QStringLiteral("\t1")),
                 qPrintable(line)); // 1 = good
}

QTEST_GUILESS_MAIN(TestPcapngWriter)
#include "TestPcapngWriter.moc"
