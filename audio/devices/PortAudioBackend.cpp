// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/devices/PortAudioBackend.h"

#include "audio/devices/AudioStreamCallback.h"

#include <portaudio.h>

namespace Audio {

namespace {
constexpr auto kSilentCallbackLimit = std::chrono::milliseconds(1500);

QString deviceName(PaDeviceIndex index)
{
    const PaDeviceInfo *info = index >= 0 ? Pa_GetDeviceInfo(index) : nullptr;
    return info ? QString::fromUtf8(info->name) : QString();
}

/// Exact name match among devices that have channels in the wanted direction; paNoDevice when absent.
PaDeviceIndex findDevice(const QString &name, bool input)
{
    const int count = Pa_GetDeviceCount();
    for (PaDeviceIndex i = 0; i < count; ++i) {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
        const int channels = info ? (input ? info->maxInputChannels : info->maxOutputChannels) : 0;
        if (channels > 0 && QString::fromUtf8(info->name) == name)
            return i;
    }
    return paNoDevice;
}
} // namespace

PortAudioBackend::PortAudioBackend()
{
    const PaError error = Pa_Initialize();
    m_initialized = error == paNoError;
    if (!m_initialized)
        m_error = QString::fromUtf8(Pa_GetErrorText(error));
}

PortAudioBackend::~PortAudioBackend()
{
    close();
    if (m_initialized)
        Pa_Terminate();
}

QList<AudioDeviceInfo> PortAudioBackend::devices(bool input) const
{
    QList<AudioDeviceInfo> result;
    if (!m_initialized)
        return result;
    const PaDeviceIndex defaultIndex = input ? Pa_GetDefaultInputDevice() : Pa_GetDefaultOutputDevice();
    const int count = Pa_GetDeviceCount();
    for (PaDeviceIndex i = 0; i < count; ++i) {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
        const int channels = info ? (input ? info->maxInputChannels : info->maxOutputChannels) : 0;
        if (channels <= 0)
            continue;
        AudioDeviceInfo entry;
        entry.name = QString::fromUtf8(info->name);
        const PaHostApiInfo *api = Pa_GetHostApiInfo(info->hostApi);
        entry.hostApi = api ? QString::fromUtf8(api->name) : QString();
        entry.maxChannels = channels;
        entry.defaultSampleRateHz = info->defaultSampleRate;
        entry.isDefault = i == defaultIndex;
        result.append(entry);
    }
    return result;
}

QList<AudioDeviceInfo> PortAudioBackend::inputDevices() const
{
    return devices(true);
}

QList<AudioDeviceInfo> PortAudioBackend::outputDevices() const
{
    return devices(false);
}

QString PortAudioBackend::defaultInputDevice() const
{
    return m_initialized ? deviceName(Pa_GetDefaultInputDevice()) : QString();
}

QString PortAudioBackend::defaultOutputDevice() const
{
    return m_initialized ? deviceName(Pa_GetDefaultOutputDevice()) : QString();
}

bool PortAudioBackend::open(const AudioStreamConfig &config, AudioStreamCallback *callback)
{
    close();
    if (!m_initialized)
        return false;
    m_error.clear();
    m_callback = callback;
    m_sampleRateHz = config.sampleRateHz;
    m_framesPerBuffer = config.framesPerBuffer;
    const bool inputOk = config.capture && openInput(config.inputDeviceName, true);
    const bool outputOk = openOutput(config.outputDeviceName, true);
    // A call can go on half-duplex (e.g. no microphone); only fail when neither side works.
    return config.capture ? inputOk || outputOk : outputOk;
}

bool PortAudioBackend::openInput(const QString &name, bool reportFallback)
{
    PaDeviceIndex index = name.isEmpty() ? Pa_GetDefaultInputDevice() : findDevice(name, true);
    if (index == paNoDevice && !name.isEmpty()) {
        index = Pa_GetDefaultInputDevice();
        if (reportFallback)
            reportEvent({AudioDeviceEvent::Kind::InputFellBackToDefault, name, deviceName(index)});
    }
    if (index == paNoDevice) {
        m_error = QStringLiteral("No audio input device");
        return false;
    }
    PaStreamParameters params{};
    params.device = index;
    params.channelCount = 1;
    params.sampleFormat = paFloat32;
    params.suggestedLatency = Pa_GetDeviceInfo(index)->defaultLowInputLatency;
    PaStream *stream = nullptr;
    const PaError error =
        Pa_OpenStream(&stream, &params, nullptr, m_sampleRateHz, static_cast<unsigned long>(m_framesPerBuffer),
                      paNoFlag, &PortAudioBackend::inputCallback, this);
    if (error != paNoError) {
        m_error = QString::fromUtf8(Pa_GetErrorText(error));
        return false;
    }
    m_input = PortAudioStream(stream);
    if (!m_input.start()) {
        m_error = m_input.errorString();
        m_input.close();
        return false;
    }
    m_activeInput = deviceName(index);
    m_inputWatch = {m_inputCallbacks.load(), std::chrono::steady_clock::now()};
    return true;
}

bool PortAudioBackend::openOutput(const QString &name, bool reportFallback)
{
    PaDeviceIndex index = name.isEmpty() ? Pa_GetDefaultOutputDevice() : findDevice(name, false);
    if (index == paNoDevice && !name.isEmpty()) {
        index = Pa_GetDefaultOutputDevice();
        if (reportFallback)
            reportEvent({AudioDeviceEvent::Kind::OutputFellBackToDefault, name, deviceName(index)});
    }
    if (index == paNoDevice) {
        m_error = QStringLiteral("No audio output device");
        return false;
    }
    PaStreamParameters params{};
    params.device = index;
    params.channelCount = 1;
    params.sampleFormat = paFloat32;
    params.suggestedLatency = Pa_GetDeviceInfo(index)->defaultLowOutputLatency;
    PaStream *stream = nullptr;
    const PaError error =
        Pa_OpenStream(&stream, nullptr, &params, m_sampleRateHz, static_cast<unsigned long>(m_framesPerBuffer),
                      paNoFlag, &PortAudioBackend::outputCallback, this);
    if (error != paNoError) {
        m_error = QString::fromUtf8(Pa_GetErrorText(error));
        return false;
    }
    m_output = PortAudioStream(stream);
    if (!m_output.start()) {
        m_error = m_output.errorString();
        m_output.close();
        return false;
    }
    m_activeOutput = deviceName(index);
    m_outputWatch = {m_outputCallbacks.load(), std::chrono::steady_clock::now()};
    return true;
}

void PortAudioBackend::close()
{
    m_input.close();
    m_output.close();
    m_activeInput.clear();
    m_activeOutput.clear();
}

bool PortAudioBackend::streamLost(const PortAudioStream &stream, const std::atomic<std::uint64_t> &counter,
                                  Watch &watch)
{
    if (!stream.isValid())
        return false;
    const auto now = std::chrono::steady_clock::now();
    const std::uint64_t count = counter.load(std::memory_order_relaxed);
    if (count != watch.lastCount) {
        watch = {count, now};
        return !stream.isActive();
    }
    return !stream.isActive() || now - watch.lastChange > kSilentCallbackLimit;
}

// Device-loss detection is unverified on real hardware here: PortAudio has no hot-plug notification, so a
// stopped stream or a callback that went silent is taken as the device having gone away.
void PortAudioBackend::service()
{
    if (streamLost(m_input, m_inputCallbacks, m_inputWatch)) {
        const QString lost = m_activeInput;
        m_input.close();
        m_activeInput.clear();
        openInput(QString(), false);
        reportEvent({AudioDeviceEvent::Kind::InputLost, lost, m_activeInput});
    }
    if (streamLost(m_output, m_outputCallbacks, m_outputWatch)) {
        const QString lost = m_activeOutput;
        m_output.close();
        m_activeOutput.clear();
        openOutput(QString(), false);
        reportEvent({AudioDeviceEvent::Kind::OutputLost, lost, m_activeOutput});
    }
}

// Real-time (PortAudio's callback thread): hands samples to the callback; no allocation, locks, Qt or logging.
int PortAudioBackend::inputCallback(const void *input, void *, unsigned long frames, const PaStreamCallbackTimeInfo *,
                                    unsigned long, void *userData)
{
    auto *self = static_cast<PortAudioBackend *>(userData);
    self->m_inputCallbacks.fetch_add(1, std::memory_order_relaxed);
    if (input)
        self->m_callback->captured(static_cast<const float *>(input), static_cast<int>(frames));
    return paContinue;
}

// Real-time (PortAudio's callback thread): fills the buffer from the callback; no allocation, locks, Qt or logging.
int PortAudioBackend::outputCallback(const void *, void *output, unsigned long frames, const PaStreamCallbackTimeInfo *,
                                     unsigned long, void *userData)
{
    auto *self = static_cast<PortAudioBackend *>(userData);
    self->m_outputCallbacks.fetch_add(1, std::memory_order_relaxed);
    self->m_callback->render(static_cast<float *>(output), static_cast<int>(frames));
    return paContinue;
}

} // namespace Audio
