// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/cli/LineOptions.h"

#include "sipcore/SipAddress.h"

#include <QFile>
#include <QTextStream>
#include <QUuid>
#include <cstdio>

namespace Cli {

void LineOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("server"), QStringLiteral("SIP server (the part right of the @), HOST[:PORT]."),
                      QStringLiteral("HOST[:PORT]")});
    parser.addOption(
        {QStringLiteral("extension"), QStringLiteral("Extension (the part left of the @)."), QStringLiteral("EXT")});
    parser.addOption({QStringLiteral("auth-user"), QStringLiteral("Digest user name, if not the extension."),
                      QStringLiteral("USER")});
    parser.addOption({QStringLiteral("password-file"),
                      QStringLiteral("Read the password from FILE ('-' = standard input). Otherwise the "
                                     "environment variable OFFHOOK_PASSWORD is used."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("password"), QStringLiteral("Not accepted: see --password-file."), QStringLiteral("PASSWORD")});
    parser.addOption(
        {QStringLiteral("transport"), QStringLiteral("udp (default), tcp or tls."), QStringLiteral("udp|tcp|tls")});
    parser.addOption({QStringLiteral("ca-file"),
                      QStringLiteral("TLS: also trust the certificate authorities in this PEM file (a private PBX "
                                     "CA), besides the system's."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("proxy"), QStringLiteral("Outbound proxy every request goes through."),
                      QStringLiteral("HOST[:PORT]")});
    parser.addOption({QStringLiteral("display-name"), QStringLiteral("Display name in From."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("instance"),
                      QStringLiteral("The line's +sip.instance UUID (default: derived from this machine and the line, "
                                     "so a restart replaces the binding of a run that crashed)."),
                      QStringLiteral("UUID")});
    parser.addOption({QStringLiteral("expires"), QStringLiteral("Requested registration expiry (default 300)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("keepalive"),
                      QStringLiteral("Keep-alive interval while registered, 0 = off (default 25): keeps a NAT "
                                     "router's mapping open so calls still reach this phone."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Bound for the whole registration attempt (default 32)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("hold"), QStringLiteral("Stay registered this long, then unregister."),
                      QStringLiteral("SECONDS")});
    parser.addOption(
        {QStringLiteral("bind"), QStringLiteral("Local IP address to send from."), QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("log"), QStringLiteral("Also write the log to FILE."), QStringLiteral("FILE")});
}

void LineOptions::addCaptureTo(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("pcapng"),
                      QStringLiteral("Also save the run's SIP messages as a pcapng capture (Wireshark, sngrep), "
                                     "with the digest credentials masked."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("no-mask"), QStringLiteral("Keep the digest credentials in the --pcapng file.")});
}

bool LineOptions::readCapture(const QCommandLineParser &parser, QString *error)
{
    pcapngFile = parser.value(QStringLiteral("pcapng"));
    maskCapture = !parser.isSet(QStringLiteral("no-mask"));
    if (!maskCapture && pcapngFile.isEmpty()) {
        *error = QStringLiteral("--no-mask applies to the --pcapng file; give --pcapng FILE");
        return false;
    }
    return true;
}

bool LineOptions::read(const QCommandLineParser &parser, QString *error)
{
    if (parser.isSet(QStringLiteral("password"))) {
        *error = QStringLiteral("passwords are not taken on the command line (other users can read it there); "
                                "set OFFHOOK_PASSWORD or use --password-file");
        return false;
    }
    if (!parser.isSet(QStringLiteral("server")) || !parser.isSet(QStringLiteral("extension"))) {
        *error = QStringLiteral("--server and --extension are required");
        return false;
    }
    line.id = QStringLiteral("cli");
    line.server = parser.value(QStringLiteral("server"));
    line.extension = parser.value(QStringLiteral("extension"));
    line.authUser = parser.value(QStringLiteral("auth-user"));
    line.outboundProxy = parser.value(QStringLiteral("proxy"));
    line.displayName = parser.value(QStringLiteral("display-name"));
    if (parser.isSet(QStringLiteral("instance"))) {
        const QUuid instance = QUuid::fromString(parser.value(QStringLiteral("instance")));
        if (instance.isNull()) {
            *error = QStringLiteral("--instance needs a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e");
            return false;
        }
        line.instanceId = instance.toString(QUuid::WithoutBraces);
    }
    if (parser.isSet(QStringLiteral("transport"))) {
        line.transport = Sip::transportFromName(parser.value(QStringLiteral("transport")));
        if (line.transport == Sip::Transport::Invalid) {
            *error = QStringLiteral("--transport must be udp, tcp or tls");
            return false;
        }
    }
    auto readSeconds = [&parser, error](const QString &name, int minimum, int *value) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const int number = parser.value(name).toInt(&ok);
        if (!ok || number < minimum || number > 86400) {
            *error = QStringLiteral("--%1 needs a number of seconds (%2..86400)").arg(name).arg(minimum);
            return false;
        }
        *value = number;
        return true;
    };
    if (!readSeconds(QStringLiteral("expires"), 1, &line.expiresSeconds) ||
        !readSeconds(QStringLiteral("keepalive"), 0, &line.keepaliveSeconds) ||
        !readSeconds(QStringLiteral("timeout"), 1, &timeoutSeconds) ||
        !readSeconds(QStringLiteral("hold"), 0, &holdSeconds))
        return false;
    logFile = parser.value(QStringLiteral("log"));
    bindAddress = parser.value(QStringLiteral("bind"));
    caFile = parser.value(QStringLiteral("ca-file"));
    if (!readPassword(parser, &line.password, error))
        return false;
    const QStringList problems = line.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char(' '));
        return false;
    }
    return true;
}

Sip::EngineOptions LineOptions::engineOptions() const
{
    Sip::EngineOptions options;
    options.watchNetwork = false;
    options.bindAddress = bindAddress;
    options.caCertificatesFile = caFile;
    options.transactionTimeoutMs = qMin(32000, timeoutSeconds * 1000);
    options.shutdownTimeoutMs = qBound(1000, timeoutSeconds * 1000, 5000);
    return options;
}

bool LineOptions::readPassword(const QCommandLineParser &parser, QString *password, QString *error)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        const QString path = parser.value(QStringLiteral("password-file"));
        QFile file;
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            *error = QStringLiteral("cannot read the password file %1: %2").arg(path, file.errorString());
            return false;
        }
        QByteArray content = file.readLine(4096);
        while (content.endsWith('\n') || content.endsWith('\r'))
            content.chop(1);
        *password = QString::fromUtf8(content);
        return true;
    }
    *password = qEnvironmentVariable("OFFHOOK_PASSWORD");
    return true;
}

} // namespace Cli
