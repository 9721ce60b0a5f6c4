// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/Diagnosis.h"

#include <QCoreApplication>

namespace Sip::Diagnosis {
namespace {

bool isMd5(const QString &algorithm)
{
    return algorithm.isEmpty() || algorithm.compare(QLatin1String("MD5"), Qt::CaseInsensitive) == 0 ||
           algorithm.compare(QLatin1String("MD5-sess"), Qt::CaseInsensitive) == 0;
}

} // namespace

FailureKind classify(int statusCode, const Context &context)
{
    if (statusCode >= 200 && statusCode < 300)
        return FailureKind::None;
    // A challenge that ends an attempt is always an authentication problem: credentials rejected, none
    // configured, or an algorithm the stack cannot answer. 90x are the stack's own auth errors.
    if (statusCode == 401 || statusCode == 407 || statusCode == 904 || statusCode == 902)
        return FailureKind::Authentication;
    if (statusCode == 408)
        return FailureKind::Timeout;
    if (context.stackGenerated && (statusCode == 503 || statusCode == 502 || statusCode == 416 || statusCode == 478))
        return FailureKind::Network;
    if (statusCode >= 300 && statusCode < 700)
        return FailureKind::Rejected;
    return FailureKind::Other;
}

QString explain(int statusCode, const QString &reasonPhrase, const Context &context)
{
    const QString challenge = context.proxyChallenge ? QCoreApplication::translate("Sip::Diagnosis", "proxy")
                                                     : QCoreApplication::translate("Sip::Diagnosis", "server");
    switch (statusCode) {
    case 401:
    case 407:
        if (!isMd5(context.algorithm))
            return QCoreApplication::translate(
                       "Sip::Diagnosis", "The %1 asks for %2 digest authentication, which Offhook cannot answer (it "
                                         "supports MD5). Ask the provider to allow MD5 digest for this account.")
                .arg(challenge, context.algorithm);
        if (context.credentialsSent)
            return context.proxyChallenge
                       ? QCoreApplication::translate(
                             "Sip::Diagnosis", "The proxy rejected the credentials: check the Auth User and Password "
                                               "(the proxy may want different credentials than the registrar).")
                       : QCoreApplication::translate(
                             "Sip::Diagnosis",
                             "The server rejected the Auth User or Password. Check both; some carriers "
                             "give a long hashed string to use as both Extension and Auth User.");
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The %1 asks for a password, but none is set for this line. Enter the Password "
                                     "(and Auth User, if the provider gave one).")
            .arg(challenge);
    case 402:
    case 403:
    case 404:
    case 484:
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The server does not accept this extension (%1 %2): check the part left of the @ "
                                     "and that the account is active.")
            .arg(statusCode)
            .arg(reasonPhrase);
    case 405:
    case 501:
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The server does not take registrations (%1 %2): check the SIP server address; it "
                                     "may be a proxy or a different service.")
            .arg(statusCode)
            .arg(reasonPhrase);
    case 408:
        return QCoreApplication::translate(
            "Sip::Diagnosis", "No answer from the server: check the server address and port, the transport "
                              "(UDP/TCP/TLS), the network cable or Wi-Fi, and any firewall between here and the "
                              "server.");
    case 423:
        return QCoreApplication::translate(
            "Sip::Diagnosis", "The server wants a longer registration expiry than requested; raise the expiry "
                              "(Offhook retries with the server's minimum automatically).");
    case 480:
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The server says the account is temporarily unavailable (%1). Try again later.")
            .arg(reasonPhrase);
    case 500:
    case 502:
    case 503:
    case 504:
        if (context.stackGenerated) {
            if (reasonPhrase.contains(QLatin1String("DNS"), Qt::CaseInsensitive))
                return QCoreApplication::translate(
                           "Sip::Diagnosis",
                           "The server name could not be looked up (DNS failure%1): check the spelling "
                           "of the SIP server and the network's DNS settings.")
                    .arg(context.detail.isEmpty() ? QString() : QStringLiteral(": ") + context.detail);
            return QCoreApplication::translate(
                       "Sip::Diagnosis", "Could not reach the server%1: nothing is listening at that address and port, "
                                         "or the network refused the connection. Check the server address, port and "
                                         "transport.")
                .arg(context.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(context.detail));
        }
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The server reported a failure of its own (%1 %2); it may be down or overloaded. "
                                     "Offhook will try again.")
            .arg(statusCode)
            .arg(reasonPhrase);
    default:
        break;
    }
    if (statusCode >= 600 && statusCode < 700)
        return QCoreApplication::translate("Sip::Diagnosis", "The server declined the registration for good (%1 %2).")
            .arg(statusCode)
            .arg(reasonPhrase);
    if (statusCode >= 400 && statusCode < 500)
        return QCoreApplication::translate("Sip::Diagnosis",
                                           "The server refused the registration (%1 %2); check the line's settings.")
            .arg(statusCode)
            .arg(reasonPhrase);
    if (statusCode >= 300 && statusCode < 400)
        return QCoreApplication::translate(
                   "Sip::Diagnosis", "The server redirected the registration (%1 %2) to an address Offhook could not "
                                     "use; check the SIP server setting.")
            .arg(statusCode)
            .arg(reasonPhrase);
    if (statusCode >= 900)
        return QCoreApplication::translate("Sip::Diagnosis", "Internal error in the SIP stack (%1 %2).")
            .arg(statusCode)
            .arg(reasonPhrase);
    return QCoreApplication::translate("Sip::Diagnosis", "Unexpected answer %1 %2.").arg(statusCode).arg(reasonPhrase);
}

