// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/Ringer.h"

#include "audio/AudioDevice.h"
#include "audio/AudioStreamCallback.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Audio {

/// The ring cadence as a pure function of the sample index: real-time safe, no state but a counter.
class Ringer::Tone : public AudioStreamCallback
{
public:
    explicit Tone(float volume) : m_volume(std::clamp(volume, 0.0f, 1.0f)) {}

    void captured(const float *, int) noexcept override {}

    void render(float *samples, int frames) noexcept override
    {
        constexpr double rate = kSampleRateHz;
        constexpr auto cadence = static_cast<std::int64_t>(kCadenceSeconds * rate);
        for (int i = 0; i < frames; ++i, ++m_index) {
            const double t = static_cast<double>(m_index % cadence) / rate;
            const double gain = envelope(t);
            const double phase = 2.0 * std::numbers::pi * static_cast<double>(m_index) / rate;
            samples[i] = gain == 0.0 ? 0.0f
                                     : static_cast<float>(m_volume * gain * 0.5 *
                                                          (std::sin(400.0 * phase) + std::sin(450.0 * phase)));
        }
    }

private:
    /// 0.4 s on, 0.2 s off, 0.4 s on, then silence to the end of the cadence; 5 ms ramps at every edge.
    static double envelope(double t)
    {
        constexpr double ramp = 0.005;
        auto burst = [](double t, double from, double to) {
            if (t < from || t >= to)
                return 0.0;
            return std::min({1.0, (t - from) / ramp, (to - t) / ramp});
        };
        return burst(t, 0.0, 0.4) + burst(t, 0.6, 1.0);
    }

    const float m_volume;
    std::int64_t m_index = 0;
};

Ringer::Ringer(std::unique_ptr<AudioDevice> device) : m_device(std::move(device)) {}

Ringer::~Ringer()
{
    stop();
}

bool Ringer::start(const QString &outputDeviceName, float volume)
{
    stop();
    m_error.clear();
    m_fellBackTo.clear();
    if (!m_device) {
        m_error = QStringLiteral("No audio output");
        return false;
    }
    m_device->setEventHandler([this](const AudioDeviceEvent &event) {
        if (event.kind == AudioDeviceEvent::Kind::OutputFellBackToDefault)
            m_fellBackTo = event.replacementName;
    });
    m_tone = std::make_unique<Tone>(volume);
    AudioStreamConfig config;
    config.outputDeviceName = outputDeviceName;
    config.sampleRateHz = kSampleRateHz;
    config.framesPerBuffer = kSampleRateHz / 100;
    config.capture = false;
    if (!m_device->open(config, m_tone.get())) {
        m_error = m_device->errorString().isEmpty() ? QStringLiteral("The ringing device could not be opened")
                                                    : m_device->errorString();
        m_tone.reset();
        return false;
    }
    m_device->service(); // delivers a fallback reported while opening
    return true;
}

void Ringer::stop()
{
    if (m_device && m_device->isOpen())
        m_device->close();
    if (m_device)
        m_device->setEventHandler({});
    m_tone.reset();
}

bool Ringer::isRinging() const
{
    return m_tone && m_device && m_device->isOpen();
}

QString Ringer::activeDevice() const
{
    return isRinging() ? m_device->activeOutputDevice() : QString();
}

} // namespace Audio
