// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/PreflightReport.h"

#include "sipcore/Preflight.h"

#include <algorithm>

namespace Sip {

namespace {

QString endpoint(const PreflightProbe &probe)
{
    const QString address = probe.address.isEmpty() ? probe.host : probe.address;
    return (address.contains(u':') ? u'[' + address + u']' : address) + u':' + QString::number(probe.port);
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + Preflight::tr(" and ") + names.constLast();
}
} // namespace

QString transportDisplayName(Transport transport)
{
    switch (transport) {
    case Transport::Udp:
        return QStringLiteral("UDP");
    case Transport::Tcp:
        return QStringLiteral("TCP");
    case Transport::Tls:
        return QStringLiteral("TLS");
    case Transport::Invalid:
        break;
    }
    return QStringLiteral("?");
}

QString PreflightProbe::describe() const
{
    const QString where = transportDisplayName(transport) + u' ' + endpoint(*this);
    switch (outcome) {
    case Outcome::Answered: {
        QString text =
            Preflight::tr("%1 answered %2 %3 in %4 ms").arg(where).arg(statusCode).arg(reasonPhrase).arg(roundTripMs);
        if (!serverAgent.isEmpty())
            text += QStringLiteral(" (") + serverAgent + u')';
        if (certificate == Certificate::Trusted)
            text += QStringLiteral("; ") + Preflight::tr("TLS answers, certificate OK (%1)").arg(certificateText);
        else if (certificate == Certificate::NotTrusted)
            text += QStringLiteral("; ") + Preflight::tr("certificate not trusted: %1").arg(certificateText);
        return text;
    }
    case Outcome::Refused:
        return Preflight::tr("%1: nothing is listening there (%2)").arg(where, error);
    case Outcome::TimedOut:
        return Preflight::tr("%1: no answer within %2 (the server ignores this transport, or a firewall drops it)")
            .arg(where, error);
    case Outcome::NotResolved:
        return Preflight::tr("%1: the name could not be found (%2)")
            .arg(transportDisplayName(transport) + u' ' + host, error);
    case Outcome::Failed:
        return Preflight::tr("%1: %2").arg(where, error);
    case Outcome::Invalid:
        break;
    }
    return Preflight::tr("%1: not checked").arg(where);
}

const PreflightProbe *PreflightReport::probe(Transport transport) const
{
    for (const PreflightProbe &candidate : probes) {
        if (candidate.transport == transport)
            return &candidate;
    }
    return nullptr;
}

bool PreflightReport::anyAnswered() const
{
    return std::any_of(probes.cbegin(), probes.cend(), [](const PreflightProbe &p) { return p.answered(); });
}

QString PreflightReport::headline() const
{
    if (!dnsError.isEmpty())
        return Preflight::tr(
                   "The server name %1 could not be found: %2. Check the spelling of the server (the part right of "
                   "the @) and your network's DNS.")
            .arg(server, dnsError);
    QStringList answered;
    for (const PreflightProbe &candidate : probes) {
        if (candidate.answered())
            answered << transportDisplayName(candidate.transport);
    }
    const QString chosen = transportDisplayName(lineTransport);
    if (answered.isEmpty()) {
        bool refused = !probes.isEmpty();
        for (const PreflightProbe &candidate : probes)
            refused = refused && candidate.outcome == PreflightProbe::Outcome::Refused;
        if (refused)
            return Preflight::tr(
                       "Nothing is listening for SIP at %1: the address is reachable but no SIP server runs on that "
                       "port. Check the server address and the port.")
                .arg(server);
        return Preflight::tr(
                   "Nothing answered at %1. Check the server address and port, the network cable or Wi-Fi, and any "
                   "firewall or VPN between you and the server.")
            .arg(server);
    }
    const PreflightProbe *chosenProbe = probe(lineTransport);
    if (chosenProbe && chosenProbe->answered() && chosenProbe->certificate == PreflightProbe::Certificate::NotTrusted)
        return Preflight::tr("The server answers over %1, but the line cannot register: certificate not trusted: %2")
            .arg(chosen, chosenProbe->certificateText);
    if (answered.contains(chosen)) {
        QString text =
            Preflight::tr("The server answers over %1, the transport this line uses, so the line can register.")
                .arg(chosen);
        answered.removeAll(chosen);
        if (!answered.isEmpty())
            text += u' ' + Preflight::tr("It also answers over %1.").arg(joinNames(answered));
        return text;
    }
    return Preflight::tr(
               "The server does not answer on %1, the transport this line uses, but it does on %2. Choose %3 under "
               "Advanced (or check the port).")
        .arg(chosen, joinNames(answered), answered.constFirst());
}

QString PreflightReport::summary() const
{
    QStringList lines{headline()};
    for (const QString &finding : dnsFindings)
        lines << QStringLiteral("• ") + finding;
    for (const PreflightProbe &candidate : probes)
        lines << QStringLiteral("• ") + candidate.describe();
    return lines.join(u'\n');
}

} // namespace Sip
