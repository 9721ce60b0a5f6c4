// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/Ringer.h"

#include "audio/devices/AudioDevice.h"
#include "audio/devices/AudioStreamCallback.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Audio {

/// The ring cadence as a pure function of the sample index: real-time safe, no state but a counter.
class Ringer::Tone : public AudioStreamCallback
{
public:
    Tone(Pattern pattern, float volume)
        : m_pattern(pattern), m_volume(std::clamp(volume, 0.0f, 1.0f)),
          m_lowHz(pattern == Pattern::Ring ? 400.0 : 440.0), m_highHz(pattern == Pattern::Ring ? 450.0 : 480.0),
          m_cadence(static_cast<std::int64_t>(cadenceSeconds(pattern) * kSampleRateHz))
    {
    }

    void captured(const float *, int) noexcept override {}

    // Real-time: arithmetic on the sample counter only; no allocation, locks or Qt.
    void render(float *samples, int frames) noexcept override
    {
        constexpr double rate = kSampleRateHz;
        for (int i = 0; i < frames; ++i, ++m_index) {
            const double t = static_cast<double>(m_index % m_cadence) / rate;
            const double gain = envelope(t);
            const double phase = 2.0 * std::numbers::pi * static_cast<double>(m_index) / rate;
            samples[i] = gain == 0.0 ? 0.0f
                                     : static_cast<float>(m_volume * gain * 0.5 *
                                                          (std::sin(m_lowHz * phase) + std::sin(m_highHz * phase)));
        }
    }

private:
    /// Where the tone sounds within the cadence, with 5 ms ramps at every edge against clicks.
    double envelope(double t) const
    {
        constexpr double ramp = 0.005;
        auto burst = [t](double from, double to) {
            if (t < from || t >= to)
                return 0.0;
            return std::min({1.0, (t - from) / ramp, (to - t) / ramp});
        };
        if (m_pattern == Pattern::Ring)
            return burst(0.0, 0.4) + burst(0.6, 1.0);
        return burst(0.0, 2.0);
    }

    const Pattern m_pattern;
    const float m_volume;
    const double m_lowHz;
    const double m_highHz;
    const std::int64_t m_cadence;
    std::int64_t m_index = 0;
};

Ringer::Ringer(std::unique_ptr<AudioDevice> device, Pattern pattern) : m_device(std::move(device)), m_pattern(pattern)
{
}

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
    m_tone = std::make_unique<Tone>(m_pattern, volume);
    AudioStreamConfig config;
    config.outputDeviceName = outputDeviceName;
    config.sampleRateHz = kSampleRateHz;
    config.framesPerBuffer = kSampleRateHz / 100;
    config.capture = false;
    if (!m_device->open(config, m_tone.get())) {
        m_error = m_device->errorString().isEmpty() ? QStringLiteral("The audio output could not be opened")
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
