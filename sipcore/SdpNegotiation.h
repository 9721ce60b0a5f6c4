// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sip {

/// One format of an m= line, with what its rtpmap/fmtp say (or the static RTP/AVP table for 0 and 8).
struct SdpFormat
{
    int payloadType = -1;
    QString encoding; ///< As written ("opus", "PCMU", "telephone-event"); empty if unknown
    int clockRateHz = 0;
    int channels = 1;
    QString parameters; ///< fmtp, e.g. "useinbandfec=1"
};

/// One m= section (with session-level c= and direction already inherited).
struct SdpMedia
{
    QString type;             ///< "audio", "video", ...
    quint16 port = 0;         ///< 0 = stream rejected or disabled
    QString protocol;         ///< "RTP/AVP"
    QList<SdpFormat> formats; ///< In m= order: the sender's preference
    QString connectionAddress;
    int ptimeMs = 0; ///< 0 = not given
    MediaDirection direction = MediaDirection::SendRecv;
    quint16 rtcpPort = 0; ///< From a=rtcp; 0 = RTP port + 1

    const SdpFormat *format(int payloadType) const;
};

/// A parsed session description. Plain value.
struct SdpSession
{
    QString originAddress;
    QString sessionId;
    quint64 sessionVersion = 0;
    QString connectionAddress; ///< Session-level c=
    QList<SdpMedia> media;

    int firstAudioIndex() const; ///< -1 when there is no m=audio
};

/// SDP offer/answer for one audio stream, as pure functions on text: parsing with plain-language
/// errors, the template Offhook offers (and answers from), and the outcome of a round. No Sofia types;
/// any thread.
namespace Sdp {

/// Codec names Offhook can run, in its default preference.
QStringList supportedCodecs();

struct ParseResult
{
    SdpSession session;
    QString error; ///< "line 4: ..." when malformed; empty when fine
    bool ok() const { return error.isEmpty(); }
};
ParseResult parse(const QByteArray &text);

/// The SDP this side offers (or answers from): one m=audio line with the codecs of media in order
/// (opus 111 with in-band FEC, PCMU 0, PCMA 8), telephone-event 101, ptime.
QByteArray buildTemplate(const LocalMedia &media, const QString &address, quint64 sessionId, quint64 version);

/// The answer to a received offer: the codecs of media (empty list = all) that the offer lists too, in the
/// offer's order and under the offer's payload types, telephone-event when both want it, and the direction
/// that mirrors the offer's (its sendonly is our recvonly), narrowed by media.direction (hold). Empty with
/// *error set (the status in *status: 400 malformed, 488 nothing in common) when the offer cannot be answered.
QByteArray buildAnswer(const QByteArray &offer, const LocalMedia &media, const QString &address, quint64 sessionId,
                       quint64 version, QString *error = nullptr, int *status = nullptr);

struct Outcome
{
    MediaParameters media; ///< Valid when ok()
    QString error;         ///< Plain words: "The other side's SDP is malformed (line 3: ...)"
    int status = 0;        ///< SIP status that fits the error: 400 malformed, 488 nothing in common
    bool ok() const { return error.isEmpty(); }
};

/// The outcome of a round in which localIsOfferer says who offered. The codec is the first of the
/// answer's formats that both sides list and Offhook runs; the payload type to send with, ptime, address
/// and port come from the other side's SDP (what it wants to receive); the direction combines both.
Outcome negotiate(const QByteArray &localSdp, const QByteArray &remoteSdp, bool localIsOfferer);

/// Whether an offer received from the other side can be answered with these codecs (empty = all):
/// 400 when malformed, 488 when it has no audio stream or no codec in common.
Outcome checkOffer(const QByteArray &offer, const QStringList &codecs = {});

/// "opus/48000/2, G729/8000" for messages.
QString describeFormats(const SdpMedia &media);

} // namespace Sdp
} // namespace Sip
