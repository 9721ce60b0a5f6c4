// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/SippProcess.h"

#include "tests/support/FreePort.h"
#include "tests/support/ProcessGroup.h"
#include "tests/support/TestData.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

namespace Test {

namespace {

constexpr int startTimeoutMs = 10000;
constexpr int portAttempts = 3;
constexpr int stopGraceMs = 2000;

// True once a socket of the given kind is bound to 127.0.0.1:port (TCP: listening). Reads the
// kernel's socket tables instead of probing with a bind, which could steal the port from sipp.
bool isBound(quint16 port, bool tcp)
{
    QFile table(tcp ? QStringLiteral("/proc/net/tcp") : QStringLiteral("/proc/net/udp"));
    if (!table.open(QIODevice::ReadOnly))
        return tcp ? !FreePort::isTcpFree(port) : !FreePort::isUdpFree(port);
    const QByteArray local = "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    const QList<QByteArray> lines = table.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields.at(1) == local && (!tcp || fields.at(3) == "0A"))
            return true;
    }
    return false;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool matches(const SippTraceMessage &message, const QString &methodOrStatus)
{
    bool isStatus = false;
    const int status = methodOrStatus.toInt(&isStatus);
    if (isStatus)
        return !message.isRequest() && message.statusCode() == status;
    return message.isRequest() && message.method().compare(methodOrStatus, Qt::CaseInsensitive) == 0;
}

} // namespace

SippProcess::SippProcess() = default;

SippProcess::~SippProcess()
{
    stop();
}

ExternalTool SippProcess::findProgram()
{
    return ExternalTool::find(QStringLiteral("sipp"), "SIPP", QStringLiteral("sip-tester"));
}

QString SippProcess::scenarioPath(const QString &scenario)
{
    if (QFileInfo(scenario).isAbsolute() || scenario.contains(QLatin1Char('/')))
        return QFileInfo(scenario).absoluteFilePath();
    return TestData::path(QStringLiteral("sipp/") + scenario);
}

bool SippProcess::startServer(const QString &scenario)
{
    return startServer(scenario, Options());
}

bool SippProcess::startClient(const QString &scenario, const QString &target)
{
    return startClient(scenario, target, Options());
}

bool SippProcess::startServer(const QString &scenario, const Options &options)
{
    return start(scenario, QString(), options);
}

bool SippProcess::startClient(const QString &scenario, const QString &target, const Options &options)
{
    if (target.isEmpty()) {
        m_error = QStringLiteral("sipp client needs a target address");
        return false;
    }
    return start(scenario, target, options);
}

bool SippProcess::start(const QString &scenario, const QString &target, const Options &options)
{
    stop();
    m_error.clear();
    const ExternalTool sipp = findProgram();
    if (!sipp.found()) {
        m_error = sipp.missingReason;
        return false;
    }
    const QString scenarioFile = scenarioPath(scenario);
    if (!QFileInfo(scenarioFile).isFile()) {
        m_error = QStringLiteral("sipp scenario %1 not found").arg(scenarioFile);
        return false;
    }
    if (options.transport != QLatin1String("udp") && options.transport != QLatin1String("tcp")) {
        m_error = QStringLiteral("sipp transport must be udp or tcp, not \"%1\"").arg(options.transport);
        return false;
    }
    for (int attempt = 0; attempt < portAttempts; ++attempt) {
        const quint16 port = options.port != 0 ? options.port : FreePort::pick();
        if (port == 0) {
            m_error = QStringLiteral("no free loopback port for sipp");
            return false;
        }
        if (launch(scenarioFile, target, options, port)) {
            m_error.clear();
            return true;
        }
        // Only a port picked here may be replaced by another one.
        if (options.port != 0)
            break;
    }
    return false;
}

bool SippProcess::launch(const QString &scenarioFile, const QString &target, const Options &options, quint16 port)
{
    stop();
    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/offhook-sipp-XXXXXX"));
    if (!m_directory->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_directory->errorString());
        return false;
    }
    m_port = port;
    const QString loopback = QStringLiteral("127.0.0.1");
    QStringList arguments;
    if (!target.isEmpty())
        arguments << target;
    // -bind_local and -ci keep every sipp socket (SIP, control) on loopback.
    arguments << QStringLiteral("-sf") << scenarioFile << QStringLiteral("-i") << loopback
              << QStringLiteral("-bind_local") << QStringLiteral("-ci") << loopback << QStringLiteral("-p")
              << QString::number(port) << QStringLiteral("-t")
              << (options.transport == QLatin1String("tcp") ? QStringLiteral("t1") : QStringLiteral("u1"))
              << QStringLiteral("-m") << QString::number(options.calls) << QStringLiteral("-nostdin")
              << QStringLiteral("-default_behaviors") << QStringLiteral("all,-bye") << QStringLiteral("-timeout")
              << QStringLiteral("%1s").arg(options.timeoutSeconds) << QStringLiteral("-timeout_error")
              << QStringLiteral("-trace_msg") << QStringLiteral("-message_file") << tracePath()
              << QStringLiteral("-trace_err") << QStringLiteral("-error_file")
              << m_directory->filePath(QStringLiteral("errors.log"));
    if (const quint16 mediaPort = FreePort::pick(); mediaPort != 0)
        arguments << QStringLiteral("-mp") << QString::number(mediaPort);
    if (!options.service.isEmpty())
        arguments << QStringLiteral("-s") << options.service;
    if (!options.authUser.isEmpty())
        arguments << QStringLiteral("-au") << options.authUser;
    if (!options.authPassword.isEmpty())
        arguments << QStringLiteral("-ap") << options.authPassword;
    for (auto key = options.keys.cbegin(); key != options.keys.cend(); ++key)
        arguments << QStringLiteral("-key") << key.key() << key.value();
    arguments << options.extraArguments;

    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_directory->path());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // To a file: nobody has to drain a pipe while the test blocks.
    m_process->setStandardOutputFile(m_directory->filePath(QStringLiteral("screen.log")));
    m_process->setStandardInputFile(QProcess::nullDevice());
    ProcessGroup::prepare(*m_process);
    m_process->start(findProgram().path, arguments);
    if (!m_process->waitForStarted(startTimeoutMs)) {
        m_error = QStringLiteral("cannot start sipp: %1").arg(m_process->errorString());
        return false;
    }
    m_pid = m_process->processId();
    if (!target.isEmpty())
        return true;

    // A server is ready once its SIP socket is bound.
    const bool tcp = options.transport == QLatin1String("tcp");
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!isBound(port, tcp)) {
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(0)) {
            m_error = QStringLiteral("sipp exited at start (code %1) on port %2:\n%3")
                          .arg(m_process->exitCode())
                          .arg(port)
                          .arg(outputTail());
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("sipp did not bind 127.0.0.1:%1 within %2 ms:\n%3")
                          .arg(port)
                          .arg(startTimeoutMs)
                          .arg(outputTail());
            stop();
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

bool SippProcess::waitFinished(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return true;
    return m_process->waitForFinished(timeoutMs);
}

void SippProcess::stop()
{
    if (m_process)
        ProcessGroup::terminate(*m_process, m_pid, stopGraceMs);
}

bool SippProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int SippProcess::exitCode() const
{
    if (!m_process || m_process->state() != QProcess::NotRunning || m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}

quint16 SippProcess::port() const
{
    return m_port;
}

QString SippProcess::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString SippProcess::errorText() const
{
    if (!m_error.isEmpty())
        return m_error;
    return outputTail();
}

QString SippProcess::tracePath() const
{
    return m_directory ? m_directory->filePath(QStringLiteral("messages.log")) : QString();
}

QString SippProcess::outputTail() const
{
    if (!m_directory)
        return QString();
    // sipp repaints its statistics screen into the output; the errors and the last screen suffice.
    const QString errors = readFile(m_directory->filePath(QStringLiteral("errors.log"))).trimmed();
    const QString screen = readFile(m_directory->filePath(QStringLiteral("screen.log")));
    return (errors.isEmpty() ? QString() : errors + QLatin1Char('\n')) + screen.right(4000);
}

QList<SippTraceMessage> SippProcess::messages() const
{
    QFile trace(tracePath());
    if (!trace.open(QIODevice::ReadOnly))
        return {};
    return SippTraceMessage::parseTrace(trace.readAll());
}

QList<SippTraceMessage> SippProcess::received() const
{
    QList<SippTraceMessage> result;
    for (const SippTraceMessage &message : messages()) {
        if (message.direction == SippTraceMessage::Direction::Received)
            result.append(message);
    }
    return result;
}

QList<SippTraceMessage> SippProcess::sent() const
{
    QList<SippTraceMessage> result;
    for (const SippTraceMessage &message : messages()) {
        if (message.direction == SippTraceMessage::Direction::Sent)
            result.append(message);
    }
    return result;
}

int SippProcess::countReceived(const QString &methodOrStatus) const
{
    const QList<SippTraceMessage> list = received();
    return int(std::count_if(list.cbegin(), list.cend(),
                             [&](const SippTraceMessage &message) { return matches(message, methodOrStatus); }));
}

int SippProcess::countSent(const QString &methodOrStatus) const
{
    const QList<SippTraceMessage> list = sent();
    return int(std::count_if(list.cbegin(), list.cend(),
                             [&](const SippTraceMessage &message) { return matches(message, methodOrStatus); }));
}

QList<SippTraceMessage> SippProcess::receivedWithHeader(const QString &header) const
{
    QList<SippTraceMessage> result;
    for (const SippTraceMessage &message : received()) {
        if (message.hasHeader(header))
            result.append(message);
    }
    return result;
}

} // namespace Test
