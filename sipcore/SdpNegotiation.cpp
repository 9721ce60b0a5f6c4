// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/SdpNegotiation.h"

#include <QHostAddress>
#include <QList>

#include <utility>

namespace Sip {
namespace {

constexpr int kOpusPayloadType = 111;
constexpr int kTelephoneEventPayloadType = 101;

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

bool parseNumber(const QByteArray &bytes, int minimum, int maximum, int *value)
{
    bool ok = false;
    const int number = bytes.toInt(&ok);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = number;
    return true;
}

/// The static RTP/AVP assignments Offhook cares about (RFC 3551), for formats without rtpmap.
SdpFormat staticFormat(int payloadType)
{
    SdpFormat format;
    format.payloadType = payloadType;
    if (payloadType == 0) {
        format.encoding = QStringLiteral("PCMU");
        format.clockRateHz = 8000;
    } else if (payloadType == 8) {
        format.encoding = QStringLiteral("PCMA");
        format.clockRateHz = 8000;
    } else if (payloadType == 9) {
        format.encoding = QStringLiteral("G722");
        format.clockRateHz = 8000;
    } else if (payloadType == 18) {
        format.encoding = QStringLiteral("G729");
        format.clockRateHz = 8000;
    } else if (payloadType == 3) {
        format.encoding = QStringLiteral("GSM");
        format.clockRateHz = 8000;
    }
    return format;
}

/// Canonical codec name ("opus", "PCMU", "PCMA") when Offhook runs this format, else empty.
QString runnableCodec(const SdpFormat &format)
{
    if (format.encoding.compare(QLatin1String("opus"), Qt::CaseInsensitive) == 0 && format.clockRateHz == 48000)
        return QStringLiteral("opus");
    if (format.encoding.compare(QLatin1String("PCMU"), Qt::CaseInsensitive) == 0 && format.clockRateHz == 8000)
        return QStringLiteral("PCMU");
    if (format.encoding.compare(QLatin1String("PCMA"), Qt::CaseInsensitive) == 0 && format.clockRateHz == 8000)
        return QStringLiteral("PCMA");
    return {};
}

bool isTelephoneEvent(const SdpFormat &format)
{
    return format.encoding.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) == 0;
}

const SdpFormat *findCodec(const SdpMedia &media, const QString &codec)
{
    for (const SdpFormat &format : media.formats) {
        if (runnableCodec(format) == codec)
            return &format;
    }
    return nullptr;
}

MediaDirection directionFromAttribute(const QByteArray &name)
{
    if (name == "sendrecv")
        return MediaDirection::SendRecv;
    if (name == "sendonly")
        return MediaDirection::SendOnly;
    if (name == "recvonly")
        return MediaDirection::RecvOnly;
    if (name == "inactive")
        return MediaDirection::Inactive;
    return MediaDirection::Invalid;
}

bool sends(MediaDirection direction)
{
    return direction == MediaDirection::SendRecv || direction == MediaDirection::SendOnly;
}

bool receives(MediaDirection direction)
{
    return direction == MediaDirection::SendRecv || direction == MediaDirection::RecvOnly;
}

MediaDirection combine(bool send, bool receive)
{
    if (send && receive)
        return MediaDirection::SendRecv;
    if (send)
        return MediaDirection::SendOnly;
    if (receive)
        return MediaDirection::RecvOnly;
    return MediaDirection::Inactive;
}

bool validPtime(const QString &codec, int ptimeMs)
{
    if (codec == QLatin1String("opus"))
        return ptimeMs == 10 || ptimeMs == 20 || ptimeMs == 40 || ptimeMs == 60;
    return ptimeMs >= 10 && ptimeMs <= 60 && ptimeMs % 10 == 0;
}

bool isUnspecifiedAddress(const QString &address)
{
    return address == QLatin1String("0.0.0.0") || address == QLatin1String("::");
}

/// Parses "IN IP4 192.0.2.1[/ttl]" into the address; false when malformed.
bool parseConnection(const QByteArray &value, QString *address, QString *error)
{
    const QList<QByteArray> fields = value.simplified().split(' ');
    if (fields.size() != 3 || fields.at(0) != "IN" || (fields.at(1) != "IP4" && fields.at(1) != "IP6")) {
        *error = QStringLiteral("c= must read \"IN IP4 address\" or \"IN IP6 address\"");
        return false;
    }
    QByteArray host = fields.at(2);
    const qsizetype slash = host.indexOf('/');
    if (slash >= 0)
        host.truncate(slash);
    QHostAddress parsed;
    if (!parsed.setAddress(text(host))) {
        *error = QStringLiteral("c= address \"%1\" is not a numeric IP address").arg(text(host));
        return false;
    }
    const bool wantV6 = fields.at(1) == "IP6";
    if (wantV6 != (parsed.protocol() == QAbstractSocket::IPv6Protocol)) {
        *error = QStringLiteral("c= address \"%1\" does not match %2").arg(text(host), text(fields.at(1)));
        return false;
    }
    *address = text(host);
    return true;
}

/// What parse() carries from one line to the next.
struct ParseState
{
    SdpSession session;
    MediaDirection sessionDirection = MediaDirection::SendRecv;
    QList<MediaDirection> mediaDirections; ///< One per m= line; Invalid = inherit the session's
    bool sawVersion = false;
    bool sawOrigin = false;