QStringList checks(int statusCode, const Context &context)
{
    switch (statusCode) {
    case 401:
        return {
            QCoreApplication::translate(
                "Sip::Diagnosis", "Auth User: often the same as the extension, but carriers may issue a separate one"),
            QCoreApplication::translate("Sip::Diagnosis", "Password: re-type it; it is case-sensitive"),
            QCoreApplication::translate(
                "Sip::Diagnosis", "Hashed carrier credentials: use the issued string as both Extension and Auth User"),
            QCoreApplication::translate("Sip::Diagnosis", "Digest algorithm offered: %1")
                .arg(context.algorithm.isEmpty() ? QStringLiteral("MD5") : context.algorithm)};
    case 407:
        return {QCoreApplication::translate(
                    "Sip::Diagnosis", "Proxy credentials: the outbound proxy may need its own Auth User/Password"),
                QCoreApplication::translate("Sip::Diagnosis", "Password: re-type it; it is case-sensitive")};
    case 402:
    case 403:
    case 404:
    case 484:
        return {
            QCoreApplication::translate("Sip::Diagnosis", "Extension: the part left of the @ must match the account"),
            QCoreApplication::translate("Sip::Diagnosis",
                                        "SIP server: the part right of the @ must be the account's domain"),
            QCoreApplication::translate("Sip::Diagnosis",
                                        "Account: the provider may have disabled or not yet activated it")};
    case 408:
        return {QCoreApplication::translate("Sip::Diagnosis", "Server address: is the name or IP right?"),
                QCoreApplication::translate(
                    "Sip::Diagnosis", "Port and transport: UDP 5060 is usual; some providers use TCP or another port"),
                QCoreApplication::translate("Sip::Diagnosis", "Network: cable, Wi-Fi, VPN"),
                QCoreApplication::translate("Sip::Diagnosis",
                                            "Firewall: outgoing SIP must be allowed, and answers must come back")};
    case 423:
        return {QCoreApplication::translate("Sip::Diagnosis", "Expiry: raise it in the line's advanced settings")};
    case 503:
        if (context.stackGenerated)
            return {
                QCoreApplication::translate("Sip::Diagnosis", "Server name: check its spelling"),
                QCoreApplication::translate("Sip::Diagnosis", "DNS: can this computer resolve names?"),
                QCoreApplication::translate("Sip::Diagnosis", "Port and transport: is the server listening there?")};
        return {QCoreApplication::translate(
            "Sip::Diagnosis", "Server: it reports being down or overloaded; try later or ask the provider")};
    default:
        return {};
    }
}

int exitCode(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return 0;
    case FailureKind::Authentication:
        return 3;
    case FailureKind::Rejected:
        return 4;
    case FailureKind::Timeout:
        return 5;
    case FailureKind::Network:
        return 6;
    case FailureKind::Invalid:
    case FailureKind::Other:
        break;
    }
    return 1;
}

} // namespace Sip::Diagnosis
