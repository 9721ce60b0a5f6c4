// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/BaresipProcess.h"

#include "tests/support/ProcessGroup.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

namespace Test {

BaresipProcess::BaresipProcess() = default;

BaresipProcess::~BaresipProcess()
{
    stop();
}

ExternalTool BaresipProcess::findProgram()
{
    return ExternalTool::find(QStringLiteral("baresip"), "BARESIP", QStringLiteral("baresip"));
}

bool BaresipProcess::start(const Options &options, int timeoutMs)
{
    stop();
    m_output.clear();
    const ExternalTool tool = findProgram();
    if (!tool.found()) {
        m_output = tool.missingReason;
        return false;
    }
    m_directory = std::make_unique<QTemporaryDir>();
    const QString dir = m_directory->path();
    // Loopback only: SIP and RTP bound to 127.0.0.1, no sound card, no console on stdin.
    const QString config = QStringLiteral("poll_method\tepoll\n"
                                          "sip_listen\t127.0.0.1:0\n"
                                          "net_interface\t127.0.0.1\n"
                                          "call_local_timeout\t120\n"
                                          "audio_source\taufile,%1\n"
                                          "audio_player\taufile,%2/unused-player.wav\n"
                                          "audio_alert\taufile,%2/unused-alert.wav\n"
                                          "rtp_ports\t40000-49998\n"
                                          "snd_path\t%2\n"
                                          "module_path\t/usr/lib/baresip/modules\n"
                                          "module\topus.so\n"
                                          "module\tg711.so\n"
                                          "module\taufile.so\n"
                                          "module\tsndfile.so\n"
                                          "module_tmp\taccount.so\n"
                                          "module_app\tmenu.so\n")
                               .arg(options.sourceWav, dir);
    const QString control =
        options.controlPort
            ? QStringLiteral("module\tctrl_tcp.so\nctrl_tcp_listen\t127.0.0.1:%1\n").arg(options.controlPort)
            : QString();
    m_controlPort = options.controlPort;
    const QString account = QStringLiteral("<sip:%1@%2;transport=udp>;auth_pass=%3;answermode=auto;audio_codecs=%4\n")
                                .arg(options.extension, options.server, options.password, options.audioCodecs);
    for (const auto &[name, text] : {std::pair{QStringLiteral("config"), QString(config + control)},
                                     std::pair{QStringLiteral("accounts"), account}}) {
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
            m_output = QStringLiteral("cannot write %1").arg(file.fileName());
            return false;
        }
    }
    QStringList arguments{QStringLiteral("-f"), dir, QStringLiteral("-t"), QString::number(options.quitAfterSeconds)};
    if (!options.dial.isEmpty())
        arguments << QStringLiteral("-e") << QStringLiteral("/dial %1").arg(options.dial);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setWorkingDirectory(dir);
    ProcessGroup::prepare(*m_process);
    m_process->start(tool.path, arguments);
    if (!m_process->waitForStarted(5000)) {
        m_output = QStringLiteral("baresip did not start: %1").arg(m_process->errorString());
        return false;
    }
    m_pid = m_process->processId();
    return waitForOutput(QStringLiteral("200 OK"), timeoutMs);
}

bool BaresipProcess::waitForOutput(const QString &text, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (output().contains(text))
            return true;
        if (!m_process || m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return output().contains(text);
        m_process->waitForReadyRead(100);
    }
}

QString BaresipProcess::output() const
{
    if (m_process)
        m_output += QString::fromUtf8(m_process->readAll());
    return m_output;
}

void BaresipProcess::stop()
{
    if (!m_process)
        return;
    output();
    ProcessGroup::terminate(*m_process, m_pid, 2000);
    output();
    m_process.reset();
    m_pid = 0;
}

bool BaresipProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool BaresipProcess::sendCommand(const QString &command, const QString &params)
{
    if (!m_controlPort)
        return false;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_controlPort);
    if (!socket.waitForConnected(3000))
        return false;
    // ctrl_tcp reads netstrings ("<length>:<JSON>,").
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("command"), command},
                                                      {QStringLiteral("params"), params},
                                                      {QStringLiteral("token"), QStringLiteral("offhook-test")}})
                                .toJson(QJsonDocument::Compact);
    socket.write(QByteArray::number(json.size()) + ':' + json + ',');
    if (!socket.waitForBytesWritten(3000))
        return false;
    // Its answer says the command ran; leave time for it before closing.
    socket.waitForReadyRead(2000);
    return true;
}

QString BaresipProcess::decodedRecording() const
{
    if (!m_directory)
        return {};
    const QStringList files =
        QDir(m_directory->path()).entryList({QStringLiteral("dump-*-dec.wav")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : m_directory->filePath(files.constLast());
}

} // namespace Test
