// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/SipEngine.h"

#include <QCommandLineParser>
#include <QString>

namespace Cli {

/// The line options shared by offhook-cli's commands (--server, --extension, --auth-user, ...), and
/// reading the password from OFFHOOK_PASSWORD or --password-file — never from the command line.
class LineOptions
{
public:
    static void addTo(QCommandLineParser &parser);
    /// --pcapng FILE and --no-mask, for the commands that can save their wire messages.
    static void addCaptureTo(QCommandLineParser &parser);
    /// Fills line and timeouts from a processed parser. Returns false with a message on bad input.
    bool read(const QCommandLineParser &parser, QString *error);
    /// Fills pcapngFile and maskCapture; only for a parser that addCaptureTo set up.
    bool readCapture(const QCommandLineParser &parser, QString *error);
    /// Engine settings for a command: bind address, TLS authorities, timeouts bounded by --timeout; no
    /// network monitor (a command is one short attempt).
    Sip::EngineOptions engineOptions() const;

    Sip::LineConfig line;
    int timeoutSeconds = 32;
    int holdSeconds = 0;
    QString logFile;
    QString bindAddress;
    QString caFile;          ///< Extra TLS certificate authorities (PEM)
    QString pcapngFile;      ///< Where to save the run's SIP messages as pcapng; empty: nowhere
    bool maskCapture = true; ///< Digest response, nonce and cnonce masked in pcapngFile, as the GUI saves

private:
    static bool readPassword(const QCommandLineParser &parser, QString *password, QString *error);
};

} // namespace Cli
