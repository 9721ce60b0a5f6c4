// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/OpusCodec.h"

#include "tests/audio/AudioTestSupport.h"

#include <QTest>

using Audio::AudioCodec;
using Audio::CodecOptions;
using Audio::CodecType;

class TestOpusCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toneSurvivesEncodeDecode_data();
    void toneSurvivesEncodeDecode();
    void dtxSuppressesSilence();
    void concealmentProducesAFrame();
    void fecRecoversLostFrame();
};

namespace {
constexpr int kRate = 48000;
constexpr int kFrame = 960; // 20 ms

std::vector<float> roundTrip(AudioCodec &codec, const std::vector<float> &input, int *packets = nullptr)
{
    std::vector<float> output;
    std::vector<std::uint8_t> payload(1500);
    std::vector<float> decoded(5760);
    int sent = 0;
    for (std::size_t offset = 0; offset + kFrame <= input.size(); offset += kFrame) {
        const int bytes = codec.encode(input.data() + offset, kFrame, payload.data(), static_cast<int>(payload.size()));
        if (bytes < 0)
            return {};
        int samples = 0;
        if (bytes == 0) {
            samples = codec.conceal(decoded.data(), kFrame);
        } else {
            ++sent;
            samples = codec.decode(payload.data(), bytes, decoded.data(), static_cast<int>(decoded.size()));
        }
        output.insert(output.end(), decoded.begin(), decoded.begin() + samples);
    }
    if (packets)
        *packets = sent;
    return output;
}
} // namespace

void TestOpusCodec::toneSurvivesEncodeDecode_data()
{
    QTest::addColumn<double>("frequency");
    QTest::addColumn<int>("bitrate");
    QTest::newRow("1 kHz 32 kbit/s") << 1000.0 << 32000;
    QTest::newRow("1 kHz 12 kbit/s") << 1000.0 << 12000;
    QTest::newRow("440 Hz 24 kbit/s") << 440.0 << 24000;
}

void TestOpusCodec::toneSurvivesEncodeDecode()
{
    QFETCH(double, frequency);
    QFETCH(int, bitrate);
    CodecOptions options;
    options.bitrate = bitrate;
    auto codec = AudioCodec::create(CodecType::Opus, options);
    QVERIFY(codec);
    QCOMPARE(codec->sampleRateHz(), kRate);
    QCOMPARE(codec->rtpClockRateHz(), kRate);
    const std::vector<float> output = roundTrip(*codec, AudioTest::sine(frequency, kRate, 1.0, 0.5f));
    QCOMPARE(output.size(), std::size_t{48000});
    const std::vector<float> steady = AudioTest::slice(output, 9600, 38400); // skip codec start-up
    const double atTone = AudioTest::toneAmplitude(steady, kRate, frequency);
    const double below = AudioTest::toneAmplitude(steady, kRate, frequency / 2);
    const double above = AudioTest::toneAmplitude(steady, kRate, frequency * 1.5);
    QVERIFY2(atTone > 0.3, qPrintable(QString::number(atTone)));
    QVERIFY2(atTone > 20 * below && atTone > 20 * above,
             qPrintable(QStringLiteral("%1 %2 %3").arg(atTone).arg(below).arg(above)));
}

void TestOpusCodec::dtxSuppressesSilence()
{
    CodecOptions options;
    options.dtx = true;
    auto codec = AudioCodec::create(CodecType::Opus, options);
    QVERIFY(codec);
    int packets = 0;
    roundTrip(*codec, std::vector<float>(kRate * 2, 0.0f), &packets);
    QVERIFY2(packets < 50, qPrintable(QString::number(packets))); // 100 frames of silence, most not sent

    options.dtx = false;
    auto continuous = AudioCodec::create(CodecType::Opus, options);
    roundTrip(*continuous, std::vector<float>(kRate * 2, 0.0f), &packets);
    QCOMPARE(packets, 100);
}

void TestOpusCodec::concealmentProducesAFrame()
{
    auto codec = AudioCodec::create(CodecType::Opus);
    QVERIFY(codec);
    roundTrip(*codec, AudioTest::sine(1000.0, kRate, 0.2, 0.5f));
    std::vector<float> concealed(kFrame);
    QCOMPARE(codec->conceal(concealed.data(), kFrame), kFrame);
    // PLC continues the tone rather than falling silent at once.
    QVERIFY(AudioTest::toneAmplitude(concealed, kRate, 1000.0) > 0.05);
}

void TestOpusCodec::fecRecoversLostFrame()
{
    Audio::OpusCodec codec;
    QVERIFY(codec.isValid());
    const std::vector<float> input = AudioTest::sine(1000.0, kRate, 0.5, 0.5f);
    std::vector<std::uint8_t> payload(1500);
    std::vector<float> decoded(kFrame);
    int bytes = 0;
    for (std::size_t offset = 0; offset + kFrame <= input.size(); offset += kFrame) {
        bytes = codec.encode(input.data() + offset, kFrame, payload.data(), 1500);
        QVERIFY(bytes > 0);
        if (offset + 2 * kFrame <= input.size())
            codec.decode(payload.data(), bytes, decoded.data(), kFrame);
    }
    // The previous frame "was lost": rebuild it from the FEC data in the last packet.
    QCOMPARE(codec.recoverFromNext(payload.data(), bytes, decoded.data(), kFrame), kFrame);
    QVERIFY(AudioTest::toneAmplitude(decoded, kRate, 1000.0) > 0.1);
    QCOMPARE(codec.payloadSamples(payload.data(), bytes), kFrame);
}

QTEST_GUILESS_MAIN(TestOpusCodec)
#include "TestOpusCodec.moc"
