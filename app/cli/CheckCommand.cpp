// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/CheckCommand.h"

#include "sipcore/Preflight.h"
#include "sipcore/SipAddress.h"

#include <QCoreApplication>
#include <cstdio>

namespace Cli {

CheckCommand::CheckCommand(QObject *parent) : Command(parent), m_preflight(new Sip::Preflight(nullptr, this))
{
    connect(m_preflight, &Sip::Preflight::progress, this, [](const QString &text) {
        std::printf("%s\n", qPrintable(text));
        std::fflush(stdout);
    });
    connect(m_preflight, &Sip::Preflight::finished, this, &CheckCommand::onFinished);
}

CheckCommand::~CheckCommand() = default;

void CheckCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("server"), QStringLiteral("SIP server to check."), QStringLiteral("HOST[:PORT]")});
    parser.addOption({QStringLiteral("transport"), QStringLiteral("Transport the line would use (default udp)."),
                      QStringLiteral("udp|tcp|tls"), QStringLiteral("udp")});
    parser.addOption({QStringLiteral("proxy"), QStringLiteral("Outbound proxy; checked instead of the server."),
                      QStringLiteral("HOST[:PORT]")});
    parser.addOption({QStringLiteral("extension"), QStringLiteral("User part for From (default preflight)."),
                      QStringLiteral("EXT")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds to wait per transport (default 4)."),
                      QStringLiteral("SECONDS"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("ca-file"),
                      QStringLiteral("PEM file of extra TLS certificate authorities to trust (as for register)."),
                      QStringLiteral("FILE")});
}

bool CheckCommand::start(const QCommandLineParser &parser, QString *error, bool *usageError)
{
    *usageError = true;
    Sip::LineConfig line;
    line.server = parser.value(QStringLiteral("server")).trimmed();
    line.outboundProxy = parser.value(QStringLiteral("proxy")).trimmed();
    line.extension = parser.value(QStringLiteral("extension"));
    line.transport = Sip::transportFromName(parser.value(QStringLiteral("transport")).toLower());
    if (line.server.isEmpty()) {
        *error = QStringLiteral("--server is required");
        return false;
    }
    const Sip::HostPort server = Sip::HostPort::parse(line.server);
    if (!server.valid) {
        *error = QStringLiteral("--server: %1").arg(server.error);
        return false;
    }
    if (line.transport == Sip::Transport::Invalid) {
        *error = QStringLiteral("--transport must be udp, tcp or tls");
        return false;
    }
    bool ok = false;
    const int timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || timeoutSeconds < 1 || timeoutSeconds > 60) {
        *error = QStringLiteral("--timeout must be 1 to 60 seconds");
        return false;
    }
    Sip::Preflight::Options options;
    options.probeTimeoutMs = timeoutSeconds * 1000;
    options.caCertificatesFile = parser.value(QStringLiteral("ca-file"));
    m_preflight->start(line, options);
    return true;
}

void CheckCommand::onFinished(const Sip::PreflightReport &report)
{
    std::printf("%s\n", qPrintable(report.summary()));
    const Sip::PreflightProbe *chosen = report.probe(report.lineTransport);
    const int status = chosen && chosen->answered() ? 0 : (report.anyAnswered() ? 4 : 6);
    std::fflush(stdout);
    QCoreApplication::exit(status);
}

} // namespace Cli
