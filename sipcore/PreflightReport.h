// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Sip {

/// What one OPTIONS probe on one transport found. Plain value; any thread.
struct PreflightProbe
{
    enum class Outcome
    {
        Invalid = 0,
        Answered,    ///< A SIP response came back (any status: the server is there)
        Refused,     ///< Nothing listens: TCP connection refused or ICMP port unreachable
        TimedOut,    ///< No answer within the time limit
        NotResolved, ///< The name for this transport could not be looked up
        Failed,      ///< Other socket or TLS error (see error)
    };

    Transport transport = Transport::Invalid;
    QString host;    ///< Name or address probed (after SRV)
    QString address; ///< IP address used (empty when not resolved)
    quint16 port = 0;
    QString how; ///< How the target was found: "SRV _sip._udp.example -> sip1.example:5080", "default port"
    Outcome outcome = Outcome::Invalid;
    int statusCode = 0;   ///< When Answered
    QString reasonPhrase; ///< When Answered
    QString serverAgent;  ///< Server or User-Agent header of the answer
    int roundTripMs = -1; ///< When Answered
    QString error;        ///< Socket/TLS/DNS error text, when not Answered

    /// TLS only: what the check of the server's certificate found, against the same authorities the
    /// engine trusts (system CAs plus the extra CA file).
    enum class Certificate
    {
        Invalid = 0, ///< Not checked (not TLS, or no handshake)
        Trusted,
        NotTrusted,
    };
    Certificate certificate = Certificate::Invalid;
    QString certificateText; ///< Names and issuer when Trusted; the plain-language reason when NotTrusted

    bool answered() const { return outcome == Outcome::Answered; }
    /// One line in plain words: "UDP 127.0.0.1:5060 answered 200 OK in 2 ms (kamailio 5.6.3)".
    QString describe() const;
};

/// The result of a preflight check of a server: DNS findings and one probe per transport, with a
/// summary that says what to do next. Plain value; any thread.
struct PreflightReport
{
    QString server;                           ///< As given (host[:port]); the outbound proxy when the line has one
    Transport lineTransport = Transport::Udp; ///< The transport the line is set to use
    QStringList dnsFindings; ///< "pbx.example has IPv4 address 192.0.2.7", "no SRV record _sip._tcp.pbx.example"
    QString dnsError;        ///< Set when the name could not be found at all
    QList<PreflightProbe> probes;

    /// The probe for a transport, or null.
    const PreflightProbe *probe(Transport transport) const;
    bool anyAnswered() const;
    /// The verdict, first sentence of summary(): what answered and what to change.
    QString headline() const;
    /// headline(), then the DNS findings and one line per probe.
    QString summary() const;
};

QString transportDisplayName(Transport transport); ///< "UDP", "TCP", "TLS"

} // namespace Sip

Q_DECLARE_METATYPE(Sip::PreflightReport)