    /// The m= section the current line belongs to; nullptr at session level.
    SdpMedia *currentMedia() { return session.media.isEmpty() ? nullptr : &session.media.last(); }
};

// Each line parser returns an error message without the line number, or an empty string when the line is fine.

/// o=<username> <session id> <version> <network type> <address type> <address>
QString parseOrigin(const QByteArray &value, SdpSession *session)
{
    const QList<QByteArray> fields = value.simplified().split(' ');
    if (fields.size() != 6)
        return QStringLiteral("o= needs 6 fields (username, session id, version, "
                              "network type, address type, address)");
    bool ok = false;
    session->sessionId = text(fields.at(1));
    session->sessionVersion = fields.at(2).toULongLong(&ok);
    if (!ok)
        return QStringLiteral("o= session version \"%1\" is not a number").arg(text(fields.at(2)));
    session->originAddress = text(fields.at(5));
    return {};
}

/// c= before any m= line is the session's address; after one, it belongs to that stream.
QString parseConnectionLine(const QByteArray &value, ParseState *state)
{
    QString address;
    QString error;
    if (!parseConnection(value, &address, &error))
        return error;
    if (SdpMedia *media = state->currentMedia())
        media->connectionAddress = address;
    else
        state->session.connectionAddress = address;
    return {};
}

/// m=<media> <port>[/<count>] <protocol> <format>...; an RTP format starts out as the static table has it.
QString parseMediaLine(const QByteArray &value, ParseState *state)
{
    const QList<QByteArray> fields = value.simplified().split(' ');
    if (fields.size() < 4)
        return QStringLiteral("m= needs media, port, protocol and at least one format");
    SdpMedia media;
    media.type = text(fields.at(0));
    QByteArray port = fields.at(1);
    if (const qsizetype slash = port.indexOf('/'); slash >= 0)
        port.truncate(slash);
    int portNumber = 0;
    if (!parseNumber(port, 0, 65535, &portNumber))
        return QStringLiteral("m= port \"%1\" is not a port number").arg(text(fields.at(1)));
    media.port = static_cast<quint16>(portNumber);
    media.protocol = text(fields.at(2));
    const bool rtp = media.protocol.startsWith(QLatin1String("RTP/"));
    for (qsizetype i = 3; i < fields.size(); ++i) {
        int payloadType = -1;
        if (rtp && !parseNumber(fields.at(i), 0, 127, &payloadType))
            return QStringLiteral("m= format \"%1\" is not an RTP payload type (0-127)").arg(text(fields.at(i)));
        media.formats.append(staticFormat(payloadType));
    }
    state->session.media.append(media);
    state->mediaDirections.append(MediaDirection::Invalid);
    return {};
}

/// The "<encoding>/<clock rate>[/<channels>]" of a=rtpmap.
QString parseRtpmap(const QByteArray &mapping, SdpFormat *format)
{
    const QList<QByteArray> parts = mapping.split('/');
    int rate = 0;
    if (parts.size() < 2 || parts.at(0).isEmpty() || !parseNumber(parts.at(1), 1, 1000000, &rate))
        return QStringLiteral("a=rtpmap needs \"encoding/clock rate\", got \"%1\"").arg(text(mapping));
    format->encoding = text(parts.at(0));
    format->clockRateHz = rate;
    format->channels = 1;
    if (parts.size() > 2 && !parseNumber(parts.at(2), 1, 255, &format->channels))
        return QStringLiteral("a=rtpmap channel count \"%1\" is not a number").arg(text(parts.at(2)));
    return {};
}

/// a=rtpmap:<payload type> <mapping> and a=fmtp:<payload type> <parameters>, name being "rtpmap" or "fmtp".
QString parseFormatAttribute(const QByteArray &name, const QByteArray &argument, SdpMedia *media)
{
    const qsizetype space = argument.indexOf(' ');
    int payloadType = -1;
    if (space <= 0 || !parseNumber(argument.left(space), 0, 127, &payloadType))
        return QStringLiteral("a=%1 must start with a payload type number").arg(text(name));
    SdpFormat *format = nullptr;
    for (SdpFormat &item : media->formats) {
        if (item.payloadType == payloadType)
            format = &item; // a payload type listed twice: the last one is described
    }
    if (!format)
        return {}; // describes a format the m= line does not list; harmless
    const QByteArray rest = argument.mid(space + 1).trimmed();
    if (name == "fmtp") {
        format->parameters = text(rest);
        return {};
    }
    return parseRtpmap(rest, format);
}

QString parsePtime(const QByteArray &argument, SdpMedia *media)
{
    if (!parseNumber(argument, 1, 1000, &media->ptimeMs))
        return QStringLiteral("a=ptime \"%1\" is not a number of milliseconds").arg(text(argument));
    return {};
}

/// a=rtcp:<port>[ <network type> <address type> <address>] (RFC 3605); only the port is kept.
QString parseRtcp(const QByteArray &argument, SdpMedia *media)
{
    int port = 0;
    const QByteArray portText = argument.split(' ').constFirst();
    if (!parseNumber(portText, 1, 65535, &port))
        return QStringLiteral("a=rtcp port \"%1\" is not a port number").arg(text(portText));
    media->rtcpPort = static_cast<quint16>(port);
    return {};
}

/// a=<name>[:<argument>]. A direction counts at either level; the other attributes only inside a stream.
QString parseAttribute(const QByteArray &value, ParseState *state)
{
    const qsizetype colon = value.indexOf(':');
    const QByteArray name = colon < 0 ? value.trimmed() : value.left(colon).trimmed();
    const QByteArray argument = colon < 0 ? QByteArray() : value.mid(colon + 1).trimmed();
    SdpMedia *media = state->currentMedia();
    if (const MediaDirection direction = directionFromAttribute(name); direction != MediaDirection::Invalid) {
        if (media)
            state->mediaDirections.last() = direction;
        else
            state->sessionDirection = direction;
        return {};
    }
    if (!media)
        return {}; // other session-level attributes do not matter here
    if (name == "rtpmap" || name == "fmtp")
        return parseFormatAttribute(name, argument, media);
    if (name == "ptime")
        return parsePtime(argument, media);
    if (name == "rtcp")
        return parseRtcp(argument, media);
    return {};
}

/// One non-empty line: it must read "x=value" and the first must be v=0; then its type picks the parser.
QString parseLine(const QByteArray &line, ParseState *state)
{
    if (line.size() < 2 || line.at(1) != '=' || line.at(0) < 'a' || line.at(0) > 'z')
        return QStringLiteral("\"%1\" is not a \"x=value\" line").arg(text(line.left(40)));
    const char type = line.at(0);
    const QByteArray value = line.mid(2);
    if (!state->sawVersion) {
        if (type != 'v' || value.trimmed() != "0")
            return QStringLiteral("an SDP body must start with v=0");
        state->sawVersion = true;
        return {};
    }
    switch (type) {
    case 'o':
        state->sawOrigin = true; // a malformed o= line ends the parse anyway
        return parseOrigin(value, &state->session);
    case 'c':
        return parseConnectionLine(value, state);
    case 'm':
        return parseMediaLine(value, state);
    case 'a':
        return parseAttribute(value, state);
    default:
        return {}; // s=, t=, b=, i=, ... carry nothing Offhook needs
    }
}

/// After the last line: a stream without its own direction or c= takes the session's, and a stream in use
/// (port not 0) must end up with an address.
QString inheritSessionLevel(ParseState *state)
{
    SdpSession &session = state->session;
    for (qsizetype i = 0; i < session.media.size(); ++i) {
        SdpMedia &media = session.media[i];
        const MediaDirection own = state->mediaDirections.at(i);
        media.direction = own == MediaDirection::Invalid ? state->sessionDirection : own;
        if (media.connectionAddress.isEmpty())
            media.connectionAddress = session.connectionAddress;
        if (media.port != 0 && media.connectionAddress.isEmpty())
            return QStringLiteral("the %1 stream has no c= connection address").arg(media.type);
    }
    return {};
}

QString atLine(int lineNumber, const QString &message)
{
    return QStringLiteral("line %1: %2").arg(lineNumber).arg(message);
}

} // namespace

