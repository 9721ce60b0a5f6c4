// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// CPU cost of a call: two MediaSessions on 127.0.0.1 talking to each other through FileBackend devices
// (tones in, recordings out, paced in real time). Prints process CPU time per call-second as a share of
// one core. Usage: bench_audio_call [seconds] [opus|pcmu] [echo|noecho]
#include "audio/MediaSession.h"
#include "audio/devices/FileBackend.h"
#include "audio/devices/SoundFile.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <vector>

namespace {
constexpr int kRate = 48000;

QString writeTone(const QTemporaryDir &dir, const QString &name, double frequencyHz)
{
    const QString path = dir.filePath(name);
    std::vector<float> samples(kRate * 4);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        // A tone with a slow tremolo, closer to speech than a steady sine for the codec and echo canceller.
        const double envelope = 0.6 + 0.4 * std::sin(2.0 * std::numbers::pi * 3.0 * i / kRate);
        samples[i] = static_cast<float>(0.4 * envelope * std::sin(2.0 * std::numbers::pi * frequencyHz * i / kRate));
    }
    Audio::SoundFile file = Audio::SoundFile::createWav(path, kRate, 1);
    file.writeFrames(samples.data(), static_cast<std::int64_t>(samples.size()));
    return path;
}

double processCpuSeconds()
{
    // std::clock() is the process's CPU time, all threads, on POSIX systems.
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

void printStatistics(const char *name, const Audio::CallStatistics &s)
{
    std::printf("  %s: sent %llu, received %llu, lost %lld, concealed %llu, jitter %.2f ms, RTT %.2f ms, "
                "underruns %llu, overruns %llu\n",
                name, static_cast<unsigned long long>(s.packetsSent),
                static_cast<unsigned long long>(s.packetsReceived), static_cast<long long>(s.packetsLost),
                static_cast<unsigned long long>(s.concealedFrames), s.jitterMs, s.roundTripTimeMs,
                static_cast<unsigned long long>(s.playbackUnderruns),
                static_cast<unsigned long long>(s.captureOverruns));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 20;
    const bool opus = args.size() <= 2 || args.at(2) != QLatin1String("pcmu");
    const bool echo = args.size() <= 3 || args.at(3) != QLatin1String("noecho");

    QTemporaryDir dir;
    const QString toneA = writeTone(dir, QStringLiteral("a.wav"), 440.0);
    const QString toneB = writeTone(dir, QStringLiteral("b.wav"), 1000.0);

    Audio::MediaSession a(std::make_unique<Audio::FileBackend>());
    Audio::MediaSession b(std::make_unique<Audio::FileBackend>());
    if (!a.bindLocal(QStringLiteral("127.0.0.1")) || !b.bindLocal(QStringLiteral("127.0.0.1"))) {
        std::fprintf(stderr, "cannot bind: %s\n", qPrintable(a.errorString()));
        return 1;
    }
    Audio::MediaSessionConfig config;
    config.remoteAddress = QStringLiteral("127.0.0.1");
    config.codec = opus ? Audio::CodecType::Opus : Audio::CodecType::Pcmu;
    config.payloadType = opus ? 111 : 0;
    config.telephoneEventPayloadType = 101;
    config.ptimeMs = 20;
    config.echoControl = echo;
    config.rtpTimeoutMs = 0;

    Audio::MediaSessionConfig aConfig = config;
    aConfig.remoteRtpPort = b.localRtpPort();
    aConfig.inputDeviceName = toneA;
    aConfig.outputDeviceName = dir.filePath(QStringLiteral("a-out.wav"));
    Audio::MediaSessionConfig bConfig = config;
    bConfig.remoteRtpPort = a.localRtpPort();
    bConfig.inputDeviceName = toneB;
    bConfig.outputDeviceName = dir.filePath(QStringLiteral("b-out.wav"));

    const double cpuBefore = processCpuSeconds();
    const auto wallBefore = std::chrono::steady_clock::now();
    if (!a.start(aConfig) || !b.start(bConfig)) {
        std::fprintf(stderr, "cannot start: %s %s\n", qPrintable(a.errorString()), qPrintable(b.errorString()));
        return 1;
    }
    QThread::sleep(static_cast<unsigned long>(seconds));
    a.stop();
    b.stop();
    const double cpu = processCpuSeconds() - cpuBefore;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallBefore).count();

    std::printf("Two-party loopback call: %s 20 ms, echo control %s, FileBackend, %.1f s\n", opus ? "Opus" : "PCMU",
                echo ? "on" : "off", wall);
    std::printf("  process CPU %.3f s over %.3f s\n", cpu, wall);
    std::printf("  per call (both ends):  %.2f %% of one core\n", 100.0 * cpu / wall);
    std::printf("  per session (one end): %.2f %% of one core\n", 50.0 * cpu / wall);
    printStatistics("A", a.statistics());
    printStatistics("B", b.statistics());
    return 0;
}
