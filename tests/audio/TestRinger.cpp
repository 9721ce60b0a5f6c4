// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/Ringer.h"
#include "audio/devices/FileBackend.h"

#include "tests/audio/AudioTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

class TestRinger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringsTheCadence();
    void stopsAndRestarts();
    void ringbackIsOneLongTone();
    void unwritableDeviceIsAnError();
};

void TestRinger::ringsTheCadence()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.wav"));
    Audio::Ringer ringer(std::make_unique<Audio::FileBackend>());
    QVERIFY2(ringer.start(path, 0.5f), qPrintable(ringer.errorString()));
    QVERIFY(ringer.isRinging());
    QCOMPARE(ringer.activeDevice(), path);
    QTRY_VERIFY_WITH_TIMEOUT(AudioTest::wavSecondsWritten(path, Audio::Ringer::kSampleRateHz) >= 1.3, 10000);
    ringer.stop();
    QVERIFY(!ringer.isRinging());

    int rate = 0;
    const std::vector<float> ring = AudioTest::readWav(path, &rate);
    QCOMPARE(rate, Audio::Ringer::kSampleRateHz);
    QVERIFY(ring.size() >= static_cast<std::size_t>(rate * 12 / 10));
    auto part = [&](double from, double to) {
        return AudioTest::slice(ring, static_cast<std::size_t>(from * rate),
                                static_cast<std::size_t>((to - from) * rate));
    };
    // Both tones in each burst, silence between and after them.
    for (const auto &[from, to] : {std::pair{0.02, 0.38}, std::pair{0.62, 0.98}}) {
        const std::vector<float> burst = part(from, to);
        QVERIFY2(AudioTest::toneAmplitude(burst, rate, 400.0) > 0.15, qPrintable(QString::number(from)));
        QVERIFY(AudioTest::toneAmplitude(burst, rate, 450.0) > 0.15);
        QVERIFY(AudioTest::toneAmplitude(burst, rate, 1000.0) < 0.01);
        QVERIFY(AudioTest::rms(burst) < 0.5); // the volume is honoured: two tones of 0.25 each
    }
    QCOMPARE(AudioTest::rms(part(0.41, 0.59)), 0.0);
    QCOMPARE(AudioTest::rms(part(1.01, 1.2)), 0.0);
}

void TestRinger::stopsAndRestarts()
{
    QTemporaryDir dir;
    Audio::Ringer ringer(std::make_unique<Audio::FileBackend>());
    const QString first = dir.filePath(QStringLiteral("first.wav"));
    QVERIFY(ringer.start(first));
    QTRY_VERIFY_WITH_TIMEOUT(AudioTest::wavSecondsWritten(first, Audio::Ringer::kSampleRateHz) >= 0.2, 10000);
    ringer.stop();
    ringer.stop(); // twice is harmless
    const QString second = dir.filePath(QStringLiteral("second.wav"));
    QVERIFY(ringer.start(second));
    QTRY_VERIFY_WITH_TIMEOUT(AudioTest::wavSecondsWritten(second, Audio::Ringer::kSampleRateHz) >= 0.3, 10000);
    ringer.stop();
    int rate = 0;
    const std::vector<float> ring = AudioTest::readWav(second, &rate);
    // A new ring starts at the beginning of the cadence.
    QVERIFY(AudioTest::toneAmplitude(AudioTest::slice(ring, rate / 50, rate / 5), rate, 400.0) > 0.05);
}

void TestRinger::ringbackIsOneLongTone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ringback.wav"));
    Audio::Ringer ringer(std::make_unique<Audio::FileBackend>(), Audio::Ringer::Pattern::Ringback);
    QCOMPARE(Audio::Ringer::cadenceSeconds(ringer.pattern()), 6.0);
    QVERIFY(ringer.start(path));
    QTRY_VERIFY_WITH_TIMEOUT(AudioTest::wavSecondsWritten(path, Audio::Ringer::kSampleRateHz) >= 1.2, 10000);
    ringer.stop();
    int rate = 0;
    const std::vector<float> tone = AudioTest::readWav(path, &rate);
    QVERIFY(tone.size() >= static_cast<std::size_t>(rate));
    // No gap in the first second (the ring would have one at 0.4-0.6 s), and other frequencies than the ring.
    const std::vector<float> gap = AudioTest::slice(tone, rate * 42 / 100, rate * 16 / 100);
    QVERIFY(AudioTest::rms(gap) > 0.05);
    QVERIFY(AudioTest::toneAmplitude(gap, rate, 440.0) > 0.05);
    QVERIFY(AudioTest::toneAmplitude(gap, rate, 480.0) > 0.05);
    QVERIFY(AudioTest::toneAmplitude(gap, rate, 400.0) < 0.02);
}

void TestRinger::unwritableDeviceIsAnError()
{
    Audio::Ringer ringer(std::make_unique<Audio::FileBackend>());
    QVERIFY(!ringer.start(QStringLiteral("/nonexistent/dir/ring.wav")));
    QVERIFY(!ringer.isRinging());
    QVERIFY2(ringer.errorString().contains(QLatin1String("/nonexistent/dir/ring.wav")),
             qPrintable(ringer.errorString()));
    Audio::Ringer none(nullptr);
    QVERIFY(!none.start(QString()));
    QVERIFY(!none.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestRinger)
#include "TestRinger.moc"