const SdpFormat *SdpMedia::format(int payloadType) const
{
    for (const SdpFormat &item : formats) {
        if (item.payloadType == payloadType)
            return &item;
    }
    return nullptr;
}

int SdpSession::firstAudioIndex() const
{
    for (qsizetype i = 0; i < media.size(); ++i) {
        if (media.at(i).type == QLatin1String("audio"))
            return static_cast<int>(i);
    }
    return -1;
}

namespace Sdp {

QStringList supportedCodecs()
{
    return {QStringLiteral("opus"), QStringLiteral("PCMU"), QStringLiteral("PCMA")};
}

ParseResult parse(const QByteArray &input)
{
    if (input.trimmed().isEmpty())
        return {SdpSession(), QStringLiteral("the body is empty")};
    ParseState state;
    const QList<QByteArray> lines = input.split('\n');
    int lineNumber = 0;
    for (QByteArray line : lines) {
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (const QString error = parseLine(line, &state); !error.isEmpty())
            return {std::move(state.session), atLine(lineNumber, error)};
    }
    if (!state.sawOrigin)
        return {std::move(state.session), atLine(lineNumber, QStringLiteral("the o= line is missing"))};
    QString error = inheritSessionLevel(&state);
    return {std::move(state.session), std::move(error)};
}

QByteArray buildTemplate(const LocalMedia &media, const QString &address, quint64 sessionId, quint64 version)
{
    const QStringList codecs = media.codecs.isEmpty() ? supportedCodecs() : media.codecs;
    const QByteArray addressType = address.contains(QLatin1Char(':')) ? "IP6" : "IP4";
    const QByteArray host = address.toUtf8();
    QByteArray formats;
    QByteArray attributes;
    for (const QString &codec : codecs) {
        if (codec.compare(QLatin1String("opus"), Qt::CaseInsensitive) == 0) {
            formats += ' ' + QByteArray::number(kOpusPayloadType);
            attributes += "a=rtpmap:" + QByteArray::number(kOpusPayloadType) + " opus/48000/2\r\n";
            attributes += "a=fmtp:" + QByteArray::number(kOpusPayloadType) + " useinbandfec=1\r\n";
        } else if (codec.compare(QLatin1String("PCMU"), Qt::CaseInsensitive) == 0) {
            formats += " 0";
            attributes += "a=rtpmap:0 PCMU/8000\r\n";
        } else if (codec.compare(QLatin1String("PCMA"), Qt::CaseInsensitive) == 0) {
            formats += " 8";
            attributes += "a=rtpmap:8 PCMA/8000\r\n";
        }
    }
    if (media.telephoneEvents) {
        formats += ' ' + QByteArray::number(kTelephoneEventPayloadType);
        attributes += "a=rtpmap:" + QByteArray::number(kTelephoneEventPayloadType) + " telephone-event/8000\r\n";
        attributes += "a=fmtp:" + QByteArray::number(kTelephoneEventPayloadType) + " 0-16\r\n";
    }
    QByteArray sdp;
    sdp += "v=0\r\n";
    sdp += "o=offhook " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) + " IN " + addressType +
           ' ' + host + "\r\n";
    sdp += "s=Offhook\r\n";
    sdp += "c=IN " + addressType + ' ' + host + "\r\n";
    sdp += "t=0 0\r\n";
    sdp += "m=audio " + QByteArray::number(media.rtpPort) + " RTP/AVP" + formats + "\r\n";
    sdp += attributes;
    sdp += "a=ptime:" + QByteArray::number(media.ptimeMs > 0 ? media.ptimeMs : 20) + "\r\n";
    if (media.direction != MediaDirection::SendRecv && media.direction != MediaDirection::Invalid)
        sdp += "a=" + mediaDirectionName(media.direction).toUtf8() + "\r\n";
    return sdp;
}

