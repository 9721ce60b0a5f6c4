// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/EchoCanceller.h"

#include "tests/audio/AudioTestSupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>

class TestEchoCanceller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesEcho_data();
    void removesEcho();
    void disabledPassesThrough();
    void constantFarEndDoesNotSuppressNearEnd();
};

namespace {
/// Speech-like far-end signal: noise bursts shaped by a slow envelope.
std::vector<float> farEnd(int rate, double seconds)
{
    QRandomGenerator random(7);
    std::vector<float> samples(static_cast<std::size_t>(rate * seconds));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double envelope = 0.5 + 0.5 * std::sin(2.0 * 3.14159265 * 1.3 * i / rate);
        samples[i] = static_cast<float>(0.3 * envelope * (random.generateDouble() * 2.0 - 1.0));
    }
    return samples;
}
} // namespace

void TestEchoCanceller::removesEcho_data()
{
    QTest::addColumn<int>("rate");
    QTest::newRow("16 kHz") << 16000;
    QTest::newRow("48 kHz") << 48000;
}

void TestEchoCanceller::removesEcho()
{
    QFETCH(int, rate);
    Audio::EchoCanceller canceller(rate);
    QVERIFY(canceller.isAvailable());
    canceller.setDelayHintMs(30);
    const std::vector<float> far = farEnd(rate, 6.0);
    const int delay = rate * 30 / 1000; // 30 ms echo path
    const int frame = rate / 50;        // 20 ms, as the media thread feeds it
    std::vector<float> inputTail;
    std::vector<float> outputTail;
    for (std::size_t offset = 0; offset + static_cast<std::size_t>(frame) <= far.size();
         offset += static_cast<std::size_t>(frame)) {
        std::vector<float> render(far.begin() + static_cast<std::ptrdiff_t>(offset),
                                  far.begin() + static_cast<std::ptrdiff_t>(offset) + frame);
        canceller.analyseRender(render.data(), frame);
        std::vector<float> capture(static_cast<std::size_t>(frame));
        for (int i = 0; i < frame; ++i) {
            const auto source = static_cast<std::ptrdiff_t>(offset) + i - delay;
            capture[static_cast<std::size_t>(i)] = source >= 0 ? 0.5f * far[static_cast<std::size_t>(source)] : 0.0f;
        }
        const bool measure = offset >= far.size() / 2; // after convergence
        if (measure)
            inputTail.insert(inputTail.end(), capture.begin(), capture.end());
        canceller.processCapture(capture.data(), frame);
        if (measure)
            outputTail.insert(outputTail.end(), capture.begin(), capture.end());
    }
    const double attenuationDb =
        20.0 * std::log10(AudioTest::rms(inputTail) / std::max(1e-9, AudioTest::rms(outputTail)));
    QVERIFY2(attenuationDb > 10.0, qPrintable(QString::number(attenuationDb)));
}

void TestEchoCanceller::disabledPassesThrough()
{
    Audio::EchoCanceller canceller(48000);
    canceller.setEnabled(false);
    QVERIFY(!canceller.isEnabled());
    std::vector<float> samples = AudioTest::sine(440.0, 48000, 0.02);
    const std::vector<float> original = samples;
    canceller.analyseRender(samples.data(), 960);
    canceller.processCapture(samples.data(), 960);
    QCOMPARE(samples, original);
}

void TestEchoCanceller::constantFarEndDoesNotSuppressNearEnd()
{
    // G.711 digital silence decodes to a small DC offset (PCMA 0xD5 -> +8/32768). That is no echo.
    Audio::EchoCanceller canceller(48000);
    const std::vector<float> nearEnd = AudioTest::sine(1000.0, 48000, 2.0, 0.5f);
    std::vector<float> farEnd(960, 8.0f / 32768.0f);
    std::vector<float> output;
    for (std::size_t offset = 0; offset + 960 <= nearEnd.size(); offset += 960) {
        canceller.analyseRender(farEnd.data(), 960);
        std::vector<float> capture(nearEnd.begin() + static_cast<std::ptrdiff_t>(offset),
                                   nearEnd.begin() + static_cast<std::ptrdiff_t>(offset) + 960);
        canceller.processCapture(capture.data(), 960);
        output.insert(output.end(), capture.begin(), capture.end());
    }
    const double level = AudioTest::toneAmplitude(AudioTest::slice(output, 48000, 48000), 48000, 1000.0);
    QVERIFY2(level > 0.4, qPrintable(QString::number(level)));
}

QTEST_GUILESS_MAIN(TestEchoCanceller)
#include "TestEchoCanceller.moc"
