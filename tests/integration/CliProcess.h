// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace Test {

/// A running offhook-cli with its output (stdout and stderr merged) collected.
struct CliProcess
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString output;

    /// Starts program with arguments and OFFHOOK_PASSWORD=password in its environment.
    static std::unique_ptr<CliProcess> start(const QString &program, const QStringList &arguments,
                                             const QString &password);
    /// Reads what arrived so far and returns all output.
    QString read();
    /// Waits until text appears in the output; false when the process ended or time ran out first.
    bool waitFor(const QString &text, int timeoutMs);
    /// Waits for the exit (killing the process after timeoutMs); the exit code, -1 for a crash.
    int finish(int timeoutMs = 60000);
    QString lastLine() const;
};

/// Writes a sine tone of frequencyHz (amplitude 0.4) as a WAV file.
bool writeTone(const QString &path, double frequencyHz, int rateHz, int channels, double seconds);
/// Amplitude of frequencyHz in a recording, leaving out its first half second (call set-up, jitter buffer);
/// -1 when the file is unreadable or shorter than a second.
double toneIn(const QString &path, double frequencyHz);
/// Whether the last fifth of a second of a recording that is still being written holds frequencyHz
/// (amplitude above 0.1): the other side's audio is arriving. For QTRY_VERIFY.
bool toneArriving(const QString &path, double frequencyHz);

} // namespace Test