QByteArray buildAnswer(const QByteArray &offer, const LocalMedia &media, const QString &address, quint64 sessionId,
                       quint64 version, QString *error, int *status)
{
    auto fail = [error, status](const QString &message, int code) {
        if (error)
            *error = message;
        if (status)
            *status = code;
        return QByteArray();
    };
    const Outcome checked = checkOffer(offer, media.codecs);
    if (!checked.ok())
        return fail(checked.error, checked.status);
    const ParseResult parsed = parse(offer);
    const SdpMedia &audio = parsed.session.media.at(parsed.session.firstAudioIndex());
    const QStringList wanted = media.codecs.isEmpty() ? supportedCodecs() : media.codecs;
    QByteArray formats;
    QByteArray attributes;
    QStringList used;
    for (const SdpFormat &format : audio.formats) {
        const QString codec = runnableCodec(format);
        const bool wantedCodec =
            !codec.isEmpty() && !used.contains(codec) && wanted.contains(codec, Qt::CaseInsensitive);
        const bool events = media.telephoneEvents && isTelephoneEvent(format) && format.clockRateHz == 8000;
        if (!wantedCodec && !events)
            continue;
        if (wantedCodec)
            used << codec;
        const QByteArray number = QByteArray::number(format.payloadType);
        formats += ' ' + number;
        if (codec == QLatin1String("opus")) {
            attributes += "a=rtpmap:" + number + " opus/48000/2\r\n";
            attributes += "a=fmtp:" + number + " useinbandfec=1\r\n";
        } else if (!codec.isEmpty()) {
            attributes += "a=rtpmap:" + number + ' ' + codec.toUtf8() + "/8000\r\n";
        } else {
            attributes += "a=rtpmap:" + number + " telephone-event/8000\r\n";
            attributes += "a=fmtp:" + number + " 0-16\r\n";
        }
    }
    const bool localSends = media.direction == MediaDirection::SendRecv || media.direction == MediaDirection::SendOnly;
    const bool localReceives =
        media.direction == MediaDirection::SendRecv || media.direction == MediaDirection::RecvOnly;
    const bool remoteReceives = receives(audio.direction) && !isUnspecifiedAddress(audio.connectionAddress);
    const MediaDirection direction = combine(localSends && remoteReceives, localReceives && sends(audio.direction));

    const QByteArray addressType = address.contains(QLatin1Char(':')) ? "IP6" : "IP4";
    const QByteArray host = address.toUtf8();
    QByteArray sdp;
    sdp += "v=0\r\n";
    sdp += "o=offhook " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) + " IN " + addressType +
           ' ' + host + "\r\n";
    sdp += "s=Offhook\r\n";
    sdp += "c=IN " + addressType + ' ' + host + "\r\n";
    sdp += "t=0 0\r\n";
    sdp += "m=audio " + QByteArray::number(media.rtpPort) + " RTP/AVP" + formats + "\r\n";
    sdp += attributes;
    const int ptime = audio.ptimeMs > 0 ? audio.ptimeMs : (media.ptimeMs > 0 ? media.ptimeMs : 20);
    sdp += "a=ptime:" + QByteArray::number(ptime) + "\r\n";
    if (direction != MediaDirection::SendRecv)
        sdp += "a=" + mediaDirectionName(direction).toUtf8() + "\r\n";
    return sdp;
}

