// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/AudioStreamCallback.h"
#include "audio/devices/LoopbackBackend.h"

#include <QTest>
#include <atomic>
#include <vector>

class TestLoopbackBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturesWhatWasPlayedOneBufferEarlier();
    void reopensWithSilence();
};

namespace {
/// Plays buffer n filled with the value n + 1 and remembers the first sample of every capture.
class CountingCallback : public Audio::AudioStreamCallback
{
public:
    void captured(const float *samples, int frames) noexcept override
    {
        const std::size_t index = m_captures.load();
        if (index < m_first.size()) {
            m_first[index] = samples[0];
            m_uniform[index] = true;
            for (int i = 1; i < frames; ++i)
                m_uniform[index] = m_uniform[index] && samples[i] == samples[0];
            m_captures.store(index + 1);
        }
    }
    void render(float *samples, int frames) noexcept override
    {
        const float value = static_cast<float>(++m_renders);
        for (int i = 0; i < frames; ++i)
            samples[i] = value;
    }

    std::size_t captures() const { return m_captures.load(); }
    float first(std::size_t index) const { return m_first[index]; }
    bool uniform(std::size_t index) const { return m_uniform[index]; }

private:
    std::vector<float> m_first = std::vector<float>(64, -1.0f);
    std::vector<bool> m_uniform = std::vector<bool>(64, false);
    std::atomic<std::size_t> m_captures{0};
    int m_renders = 0;
};
} // namespace

void TestLoopbackBackend::capturesWhatWasPlayedOneBufferEarlier()
{
    CountingCallback callback;
    Audio::LoopbackBackend backend;
    QVERIFY(backend.open({QString(), QString(), 16000, 160}, &callback));
    QVERIFY(backend.isOpen());
    QCOMPARE(backend.activeInputDevice(), Audio::LoopbackBackend::deviceName());
    QTRY_VERIFY_WITH_TIMEOUT(callback.captures() >= 20, 10000);
    backend.close();
    QVERIFY(!backend.isOpen());
    QCOMPARE(callback.first(0), 0.0f); // nothing was played before the first capture
    for (std::size_t i = 1; i < 20; ++i) {
        QCOMPARE(callback.first(i), static_cast<float>(i)); // buffer i - 1 was filled with i
        QVERIFY(callback.uniform(i));
    }
}

void TestLoopbackBackend::reopensWithSilence()
{
    CountingCallback first;
    Audio::LoopbackBackend backend;
    QVERIFY(backend.open({QString(), QString(), 16000, 160}, &first));
    QTRY_VERIFY_WITH_TIMEOUT(first.captures() >= 3, 10000);
    CountingCallback second;
    QVERIFY(backend.open({QString(), QString(), 8000, 80}, &second)); // the old stream's audio is gone
    QTRY_VERIFY_WITH_TIMEOUT(second.captures() >= 3, 10000);
    backend.close();
    QCOMPARE(second.first(0), 0.0f);
    QCOMPARE(second.first(1), 1.0f);
    QCOMPARE(backend.sampleRateHz(), 8000);
}

QTEST_GUILESS_MAIN(TestLoopbackBackend)
#include "TestLoopbackBackend.moc"
