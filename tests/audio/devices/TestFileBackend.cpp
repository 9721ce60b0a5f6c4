// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/AudioStreamCallback.h"
#include "audio/devices/FileBackend.h"
#include "audio/devices/NullBackend.h"

#include "tests/audio/AudioTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <vector>

class TestFileBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loopsInputAndRecordsOutput();
    void silenceWithoutInputFile();
    void rejectsWrongRate();
    void reportsSimulatedOutputLoss();
    void nullBackendPaces();
};

namespace {
/// Copies captured audio into a preallocated buffer and plays it back (a loopback wire).
class LoopbackCallback : public Audio::AudioStreamCallback
{
public:
    explicit LoopbackCallback(std::size_t capacity) : m_captured(capacity) {}

    void captured(const float *samples, int frames) noexcept override
    {
        for (int i = 0; i < frames && m_count < m_captured.size(); ++i)
            m_captured[m_count++] = samples[i];
        m_lastFrames = frames;
        m_callbacks.fetch_add(1);
    }
    void render(float *samples, int frames) noexcept override
    {
        for (int i = 0; i < frames; ++i)
            samples[i] = 0.25f;
    }

    std::vector<float> captured() const { return AudioTest::slice(m_captured, 0, m_count); }
    int callbacks() const { return m_callbacks.load(); }

private:
    std::vector<float> m_captured;
    std::size_t m_count = 0;
    int m_lastFrames = 0;
    std::atomic<int> m_callbacks{0};
};
} // namespace

void TestFileBackend::loopsInputAndRecordsOutput()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.wav"));
    const QString output = dir.filePath(QStringLiteral("out.wav"));
    QVERIFY(AudioTest::writeWav(input, AudioTest::sine(1000.0, 16000, 0.05), 16000)); // 800 frames, loops
    LoopbackCallback callback(16000);
    {
        Audio::FileBackend backend;
        QVERIFY2(backend.open({input, output, 16000, 160}, &callback), qPrintable(backend.errorString()));
        QVERIFY(backend.isOpen());
        QCOMPARE(backend.sampleRateHz(), 16000);
        QTRY_VERIFY_WITH_TIMEOUT(callback.callbacks() >= 30, 10000);
        backend.close();
    }
    const std::vector<float> captured = callback.captured();
    QVERIFY(captured.size() >= 30 * 160);
    QVERIFY(AudioTest::toneAmplitude(captured, 16000, 1000.0) > 0.4); // continuous tone across the loop point
    int rate = 0;
    const std::vector<float> recorded = AudioTest::readWav(output, &rate);
    QCOMPARE(rate, 16000);
    QCOMPARE(recorded.size(), static_cast<std::size_t>(callback.callbacks()) * 160);
    QVERIFY(std::abs(recorded.front() - 0.25f) < 0.001f);
}

void TestFileBackend::silenceWithoutInputFile()
{
    LoopbackCallback callback(4800);
    Audio::FileBackend backend;
    QVERIFY(backend.open({QString(), QString(), 48000, 480}, &callback));
    QTRY_VERIFY_WITH_TIMEOUT(callback.callbacks() >= 5, 10000);
    backend.close();
    QCOMPARE(AudioTest::rms(callback.captured()), 0.0);
}

void TestFileBackend::rejectsWrongRate()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.wav"));
    QVERIFY(AudioTest::writeWav(input, AudioTest::sine(1000.0, 8000, 0.05), 8000));
    LoopbackCallback callback(16);
    Audio::FileBackend backend;
    QVERIFY(!backend.open({input, QString(), 48000, 480}, &callback));
    QVERIFY(backend.errorString().contains(QStringLiteral("8000")));
    QVERIFY(!backend.open({dir.filePath(QStringLiteral("missing.wav")), QString(), 48000, 480}, &callback));
    QVERIFY(!backend.isOpen());
}

void TestFileBackend::reportsSimulatedOutputLoss()
{
    LoopbackCallback callback(16);
    Audio::FileBackend backend;
    std::vector<Audio::AudioDeviceEvent> events;
    backend.setEventHandler([&](const Audio::AudioDeviceEvent &event) { events.push_back(event); });
    QVERIFY(backend.open({QString(), QStringLiteral("/dev/null"), 48000, 480}, &callback));
    backend.service();
    QVERIFY(events.empty());
    backend.simulateOutputLoss();
    backend.service();
    QCOMPARE(events.size(), std::size_t{1});
    QCOMPARE(events.front().kind, Audio::AudioDeviceEvent::Kind::OutputLost);
    QCOMPARE(events.front().deviceName, QStringLiteral("/dev/null"));
}

void TestFileBackend::nullBackendPaces()
{
    LoopbackCallback callback(16);
    Audio::NullBackend backend;
    QCOMPARE(backend.inputDevices().size(), 1);
    QVERIFY(backend.open({QString(), QString(), 8000, 80}, &callback));
    QTRY_VERIFY_WITH_TIMEOUT(callback.callbacks() >= 10, 10000);
    backend.close();
    const int after = callback.callbacks();
    QTest::qWait(50);
    QCOMPARE(callback.callbacks(), after); // no callbacks once closed
}

QTEST_GUILESS_MAIN(TestFileBackend)
#include "TestFileBackend.moc"
