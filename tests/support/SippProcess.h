// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "tests/support/ExternalTool.h"
#include "tests/support/SippTraceMessage.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Test {

/// One sipp run on 127.0.0.1, as the peer of the code under test: a UAS (startServer) listening on
/// a free loopback port, or a UAC (startClient) talking to a given address. Scenarios come from
/// tests/data/sipp unless given as a path. Every message is traced (-trace_msg) into a temporary
/// directory and can be inspected with messages() and the count helpers, during or after the run.
/// sipp runs with "-default_behaviors all,-bye" (an unexpected message aborts the call, no BYE)
/// and a global timeout, so it always ends by itself; stop() (also run by the destructor) ends it
/// earlier. Used from the test's thread only; needs no event loop.
class SippProcess
{
public:
    struct Options
    {
        QString transport = QStringLiteral("udp"); ///< "udp" or "tcp".
        quint16 port = 0;                          ///< Local port; 0 picks a free one.
        int calls = 1;                             ///< -m: calls (transactions flows) before sipp ends.
        int timeoutSeconds = 60;                   ///< Global timeout; reaching it fails the run.
        QString service;                           ///< -s: [service] in scenarios (UAC: own extension).
        QString authUser;                          ///< -au, for [authentication].
        QString authPassword;                      ///< -ap, for [authentication].
        QMap<QString, QString> keys;               ///< -key NAME VALUE, e.g. {"target", "1002"}.
        QStringList extraArguments;
    };

    SippProcess();
    ~SippProcess();
    SippProcess(const SippProcess &) = delete;
    SippProcess &operator=(const SippProcess &) = delete;

    /// Starts sipp as a UAS with `scenario` and returns once it listens; false with errorText().
    bool startServer(const QString &scenario, const Options &options);
    bool startServer(const QString &scenario);
    /// Starts sipp as a UAC with `scenario` against `target` ("127.0.0.1:PORT"); false with errorText().
    bool startClient(const QString &scenario, const QString &target, const Options &options);
    bool startClient(const QString &scenario, const QString &target);

    /// Waits until sipp ended by itself; false if still running after `timeoutMs`.
    bool waitFinished(int timeoutMs = 30000);
    /// Ends sipp now (SIGTERM, then SIGKILL) if it still runs.
    void stop();
    bool isRunning() const;
    /// sipp's exit code once ended: 0 all calls succeeded, 1 a call failed, 97/99 other normal
    /// ends, 255/254 fatal errors; -1 while running or when it was killed.
    int exitCode() const;

    quint16 port() const;
    /// "127.0.0.1:PORT" of sipp's SIP socket.
    QString address() const;
    /// Why start failed, or sipp's screen and error output (for test failure messages).
    QString errorText() const;
    QString tracePath() const;

    /// Every message sent and received so far, in trace order.
    QList<SippTraceMessage> messages() const;
    QList<SippTraceMessage> received() const;
    QList<SippTraceMessage> sent() const;
    /// Received requests of `methodOrStatus` ("REGISTER"), or responses with that status ("401").
    int countReceived(const QString &methodOrStatus) const;
    int countSent(const QString &methodOrStatus) const;
    /// Received messages carrying `header` (e.g. "Authorization").
    QList<SippTraceMessage> receivedWithHeader(const QString &header) const;

    /// The sipp binary ($SIPP overrides), or why it is missing.
    static ExternalTool findProgram();
    /// Absolute path of a scenario: `scenario` itself if it is a path to a file, else tests/data/sipp/.
    static QString scenarioPath(const QString &scenario);

private:
    bool start(const QString &scenario, const QString &target, const Options &options);
    bool launch(const QString &scenarioFile, const QString &target, const Options &options, quint16 port);
    QString outputTail() const;

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Test