QString describeFormats(const SdpMedia &media)
{
    QStringList names;
    for (const SdpFormat &format : media.formats) {
        if (isTelephoneEvent(format))
            continue;
        if (format.encoding.isEmpty()) {
            names << QStringLiteral("payload type %1").arg(format.payloadType);
            continue;
        }
        QString name = format.encoding + QLatin1Char('/') + QString::number(format.clockRateHz);
        if (format.channels > 1)
            name += QLatin1Char('/') + QString::number(format.channels);
        names << name;
    }
    return names.isEmpty() ? QStringLiteral("no codecs") : names.join(QStringLiteral(", "));
}

Outcome checkOffer(const QByteArray &offer, const QStringList &codecs)
{
    Outcome outcome;
    const ParseResult parsed = parse(offer);
    if (!parsed.ok()) {
        outcome.error = QStringLiteral("The caller's SDP is malformed (%1).").arg(parsed.error);
        outcome.status = 400;
        return outcome;
    }
    const int index = parsed.session.firstAudioIndex();
    if (index < 0 || parsed.session.media.at(index).port == 0) {
        outcome.error = QStringLiteral("The caller offers no audio stream.");
        outcome.status = 488;
        return outcome;
    }
    const SdpMedia &audio = parsed.session.media.at(index);
    const QStringList wanted = codecs.isEmpty() ? supportedCodecs() : codecs;
    for (const QString &codec : wanted) {
        if (findCodec(audio, codec))
            return outcome;
    }
    outcome.error = QStringLiteral("No codec in common: the caller offers %1; Offhook takes %2.")
                        .arg(describeFormats(audio), wanted.join(QStringLiteral(", ")));
    outcome.status = 488;
    return outcome;
}

