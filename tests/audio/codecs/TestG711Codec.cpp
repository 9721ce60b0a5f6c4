// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/G711Codec.h"

#include "tests/audio/AudioTestSupport.h"

#include <QTest>
#include <cmath>

using Audio::G711Codec;

class TestG711Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownCodes();
    void decodedValuesAreFixedPoints_data();
    void decodedValuesAreFixedPoints();
    void roundTripError_data();
    void roundTripError();
    void sineSignalToNoise_data();
    void sineSignalToNoise();
    void concealmentFadesOut();
};

void TestG711Codec::knownCodes()
{
    // Reference values from ITU-T G.711 tables: silence and full scale.
    QCOMPARE(G711Codec::linearToMuLaw(0), std::uint8_t{0xFF});
    QCOMPARE(G711Codec::linearToALaw(0), std::uint8_t{0xD5});
    QCOMPARE(G711Codec::linearToMuLaw(32767), std::uint8_t{0x80});
    QCOMPARE(G711Codec::linearToMuLaw(-32768), std::uint8_t{0x00});
    QCOMPARE(G711Codec::linearToALaw(32767), std::uint8_t{0xAA});
    QCOMPARE(G711Codec::linearToALaw(-32768), std::uint8_t{0x2A});
    QCOMPARE(G711Codec::muLawToLinear(0x80), std::int16_t{32124});
    QCOMPARE(G711Codec::aLawToLinear(0xAA), std::int16_t{32256});
}

void TestG711Codec::decodedValuesAreFixedPoints_data()
{
    QTest::addColumn<bool>("muLaw");
    QTest::newRow("PCMU") << true;
    QTest::newRow("PCMA") << false;
}

void TestG711Codec::decodedValuesAreFixedPoints()
{
    // Every code decodes to a value that encodes back to a code with the same value.
    QFETCH(bool, muLaw);
    for (int code = 0; code < 256; ++code) {
        const auto byte = static_cast<std::uint8_t>(code);
        const std::int16_t value = muLaw ? G711Codec::muLawToLinear(byte) : G711Codec::aLawToLinear(byte);
        const std::uint8_t again = muLaw ? G711Codec::linearToMuLaw(value) : G711Codec::linearToALaw(value);
        const std::int16_t valueAgain = muLaw ? G711Codec::muLawToLinear(again) : G711Codec::aLawToLinear(again);
        QCOMPARE(valueAgain, value);
    }
}

void TestG711Codec::roundTripError_data()
{
    QTest::addColumn<bool>("muLaw");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("maxRelativeError");
    QTest::addColumn<int>("maxAbsoluteError");
    QTest::newRow("PCMU small") << true << -256 << 256 << 1.0 << 12; // step 16 plus the >> 2 truncation
    QTest::newRow("PCMU large") << true << 1024 << 32000 << 0.07 << 0;
    QTest::newRow("PCMU negative") << true << -32000 << -1024 << 0.07 << 0;
    QTest::newRow("PCMA small") << false << -256 << 256 << 1.0 << 16;
    QTest::newRow("PCMA large") << false << 1024 << 32000 << 0.07 << 0;
    QTest::newRow("PCMA negative") << false << -32000 << -1024 << 0.07 << 0;
}

void TestG711Codec::roundTripError()
{
    QFETCH(bool, muLaw);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(double, maxRelativeError);
    QFETCH(int, maxAbsoluteError);
    for (int value = from; value <= to; value += 7) {
        const auto sample = static_cast<std::int16_t>(value);
        const std::int16_t decoded = muLaw ? G711Codec::muLawToLinear(G711Codec::linearToMuLaw(sample))
                                           : G711Codec::aLawToLinear(G711Codec::linearToALaw(sample));
        const int error = std::abs(decoded - value);
        if (maxAbsoluteError > 0)
            QVERIFY2(error <= maxAbsoluteError, qPrintable(QStringLiteral("%1 -> %2").arg(value).arg(decoded)));
        else
            QVERIFY2(error <= maxRelativeError * std::abs(value),
                     qPrintable(QStringLiteral("%1 -> %2").arg(value).arg(decoded)));
    }
}

void TestG711Codec::sineSignalToNoise_data()
{
    QTest::addColumn<bool>("muLaw");
    QTest::newRow("PCMU") << true;
    QTest::newRow("PCMA") << false;
}

void TestG711Codec::sineSignalToNoise()
{
    QFETCH(bool, muLaw);
    G711Codec codec(muLaw ? G711Codec::Law::MuLaw : G711Codec::Law::ALaw);
    const std::vector<float> input = AudioTest::sine(1000.0, 8000, 0.5, 0.5f);
    std::vector<std::uint8_t> payload(input.size());
    std::vector<float> output(input.size());
    QCOMPARE(
        codec.encode(input.data(), static_cast<int>(input.size()), payload.data(), static_cast<int>(payload.size())),
        static_cast<int>(input.size()));
    QCOMPARE(
        codec.decode(payload.data(), static_cast<int>(payload.size()), output.data(), static_cast<int>(output.size())),
        static_cast<int>(input.size()));
    std::vector<float> noise(input.size());
    for (std::size_t i = 0; i < input.size(); ++i)
        noise[i] = output[i] - input[i];
    const double snrDb = 20.0 * std::log10(AudioTest::rms(input) / AudioTest::rms(noise));
    QVERIFY2(snrDb > 33.0, qPrintable(QString::number(snrDb))); // G.711 gives about 38 dB for a loud sine
}

void TestG711Codec::concealmentFadesOut()
{
    G711Codec codec(G711Codec::Law::MuLaw);
    const std::vector<float> input = AudioTest::sine(500.0, 8000, 0.02, 0.5f);
    std::vector<std::uint8_t> payload(input.size());
    std::vector<float> output(input.size());
    codec.encode(input.data(), 160, payload.data(), 160);
    codec.decode(payload.data(), 160, output.data(), 160);
    double previous = AudioTest::rms(output);
    for (int frame = 0; frame < 5; ++frame) {
        QCOMPARE(codec.conceal(output.data(), 160), 160);
        const double level = AudioTest::rms(output);
        QVERIFY(level < previous || level == 0.0);
        previous = level;
    }
    QCOMPARE(previous, 0.0);
}

QTEST_GUILESS_MAIN(TestG711Codec)
#include "TestG711Codec.moc"
