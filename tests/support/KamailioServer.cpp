// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/KamailioServer.h"

#include "tests/support/FreePort.h"
#include "tests/support/ProcessGroup.h"
#include "tests/support/TestData.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>

namespace Test {

namespace {

constexpr int portAttempts = 3;
constexpr int stopGraceMs = 5000;
constexpr int kamcmdTimeoutMs = 10000;
// sockaddr_un paths are limited to 108 bytes.
constexpr int maxSocketPathLength = 100;

QString escapeDbText(QString value)
{
    // db_text separates columns with ':' and escapes with '\'.
    return value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char(':'), QLatin1String("\\:"))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QMap<QString, QString> KamailioServer::defaultUsers()
{
    QMap<QString, QString> users;
    for (int extension = 1001; extension <= 1005; ++extension)
        users.insert(QString::number(extension), QStringLiteral("demo%1").arg(extension));
    return users;
}

KamailioServer::KamailioServer() = default;

KamailioServer::~KamailioServer()
{
    stop();
}

ExternalTool KamailioServer::findKamailio()
{
    return ExternalTool::find(QStringLiteral("kamailio"), "KAMAILIO", QStringLiteral("kamailio"));
}

ExternalTool KamailioServer::findKamcmd()
{
    return ExternalTool::find(QStringLiteral("kamcmd"), "KAMCMD", QStringLiteral("kamailio"));
}

bool KamailioServer::fail(const QString &reason)
{
    m_error = QStringLiteral("KamailioServer: ") + reason;
    return false;
}

QString KamailioServer::validate(const Options &options) const
{
    static const QRegularExpression extensionPattern(QStringLiteral("^[A-Za-z0-9._~+-]+$"));
    static const QRegularExpression domainPattern(QStringLiteral("^[A-Za-z0-9.-]+$"));
    if (options.users.isEmpty())
        return QStringLiteral("bad option: users is empty");
    for (auto user = options.users.cbegin(); user != options.users.cend(); ++user) {
        if (!extensionPattern.match(user.key()).hasMatch())
            return QStringLiteral("bad option: extension \"%1\" is not a plain SIP user name").arg(user.key());
        if (user.value().isEmpty())
            return QStringLiteral("bad option: empty password for %1").arg(user.key());
    }
    if (!domainPattern.match(options.domain).hasMatch())
        return QStringLiteral("bad option: domain \"%1\" is not a host name or IPv4 address").arg(options.domain);
    if (options.minExpires < 1 || options.defaultExpires < options.minExpires ||
        options.maxExpires < options.defaultExpires)
        return QStringLiteral("bad option: expires must satisfy 1 <= minExpires (%1) <= defaultExpires (%2) <= "
                              "maxExpires (%3)")
            .arg(options.minExpires)
            .arg(options.defaultExpires)
            .arg(options.maxExpires);
    if (options.startTimeoutMs <= 0)
        return QStringLiteral("bad option: startTimeoutMs must be positive");
    return QString();
}

bool KamailioServer::start()
{
    return start(Options());
}

bool KamailioServer::start(const Options &options)
{
    stop();
    m_error.clear();
    m_lastLog.clear();
    if (const QString problem = validate(options); !problem.isEmpty())
        return fail(problem);
    if (const ExternalTool kamailio = findKamailio(); !kamailio.found())
        return fail(kamailio.missingReason);
    if (const ExternalTool kamcmd = findKamcmd(); !kamcmd.found())
        return fail(kamcmd.missingReason);

    m_domain = options.domain;
    m_users = options.users;
    for (int attempt = 0; attempt < portAttempts; ++attempt) {
        const quint16 port = options.port != 0 ? options.port : FreePort::pick();
        if (port == 0)
            return fail(QStringLiteral("no free loopback port"));
        if (launch(options, port)) {
            m_error.clear();
            return true;
        }
        // Another test may have taken a picked port meanwhile: try another. A port chosen by
        // the caller is not replaced.
        if (options.port != 0 || !m_lastLog.contains(QLatin1String("Address already in use")))
            break;
    }
    return false;
}

bool KamailioServer::writeConfiguration(const Options &options, quint16 port, QString *error) const
{
    const QString dataDir = TestData::path(QStringLiteral("kamailio"));
    QFile templateFile(dataDir + QStringLiteral("/kamailio.cfg.in"));
    QFile tablesFile(dataDir + QStringLiteral("/dbtext.tables"));
    if (!templateFile.open(QIODevice::ReadOnly) || !tablesFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the configuration templates in %1").arg(dataDir);
        return false;
    }

    const QString runDir = m_directory->path();
    const QString dbDir = runDir + QStringLiteral("/db");
    if (!QDir().mkpath(dbDir)) {
        *error = QStringLiteral("cannot create %1").arg(dbDir);
        return false;
    }

    // One file per table; subscriber rows appended (password in clear, calculate_ha1 in the cfg).
    QMap<QString, QByteArray> tables;
    QString current;
    const QList<QByteArray> lines = tablesFile.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("# table: ")) {
            current = QString::fromUtf8(line.mid(9).trimmed());
            tables.insert(current, QByteArray());
        } else if (!current.isEmpty() && !line.startsWith('#') && !line.trimmed().isEmpty()) {
            tables[current] += line + '\n';
        }
    }
    if (!tables.contains(QStringLiteral("subscriber")) || !tables.contains(QStringLiteral("version"))) {
        *error = QStringLiteral("dbtext.tables lacks the subscriber or version table");
        return false;
    }
    int id = 0;
    for (auto user = options.users.cbegin(); user != options.users.cend(); ++user) {
        // ha1/ha1b are unused with calculate_ha1; db_text reads empty fields as NULL.
        tables[QStringLiteral("subscriber")] +=
            QStringLiteral("%1:%2:%3:%4:-:-\n")
                .arg(++id)
                .arg(escapeDbText(user.key()), escapeDbText(options.domain), escapeDbText(user.value()))
                .toUtf8();
    }
    for (auto table = tables.cbegin(); table != tables.cend(); ++table) {
        if (!writeFile(dbDir + QLatin1Char('/') + table.key(), table.value(), error))
            return false;
    }

