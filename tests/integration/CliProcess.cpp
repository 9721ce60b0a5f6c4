// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/integration/CliProcess.h"

#include "audio/devices/SoundFile.h"
#include "tests/audio/AudioTestSupport.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <cmath>
#include <numbers>
#include <vector>

namespace Test {

std::unique_ptr<CliProcess> CliProcess::start(const QString &program, const QStringList &arguments,
                                              const QString &password)
{
    auto cli = std::make_unique<CliProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), password);
    cli->process->setProcessEnvironment(environment);
    cli->process->setProcessChannelMode(QProcess::MergedChannels);
    cli->process->start(program, arguments);
    cli->process->waitForStarted();
    return cli;
}

QString CliProcess::read()
{
    output += QString::fromUtf8(process->readAll());
    return output;
}

bool CliProcess::waitFor(const QString &text, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!read().contains(text)) {
        if (process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        process->waitForReadyRead(100);
    }
    return true;
}

int CliProcess::finish(int timeoutMs)
{
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished();
    }
    read();
    return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
}

QString CliProcess::lastLine() const
{
    const QStringList lines = output.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.constLast().trimmed();
}

bool writeTone(const QString &path, double frequencyHz, int rateHz, int channels, double seconds)
{
    Audio::SoundFile file = Audio::SoundFile::createWav(path, rateHz, channels);
    if (!file.isOpen())
        return false;
    const auto frames = static_cast<std::int64_t>(rateHz * seconds);
    std::vector<float> samples(static_cast<std::size_t>(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i) {
        const float value = static_cast<float>(0.4 * std::sin(2.0 * std::numbers::pi * frequencyHz * i / rateHz));
        for (int channel = 0; channel < channels; ++channel)
            samples[static_cast<std::size_t>(i * channels + channel)] = value;
    }
    return file.writeFrames(samples.data(), frames) == frames;
}

double toneIn(const QString &path, double frequencyHz)
{
    int rate = 0;
    const std::vector<float> all = AudioTest::readWav(path, &rate);
    if (rate == 0 || all.size() < static_cast<std::size_t>(rate))
        return -1.0;
    return AudioTest::toneAmplitude(AudioTest::slice(all, rate / 2, all.size()), rate, frequencyHz);
}

bool toneArriving(const QString &path, double frequencyHz)
{
    int rate = 0;
    const std::vector<float> written = AudioTest::readWavWritten(path, &rate);
    const auto window = static_cast<std::size_t>(rate / 5);
    if (rate <= 0 || written.size() < window)
        return false;
    return AudioTest::toneAmplitude(AudioTest::slice(written, written.size() - window, window), rate, frequencyHz) >
           0.1;
}

} // namespace Test
