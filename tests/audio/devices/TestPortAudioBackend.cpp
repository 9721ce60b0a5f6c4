// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/AudioStreamCallback.h"
#include "audio/devices/PortAudioBackend.h"

#include <QTest>
#include <atomic>

class TestPortAudioBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDevices();
    void unknownDeviceFallsBackToDefault();
};

namespace {
class CountingCallback : public Audio::AudioStreamCallback
{
public:
    void captured(const float *, int) noexcept override { m_captured.fetch_add(1); }
    void render(float *samples, int frames) noexcept override
    {
        for (int i = 0; i < frames; ++i)
            samples[i] = 0.0f;
        m_rendered.fetch_add(1);
    }
    std::atomic<int> m_captured{0};
    std::atomic<int> m_rendered{0};
};
} // namespace

void TestPortAudioBackend::listsDevices()
{
    Audio::PortAudioBackend backend;
    if (!backend.isInitialized())
        QSKIP("PortAudio could not initialise here");
    const auto inputs = backend.inputDevices();
    const auto outputs = backend.outputDevices();
    if (inputs.isEmpty() && outputs.isEmpty())
        QSKIP("PortAudio finds no input or output device here (no sound card, e.g. a headless build machine); "
              "nothing to check");
    for (const auto &device : inputs)
        QVERIFY(!device.name.isEmpty() && device.maxChannels > 0);
    for (const auto &device : outputs)
        QVERIFY(!device.name.isEmpty() && device.maxChannels > 0);
    qInfo("PortAudio: %lld inputs, %lld outputs, default output '%s'", static_cast<long long>(inputs.size()),
          static_cast<long long>(outputs.size()), qPrintable(backend.defaultOutputDevice()));
}

void TestPortAudioBackend::unknownDeviceFallsBackToDefault()
{
    Audio::PortAudioBackend backend;
    if (!backend.isInitialized() || backend.defaultOutputDevice().isEmpty())
        QSKIP("No PortAudio output device on this machine (headless); fallback not exercised");
    std::vector<Audio::AudioDeviceEvent> events;
    backend.setEventHandler([&](const Audio::AudioDeviceEvent &event) { events.push_back(event); });
    CountingCallback callback;
    const bool opened =
        backend.open({QStringLiteral("No such device"), QStringLiteral("No such device"), 48000, 480}, &callback);
    if (!opened)
        QSKIP("Default device would not open at 48 kHz");
    QVERIFY(!events.empty());
    QCOMPARE(events.back().kind, Audio::AudioDeviceEvent::Kind::OutputFellBackToDefault);
    QTRY_VERIFY_WITH_TIMEOUT(callback.m_rendered.load() > 3, 5000);
    backend.close();
}

QTEST_GUILESS_MAIN(TestPortAudioBackend)
#include "TestPortAudioBackend.moc"