    QString config = QString::fromUtf8(templateFile.readAll());
    const QList<QPair<QString, QString>> substitutions = {
        {QStringLiteral("@ADDRESS@"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("@PORT@"), QString::number(port)},
        {QStringLiteral("@DOMAIN@"), options.domain},
        {QStringLiteral("@DBDIR@"), dbDir},
        {QStringLiteral("@RUNDIR@"), runDir},
        {QStringLiteral("@MIN_EXPIRES@"), QString::number(options.minExpires)},
        {QStringLiteral("@DEFAULT_EXPIRES@"), QString::number(options.defaultExpires)},
        {QStringLiteral("@MAX_EXPIRES@"), QString::number(options.maxExpires)},
        {QStringLiteral("@TLS_PORT@"), QString::number(m_tlsPort)},
        {QStringLiteral("@TLS_CONFIG@"), runDir + QStringLiteral("/tls.cfg")},
    };
    for (const auto &[placeholder, value] : substitutions)
        config.replace(placeholder, value);
    if (m_tlsPort != 0) {
        const QString tls = QStringLiteral("[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                                           "require_certificate = no\ncertificate = %1\nprivate_key = %2\n\n"
                                           "[client:default]\nverify_certificate = no\nrequire_certificate = no\n")
                                .arg(options.tlsCertificateFile, options.tlsKeyFile);
        if (!writeFile(runDir + QStringLiteral("/tls.cfg"), tls.toUtf8(), error))
            return false;
    }
    static const QRegularExpression leftover(QStringLiteral("@[A-Z_]+@"));
    if (const QRegularExpressionMatch match = leftover.match(config); match.hasMatch()) {
        *error = QStringLiteral("kamailio.cfg.in has an unknown placeholder %1").arg(match.captured());
        return false;
    }
    return writeFile(runDir + QStringLiteral("/kamailio.cfg"), config.toUtf8(), error);
}

bool KamailioServer::launch(const Options &options, quint16 port)
{
    stop();
    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/offhook-kamailio-XXXXXX"));
    if (!m_directory->isValid())
        return fail(QStringLiteral("cannot create a temporary directory: %1").arg(m_directory->errorString()));
    const QString runDir = m_directory->path();
    if (runDir.size() + 16 > maxSocketPathLength)
        return fail(QStringLiteral("temporary directory path too long for a control socket: %1").arg(runDir));
    m_port = port;
    m_tlsPort = 0;
    if (!options.tlsCertificateFile.isEmpty() && !options.tlsKeyFile.isEmpty()) {
        do
            m_tlsPort = FreePort::pick();
        while (m_tlsPort == port);
    }
    QString error;
    if (!writeConfiguration(options, port, &error))
        return fail(error);

    QStringList arguments = {QStringLiteral("-f"), runDir + QStringLiteral("/kamailio.cfg"),
                             // Foreground, log to stderr, small memory, runtime files in our directory.
                             QStringLiteral("-DD"), QStringLiteral("-E"), QStringLiteral("-m"), QStringLiteral("64"),
                             QStringLiteral("-M"), QStringLiteral("8"), QStringLiteral("-w"), runDir,
                             QStringLiteral("-Y"), runDir, QStringLiteral("-P"),
                             runDir + QStringLiteral("/kamailio.pid")};
    if (options.presence)
        arguments << QStringLiteral("-A") << QStringLiteral("WITH_PRESENCE");
    if (m_tlsPort != 0)
        arguments << QStringLiteral("-A") << QStringLiteral("WITH_TLS");

    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(runDir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // To a file: Kamailio must never block on a full pipe while the test does not read it.
    m_process->setStandardOutputFile(runDir + QStringLiteral("/kamailio.log"));
    m_process->setStandardInputFile(QProcess::nullDevice());
    ProcessGroup::prepare(*m_process);
    m_process->start(findKamailio().path, arguments);
    if (!m_process->waitForStarted(options.startTimeoutMs))
        return fail(QStringLiteral("cannot start kamailio: %1").arg(m_process->errorString()));
    m_pid = m_process->processId();
    if (waitUntilReady(options))
        return true;
    stop();
    return false;
}

bool KamailioServer::waitUntilReady(const Options &options)
{
    const QDeadlineTimer deadline(options.startTimeoutMs);
    bool sipReady = false;
    while (true) {
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(0)) {
            m_lastLog = logText();
            return fail(QStringLiteral("kamailio exited during start-up (exit code %1) on 127.0.0.1:%2")
                            .arg(m_process->exitCode())
                            .arg(m_port));
        }
        if (!sipReady)
            sipReady = answersOptions();
        if (sipReady) {
            bool ok = false;
            kamcmd({QStringLiteral("core.version")}, &ok);
            if (ok)
                return true;
        }
        if (deadline.hasExpired()) {
            m_lastLog = logText();
            return fail(QStringLiteral("kamailio on 127.0.0.1:%1 did not answer %2 within %3 ms")
                            .arg(m_port)
                            .arg(sipReady ? QStringLiteral("kamcmd") : QStringLiteral("SIP OPTIONS"))
                            .arg(options.startTimeoutMs));
        }
        QThread::msleep(50);
    }
}

bool KamailioServer::answersOptions() const
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        return false;
    const QString callId = QStringLiteral("probe-%1@127.0.0.1").arg(QRandomGenerator::global()->generate());
    const QString request = QStringLiteral("OPTIONS sip:%1:%2 SIP/2.0\r\n"
                                           "Via: SIP/2.0/UDP 127.0.0.1:%3;branch=z9hG4bK%4;rport\r\n"
                                           "Max-Forwards: 70\r\n"
                                           "From: <sip:probe@127.0.0.1>;tag=%4\r\n"
                                           "To: <sip:%1:%2>\r\n"
                                           "Call-ID: %5\r\n"
                                           "CSeq: 1 OPTIONS\r\n"
                                           "Content-Length: 0\r\n\r\n")
                                .arg(QStringLiteral("127.0.0.1"))
                                .arg(m_port)
                                .arg(socket.localPort())
                                .arg(QRandomGenerator::global()->generate())
                                .arg(callId);
    socket.writeDatagram(request.toUtf8(), QHostAddress::LocalHost, m_port);
    const QDeadlineTimer deadline(300);
    while (socket.waitForReadyRead(int(deadline.remainingTime()))) {
        while (socket.hasPendingDatagrams()) {
            const QByteArray answer = socket.receiveDatagram().data();
            if (answer.startsWith("SIP/2.0 ") && answer.contains(callId.toUtf8()))
                return true;
        }
    }
    return false;
}

