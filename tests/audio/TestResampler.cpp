// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/Resampler.h"

#include "tests/audio/AudioTestSupport.h"

#include <QTest>
#include <cmath>

class TestResampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsFrequencyAndLength_data();
    void keepsFrequencyAndLength();
    void passthroughCopies();
    void wholeFramesFromTheFirstCall_data();
    void wholeFramesFromTheFirstCall();
};

void TestResampler::keepsFrequencyAndLength_data()
{
    QTest::addColumn<int>("inputRate");
    QTest::addColumn<int>("outputRate");
    QTest::addColumn<double>("frequency");
    QTest::newRow("48k->8k") << 48000 << 8000 << 440.0;
    QTest::newRow("8k->48k") << 8000 << 48000 << 1000.0;
    QTest::newRow("44.1k->48k") << 44100 << 48000 << 440.0;
    QTest::newRow("48k->16k") << 48000 << 16000 << 3000.0;
    QTest::newRow("16k->44.1k") << 16000 << 44100 << 700.0;
}

void TestResampler::keepsFrequencyAndLength()
{
    QFETCH(int, inputRate);
    QFETCH(int, outputRate);
    QFETCH(double, frequency);
    Audio::Resampler resampler(inputRate, outputRate);
    QVERIFY(!resampler.isPassthrough());
    const std::vector<float> input = AudioTest::sine(frequency, inputRate, 1.0, 0.5f);
    // Feed in 20 ms chunks, as the media pipelines do.
    const int chunk = inputRate / 50;
    std::vector<float> output;
    std::vector<float> buffer(static_cast<std::size_t>(resampler.outputFramesFor(chunk) + 64));
    for (std::size_t offset = 0; offset + static_cast<std::size_t>(chunk) <= input.size();
         offset += static_cast<std::size_t>(chunk)) {
        const int produced =
            resampler.process(input.data() + offset, chunk, buffer.data(), static_cast<int>(buffer.size()));
        output.insert(output.end(), buffer.begin(), buffer.begin() + produced);
    }
    // Within the filter delay of the exact ratio.
    QVERIFY2(std::abs(static_cast<int>(output.size()) - outputRate) < outputRate / 50,
             qPrintable(QString::number(output.size())));
    const std::vector<float> steady = AudioTest::slice(output, static_cast<std::size_t>(outputRate / 10),
                                                       static_cast<std::size_t>(outputRate * 8 / 10));
    const double atTone = AudioTest::toneAmplitude(steady, outputRate, frequency);
    const double elsewhere = AudioTest::toneAmplitude(steady, outputRate, frequency * 1.37);
    QVERIFY2(std::abs(atTone - 0.5) < 0.05, qPrintable(QString::number(atTone)));
    QVERIFY(elsewhere < 0.01);
}

void TestResampler::passthroughCopies()
{
    Audio::Resampler resampler(48000, 48000);
    QVERIFY(resampler.isPassthrough());
    const std::vector<float> input = AudioTest::sine(440.0, 48000, 0.01);
    std::vector<float> output(input.size());
    QCOMPARE(
        resampler.process(input.data(), static_cast<int>(input.size()), output.data(), static_cast<int>(output.size())),
        static_cast<int>(input.size()));
    QCOMPARE(output, input);
}

void TestResampler::wholeFramesFromTheFirstCall_data()
{
    QTest::addColumn<int>("inputRate");
    QTest::addColumn<int>("outputRate");
    QTest::newRow("48k to 8k") << 48000 << 8000;
    QTest::newRow("8k to 48k") << 8000 << 48000;
    QTest::newRow("48k to 16k") << 48000 << 16000;
}

void TestResampler::wholeFramesFromTheFirstCall()
{
    // The media pipelines work in 20 ms frames: a short first call would stay behind as a backlog of
    // buffered audio for the whole call. Every 20 ms in gives exactly 20 ms out, from the first call on,
    // also after reset().
    QFETCH(int, inputRate);
    QFETCH(int, outputRate);
    Audio::Resampler resampler(inputRate, outputRate);
    const std::vector<float> input = AudioTest::sine(1000.0, inputRate, 0.02);
    std::vector<float> output(static_cast<std::size_t>(outputRate / 50 * 2));
    for (int round = 0; round < 2; ++round) {
        for (int frame = 0; frame < 5; ++frame) {
            const int produced = resampler.process(input.data(), static_cast<int>(input.size()), output.data(),
                                                   static_cast<int>(output.size()));
            QCOMPARE(produced, outputRate / 50);
        }
        resampler.reset();
    }
}

QTEST_GUILESS_MAIN(TestResampler)
#include "TestResampler.moc"