Outcome negotiate(const QByteArray &localSdp, const QByteArray &remoteSdp, bool localIsOfferer)
{
    Outcome outcome;
    const ParseResult remote = parse(remoteSdp);
    if (!remote.ok()) {
        outcome.error = QStringLiteral("The other side's SDP is malformed (%1).").arg(remote.error);
        outcome.status = 400;
        return outcome;
    }
    const ParseResult local = parse(localSdp);
    if (!local.ok()) {
        outcome.error = QStringLiteral("Offhook's own SDP is malformed (%1).").arg(local.error);
        outcome.status = 500;
        return outcome;
    }
    const int remoteIndex = remote.session.firstAudioIndex();
    if (remoteIndex < 0) {
        outcome.error = QStringLiteral("The other side's SDP has no audio stream.");
        outcome.status = 488;
        return outcome;
    }
    // Streams correspond by position in offer/answer (RFC 3264 section 6).
    int localIndex =
        remoteIndex < local.session.media.size() && local.session.media.at(remoteIndex).type == QLatin1String("audio")
            ? remoteIndex
            : local.session.firstAudioIndex();
    if (localIndex < 0) {
        outcome.error = QStringLiteral("Offhook's own SDP has no audio stream.");
        outcome.status = 500;
        return outcome;
    }
    const SdpMedia &remoteAudio = remote.session.media.at(remoteIndex);
    const SdpMedia &localAudio = local.session.media.at(localIndex);
    if (remoteAudio.port == 0 || localAudio.port == 0) {
        outcome.error = remoteAudio.port == 0 ? QStringLiteral("The other side refused the audio stream (port 0).")
                                              : QStringLiteral("No codec in common: the audio stream was refused.");
        outcome.status = 488;
        return outcome;
    }
    const SdpMedia &answer = localIsOfferer ? remoteAudio : localAudio;
    const SdpMedia &offer = localIsOfferer ? localAudio : remoteAudio;

    QString codec;
    for (const SdpFormat &format : answer.formats) {
        const QString name = runnableCodec(format);
        if (!name.isEmpty() && findCodec(offer, name)) {
            codec = name;
            break;
        }
    }
    if (codec.isEmpty()) {
        outcome.error = QStringLiteral("No codec in common: the other side takes %1; Offhook offered %2.")
                            .arg(describeFormats(remoteAudio), describeFormats(localAudio));
        outcome.status = 488;
        return outcome;
    }
    const SdpFormat *sendFormat = findCodec(remoteAudio, codec);
    MediaParameters &media = outcome.media;
    media.codec = codec;
    media.payloadType = sendFormat->payloadType;
    media.clockRateHz = sendFormat->clockRateHz;
    media.channels = sendFormat->channels;
    media.localAddress = localAudio.connectionAddress;
    media.localRtpPort = localAudio.port;
    media.remoteAddress = remoteAudio.connectionAddress;
    media.remotePort = remoteAudio.port;
    media.remoteRtcpPort = remoteAudio.rtcpPort;
    media.ptimeMs = validPtime(codec, remoteAudio.ptimeMs) ? remoteAudio.ptimeMs : 20;

    // telephone-event counts only when both sides list it; 8000 Hz preferred, else the codec's rate.
    const SdpFormat *events = nullptr;
    for (const SdpFormat &format : remoteAudio.formats) {
        if (!isTelephoneEvent(format))
            continue;
        bool localHasIt = false;
        for (const SdpFormat &mine : localAudio.formats)
            localHasIt = localHasIt || (isTelephoneEvent(mine) && mine.clockRateHz == format.clockRateHz);
        if (!localHasIt || format.payloadType == media.payloadType)
            continue;
        if (!events || format.clockRateHz == 8000)
            events = &format;
    }
    if (events) {
        media.telephoneEventPayloadType = events->payloadType;
        media.telephoneEventClockRateHz = events->clockRateHz;
    }

    // RFC 3264 section 8.4 and the older c=0.0.0.0 hold: the remote address says "do not send".
    const bool remoteReceives = receives(remoteAudio.direction) && !isUnspecifiedAddress(remoteAudio.connectionAddress);
    media.direction = combine(sends(localAudio.direction) && remoteReceives,
                              receives(localAudio.direction) && sends(remoteAudio.direction));
    return outcome;
}

} // namespace Sdp
} // namespace Sip
