// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SipAddress.h"

#include <QHostAddress>

namespace Sip {
namespace {

bool isUnreservedOrUserChar(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
        return true;
    // RFC 3261 unreserved marks and user-unreserved
    static const QString allowed = QStringLiteral("-_.!~*'()&=+$,;?/");
    return allowed.contains(c);
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

bool isValidHostName(const QString &host, QString *error)
{
    if (host.size() > 253) {
        *error = QStringLiteral("the name is longer than 253 characters");
        return false;
    }
    const QStringList labels = host.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString &label = labels.at(i);
        if (label.isEmpty()) {
            if (i == labels.size() - 1 && i > 0)
                continue; // trailing dot of a fully qualified name
            *error = QStringLiteral("\"%1\" has an empty part between dots").arg(host);
            return false;
        }
        if (label.size() > 63) {
            *error = QStringLiteral("a part of the name is longer than 63 characters");
            return false;
        }
        for (QChar c : label) {
            const char16_t u = c.unicode();
            const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-';
            if (!ok) {
                *error = QStringLiteral("\"%1\" contains the character '%2', which a server name cannot have")
                             .arg(host, QString(c));
                return false;
            }
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))) {
            *error = QStringLiteral("a part of the name starts or ends with '-'");
            return false;
        }
    }
    return true;
}

bool parsePort(const QString &text, quint16 *port, QString *error)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535) {
        *error = QStringLiteral("\"%1\" is not a port number (1-65535)").arg(text);
        return false;
    }
    *port = static_cast<quint16>(value);
    return true;
}

} // namespace

HostPort HostPort::parse(const QString &input)
{
    HostPort result;
    QString text = input.trimmed();
    if (text.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        text = text.mid(4);
    else if (text.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        text = text.mid(5);
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        text = text.mid(at + 1);
    const qsizetype semicolon = text.indexOf(QLatin1Char(';'));
    if (semicolon >= 0)
        text = text.left(semicolon);
    if (text.isEmpty()) {
        result.error = QStringLiteral("no server name or address was given");
        return result;
    }
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            result.error = QStringLiteral("an IPv6 address in brackets is missing its closing ']'");
            return result;
        }
        result.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                result.error = QStringLiteral("unexpected text after the IPv6 address");
                return result;
            }
            portText = rest.mid(1);
        }
        QHostAddress address;
        if (!address.setAddress(result.host) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            result.error = QStringLiteral("\"%1\" is not a valid IPv6 address").arg(result.host);
            return result;
        }
    } else if (text.count(QLatin1Char(':')) > 1) {
        // Bare IPv6 literal without port
        QHostAddress address;
        if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            result.error = QStringLiteral("\"%1\" is not a valid address").arg(text);
            return result;
        }
        result.host = text;
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        result.host = colon >= 0 ? text.left(colon) : text;
        if (colon >= 0)
            portText = text.mid(colon + 1);
        if (result.host.isEmpty()) {
            result.error = QStringLiteral("no server name or address was given");
            return result;
        }
        QHostAddress address;
        const bool looksNumeric = !result.host.isEmpty() && result.host.at(result.host.size() - 1).isDigit() &&
                                  result.host.count(QLatin1Char('.')) == 3;
        if (looksNumeric && !address.setAddress(result.host)) {
            result.error = QStringLiteral("\"%1\" is not a valid IPv4 address").arg(result.host);
            return result;
        }
        if (!looksNumeric && !isValidHostName(result.host, &result.error))
            return result;
    }
    if (!portText.isEmpty() && !parsePort(portText, &result.port, &result.error))
        return result;
    if (portText.isEmpty() && text.endsWith(QLatin1Char(':'))) {
        result.error = QStringLiteral("a ':' must be followed by a port number");
        return result;
    }
    result.valid = true;
    return result;
}

bool HostPort::isIpLiteral() const
{
    QHostAddress address;
    return address.setAddress(host);
}

bool HostPort::isIpv6() const
{
    QHostAddress address;
    return address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol;
}

QString HostPort::uriHostPort() const
{
    QString result = isIpv6() ? QStringLiteral("[%1]").arg(host) : host;
    if (port != 0)
        result += QLatin1Char(':') + QString::number(port);
    return result;
}

namespace Address {

bool isValidUserPart(const QString &text, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    if (text.isEmpty()) {
        err = QStringLiteral("it is empty");
        return false;
    }
    if (text.size() > 256) {
        err = QStringLiteral("it is longer than 256 characters");
        return false;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%')) {
            if (i + 2 >= text.size() || !isHexDigit(text.at(i + 1)) || !isHexDigit(text.at(i + 2))) {
                err = QStringLiteral("'%' must be followed by two hex digits");
                return false;
            }
            i += 2;
            continue;
        }
        if (c == QLatin1Char('@')) {
            err = QStringLiteral("it contains '@'; enter only the part left of the @");
            return false;
        }
        if (c.isSpace()) {
            err = QStringLiteral("it contains a space");
            return false;
        }
        if (!isUnreservedOrUserChar(c)) {
            err = QStringLiteral("the character '%1' is not allowed").arg(QString(c));
            return false;
        }
    }
    return true;
}

QString escapeUserPart(const QString &user)
{
    QString result;
    const QByteArray utf8 = user.toUtf8();
    for (const char ch : utf8) {
        const QChar c = QLatin1Char(ch);
        if (static_cast<unsigned char>(ch) < 0x80 && isUnreservedOrUserChar(c) && ch != '%')
            result += c;
        else
            result += QStringLiteral("%%1").arg(static_cast<unsigned char>(ch), 2, 16, QLatin1Char('0')).toUpper();
    }
    return result;
}

QString addressOfRecord(const LineConfig &line)
{
    const HostPort hostPort = HostPort::parse(line.server);
    HostPort domain = hostPort;
    domain.port = 0;
    return QStringLiteral("sip:%1@%2").arg(escapeUserPart(line.extension), domain.uriHostPort());
}

QString displayAddress(const LineConfig &line)
{
    const HostPort hostPort = HostPort::parse(line.server);
    return QStringLiteral("%1@%2").arg(line.extension, hostPort.valid ? hostPort.host : line.server);
}

QString registrarUri(const LineConfig &line)
{
    HostPort hostPort = HostPort::parse(line.server);
    if (line.port != 0)
        hostPort.port = line.port;
    QString uri = QStringLiteral("sip:") + hostPort.uriHostPort();
    if (line.transport == Transport::Tcp)
        uri += QStringLiteral(";transport=tcp");
    else if (line.transport == Transport::Tls)
        uri += QStringLiteral(";transport=tls");
    return uri;
}

QString nextHopUri(const QString &ip, quint16 port, Transport transport)
{
    QHostAddress address(ip);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(ip) : ip;
    return QStringLiteral("sip:%1:%2;transport=%3").arg(host).arg(port).arg(transportName(transport));
}

quint16 defaultPort(Transport transport)
{
    return transport == Transport::Tls ? 5061 : 5060;
}

} // namespace Address
} // namespace Sip