void KamailioServer::stop()
{
    if (m_process) {
        ProcessGroup::terminate(*m_process, m_pid, stopGraceMs);
        m_lastLog = logText();
        m_process.reset();
    }
    m_pid = 0;
    m_directory.reset();
}

bool KamailioServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

quint16 KamailioServer::port() const
{
    return m_port;
}

quint16 KamailioServer::tlsPort() const
{
    return m_tlsPort;
}

QString KamailioServer::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString KamailioServer::domain() const
{
    return m_domain;
}

QString KamailioServer::password(const QString &extension) const
{
    return m_users.value(extension);
}

qint64 KamailioServer::processId() const
{
    return isRunning() ? m_pid : 0;
}

QString KamailioServer::runDirectory() const
{
    return m_directory ? m_directory->path() : QString();
}

QString KamailioServer::logText() const
{
    if (!m_directory)
        return m_lastLog;
    QFile log(m_directory->filePath(QStringLiteral("kamailio.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : m_lastLog;
}

QString KamailioServer::stderrText() const
{
    const QString log = isRunning() ? logText() : m_lastLog;
    if (m_error.isEmpty())
        return log;
    // The reason first; then the end of the log, where Kamailio says what went wrong.
    return m_error + QStringLiteral("\n--- kamailio log (end) ---\n") + log.right(6000);
}

QString KamailioServer::kamcmd(const QStringList &arguments, bool *ok) const
{
    if (ok)
        *ok = false;
    if (!m_directory)
        return QStringLiteral("error: Kamailio is not running");
    const ExternalTool tool = findKamcmd();
    if (!tool.found())
        return QStringLiteral("error: ") + tool.missingReason;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(tool.path,
                  QStringList{QStringLiteral("-s"),
                              QStringLiteral("unix:") + m_directory->filePath(QStringLiteral("kamailio_ctl"))} +
                      arguments);
    if (!process.waitForFinished(kamcmdTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return QStringLiteral("error: kamcmd timed out");
    }
    const QString output = QString::fromUtf8(process.readAll());
    // kamcmd exits 0 even when Kamailio answers with an error.
    if (ok)
        *ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 &&
              !output.startsWith(QLatin1String("error:"));
    return output;
}

QStringList KamailioServer::bindings(const QString &aor) const
{
    // usrloc runs without domains: the AOR is the user part ("s:" keeps "1001" a string).
    QString user = aor.trimmed();
    if (user.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        user = user.mid(4);
    else if (user.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        user = user.mid(5);
    user = user.section(QLatin1Char('@'), 0, 0).section(QLatin1Char(';'), 0, 0);
    if (user.isEmpty())
        return {};
    bool ok = false;
    const QString output =
        kamcmd({QStringLiteral("ul.lookup"), QStringLiteral("location"), QStringLiteral("s:") + user}, &ok);
    if (!ok)
        return {};
    QStringList contacts;
    static const QRegularExpression address(QStringLiteral("^\\s*Address:\\s*(\\S+)\\s*$"),
                                            QRegularExpression::MultilineOption);
    for (QRegularExpressionMatchIterator it = address.globalMatch(output); it.hasNext();)
        contacts << it.next().captured(1);
    return contacts;
}

} // namespace Test
