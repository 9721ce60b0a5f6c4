// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "tests/support/ExternalTool.h"

#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Test {

/// baresip as a call peer on 127.0.0.1 for tests: a temporary config directory (no sound card: the
/// aufile module plays a WAV as the microphone, the sndfile module writes what it decodes to a WAV),
/// one account registered at the test PBX that answers calls by itself, and optionally a call it
/// places at start. Used from the test's thread only; stop() and the destructor end it.
class BaresipProcess
{
public:
    struct Options
    {
        QString server; ///< "127.0.0.1:PORT" of the PBX
        QString extension;
        QString password;
        QString sourceWav; ///< Played as the microphone; opus needs 48 kHz stereo, G.711 8 kHz mono
        QString audioCodecs = QStringLiteral("opus/48000/2,PCMU/8000"); ///< baresip's audio_codecs
        QString dial; ///< URI to call once registered; empty = only answer
        int quitAfterSeconds = 60;
        quint16 controlPort = 0; ///< Non-zero: the ctrl_tcp module listens there for sendCommand()
    };

    BaresipProcess();
    ~BaresipProcess();
    BaresipProcess(const BaresipProcess &) = delete;
    BaresipProcess &operator=(const BaresipProcess &) = delete;

    /// Writes the config, starts baresip and waits until its account is registered.
    bool start(const Options &options, int timeoutMs = 20000);
    void stop();
    bool isRunning() const;
    /// baresip's output so far (for failure messages and checks).
    QString output() const;
    /// True once the output contains text; waits up to timeoutMs.
    bool waitForOutput(const QString &text, int timeoutMs);
    /// Sends one command (e.g. "sndcode", "123#") to the ctrl_tcp module (Options::controlPort); false when
    /// it could not be delivered.
    bool sendCommand(const QString &command, const QString &params);
    /// The WAV baresip wrote with what it decoded from the other side (empty before a call).
    QString decodedRecording() const;

    static ExternalTool findProgram();

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0;
    quint16 m_controlPort = 0;
    mutable QString m_output;
};

} // namespace Test
