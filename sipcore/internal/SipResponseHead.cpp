// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/SipResponseHead.h"

#include <QList>

namespace Sip::Internal {

namespace {
bool headerIs(const QByteArray &name, const char *longName, char compact)
{
    return name.compare(longName, Qt::CaseInsensitive) == 0 ||
           (compact && name.size() == 1 && (name[0] | 0x20) == compact);
}
} // namespace

SipResponseHead SipResponseHead::parse(const QByteArray &bytes, bool stream, qsizetype maxHeadBytes)
{
    SipResponseHead head;
    // Stream transports may carry CRLF keep-alives between messages.
    qsizetype begin = 0;
    while (stream && begin < bytes.size() && (bytes[begin] == '\r' || bytes[begin] == '\n'))
        ++begin;
    const QByteArray prefix = "SIP/2.0 ";
    const QByteArray start = bytes.mid(begin, prefix.size());
    if (!prefix.startsWith(start) || (start.size() < prefix.size() && !stream)) {
        head.result = Result::NotAResponse;
        return head;
    }
    qsizetype headEnd = bytes.indexOf("\r\n\r\n", begin);
    qsizetype separator = 4;
    if (headEnd < 0 && !stream) {
        // A datagram without the blank line still holds the whole head.
        headEnd = bytes.size();
        separator = 0;
    }
    if (headEnd < 0) {
        head.result = bytes.size() - begin > maxHeadBytes ? Result::NotAResponse : Result::NeedMore;
        return head;
    }
    if (headEnd - begin > maxHeadBytes) {
        head.result = Result::NotAResponse;
        return head;
    }
    const QList<QByteArray> lines = bytes.mid(begin, headEnd - begin).split('\n');
    const QByteArray statusLine = lines.constFirst().trimmed();
    const QList<QByteArray> statusParts = statusLine.split(' ');
    bool ok = false;
    const int code = statusParts.value(1).toInt(&ok);
    if (statusParts.size() < 2 || !ok || code < 100 || code > 699 || statusParts.value(1).size() != 3) {
        head.result = Result::NotAResponse;
        return head;
    }
    head.statusCode = code;
    head.reasonPhrase = QString::fromUtf8(statusLine.mid(prefix.size() + 3).trimmed());
    qint64 contentLength = 0;
    bool haveServer = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (headerIs(name, "Call-ID", 'i')) {
            head.callId = value;
        } else if (headerIs(name, "CSeq", 0)) {
            head.cseqMethod = value.mid(value.indexOf(' ') + 1).trimmed();
        } else if (headerIs(name, "Server", 0)) {
            head.serverAgent = value.left(200);
            haveServer = true;
        } else if (headerIs(name, "User-Agent", 0) && !haveServer) {
            head.serverAgent = value.left(200);
        } else if (headerIs(name, "Content-Length", 'l')) {
            bool lengthOk = false;
            contentLength = value.toLongLong(&lengthOk);
            if (!lengthOk || contentLength < 0 || contentLength > 16 * 1024 * 1024) {
                head.result = Result::NotAResponse;
                return head;
            }
        }
    }
    const qsizetype bodyStart = headEnd + separator;
    if (stream) {
        if (bytes.size() - bodyStart < contentLength) {
            head.result = Result::NeedMore;
            return head;
        }
        head.messageBytes = bodyStart + qsizetype(contentLength);
    } else {
        head.messageBytes = bytes.size();
    }
    head.result = Result::Complete;
    return head;
}

} // namespace Sip::Internal
