// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/FileBackend.h"

#include "audio/devices/AudioStreamCallback.h"

#include <algorithm>

namespace Audio {

FileBackend::FileBackend(bool loopInput) : m_loopInput(loopInput) {}

FileBackend::~FileBackend()
{
    close();
}

QList<AudioDeviceInfo> FileBackend::inputDevices() const
{
    return {}; // any readable WAV path is a device
}

QList<AudioDeviceInfo> FileBackend::outputDevices() const
{
    return {};
}

bool FileBackend::open(const AudioStreamConfig &config, AudioStreamCallback *callback)
{
    close();
    m_error.clear();
    m_callback = callback;
    m_sampleRateHz = config.sampleRateHz;
    m_inputPath = config.inputDeviceName;
    m_outputPath = config.outputDeviceName;
    m_outputDisabled.store(false);
    m_outputLossPending.store(false);
    if (!m_inputPath.isEmpty()) {
        m_input = SoundFile::openForReading(m_inputPath);
        if (!m_input.isOpen()) {
            m_error = QStringLiteral("Cannot read %1: %2").arg(m_inputPath, m_input.errorString());
            return false;
        }
        if (m_input.sampleRateHz() != m_sampleRateHz) {
            m_error = QStringLiteral("%1 is at %2 Hz, the stream runs at %3 Hz")
                          .arg(m_inputPath)
                          .arg(m_input.sampleRateHz())
                          .arg(m_sampleRateHz);
            m_input.close();
            return false;
        }
    }
    if (!m_outputPath.isEmpty()) {
        m_output = SoundFile::createWav(m_outputPath, m_sampleRateHz, 1);
        if (!m_output.isOpen()) {
            m_error = QStringLiteral("Cannot write %1: %2").arg(m_outputPath, m_output.errorString());
            m_input.close();
            return false;
        }
    }
    const auto frames = static_cast<std::size_t>(std::max(1, config.framesPerBuffer));
    m_fileFrames.assign(frames * static_cast<std::size_t>(std::max(1, m_input.channels())), 0.0f);
    m_captured.assign(frames, 0.0f);
    m_rendered.assign(frames, 0.0f);
    const auto periodUs = static_cast<long long>(frames) * 1000000 / std::max(1, m_sampleRateHz);
    m_clock.start(std::chrono::microseconds(periodUs), [this] { tick(); });
    return true;
}

void FileBackend::close()
{
    m_clock.stop();
    m_input.close();
    m_output.close();
}

void FileBackend::service()
{
    if (m_outputLossPending.exchange(false)) {
        m_outputDisabled.store(true);
        AudioDeviceEvent event;
        event.kind = AudioDeviceEvent::Kind::OutputLost;
        event.deviceName = m_outputPath;
        reportEvent(event);
    }
}

// Clock thread. File reads and writes happen here, around the callback, which only sees preallocated buffers.
void FileBackend::tick()
{
    const auto frames = static_cast<std::int64_t>(m_captured.size());
    std::fill(m_captured.begin(), m_captured.end(), 0.0f);
    if (m_input.isOpen()) {
        const int channels = std::max(1, m_input.channels());
        std::int64_t done = 0;
        while (done < frames) {
            const std::int64_t got = m_input.readFrames(m_fileFrames.data(), frames - done);
            if (got <= 0) {
                if (!m_loopInput || !m_input.rewind() || m_input.frames() == 0)
                    break;
                continue;
            }
            for (std::int64_t i = 0; i < got; ++i) {
                float sum = 0.0f;
                for (int c = 0; c < channels; ++c)
                    sum += m_fileFrames[static_cast<std::size_t>(i * channels + c)];
                m_captured[static_cast<std::size_t>(done + i)] = sum / static_cast<float>(channels);
            }
            done += got;
        }
    }
    m_callback->captured(m_captured.data(), static_cast<int>(frames));
    m_callback->render(m_rendered.data(), static_cast<int>(frames));
    if (m_output.isOpen() && !m_outputDisabled.load(std::memory_order_relaxed))
        m_output.writeFrames(m_rendered.data(), frames);
}

} // namespace Audio
