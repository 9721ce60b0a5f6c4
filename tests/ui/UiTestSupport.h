// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>
#include <QWidget>
#include <functional>

/// Small helpers shared by the GUI tests: synthetic log traffic and a way through modal dialogs.
namespace UiTest {

/// Runs action once a modal widget is active (QMessageBox, QDialog::exec), polling up to timeoutMs.
inline void whenModal(std::function<void(QWidget *modal)> action, int timeoutMs = 5000)
{
    auto *timer = new QTimer;
    auto elapsed = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, action = std::move(action), elapsed, timeoutMs] {
        *elapsed += 20;
        QWidget *modal = QApplication::activeModalWidget();
        if (modal || *elapsed > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            if (modal)
                action(modal);
        }
    });
    timer->start(20);
}

inline Sip::LogEntry message(Sip::LogEntry::Kind kind, const QString &lineId, const QByteArray &raw,
                             const QDateTime &time, const QString &peer = QStringLiteral("127.0.0.1:5060"),
                             const QString &transport = QStringLiteral("udp"))
{
    static quint64 sequence = 1000;
    Sip::LogEntry entry;
    entry.sequence = ++sequence;
    entry.kind = kind;
    entry.lineId = lineId;
    entry.raw = raw;
    entry.text = QString::fromLatin1(raw.left(raw.indexOf('\r')));
    entry.peer = peer;
    entry.transport = transport;
    entry.timestamp = time;
    return entry;
}

inline Sip::LogEntry step(const QString &lineId, const QString &text, const QDateTime &time,
                          Sip::LogEntry::Kind kind = Sip::LogEntry::Kind::Step)
{
    static quint64 sequence = 500000;
    Sip::LogEntry entry;
    entry.sequence = ++sequence;
    entry.kind = kind;
    entry.lineId = lineId;
    entry.text = text;
    entry.timestamp = time;
    return entry;
}

inline QByteArray registerRequest(int cseq, bool withDigest, int expires = 300)
{
    QByteArray raw = "REGISTER sip:127.0.0.1:5060 SIP/2.0\r\n"
                     "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + QByteArray::number(cseq * 7919) + ";rport\r\n"
                     "Max-Forwards: 70\r\n"
                     "From: <sip:1001@127.0.0.1>;tag=a94c\r\n"
                     "To: <sip:1001@127.0.0.1>\r\n"
                     "Call-ID: 8d2c1@offhook\r\n"
                     "CSeq: " + QByteArray::number(cseq) + " REGISTER\r\n"
                     "Contact: <sip:1001@127.0.0.1:40000>\r\n"
                     "Expires: " + QByteArray::number(expires) + "\r\n";
    if (withDigest)
        raw += "Authorization: Digest username=\"1001\", realm=\"127.0.0.1\", nonce=\"Z2l0aHViLW9mZmhvb2s\", "
               "uri=\"sip:127.0.0.1:5060\", response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, "
               "cnonce=\"0a4f113b\", qop=auth, nc=00000001\r\n";
    raw += "Content-Length: 0\r\n\r\n";
    return raw;
}

inline QByteArray registerResponse(int cseq, int status, const QByteArray &reason, const QByteArray &extra = {})
{
    return "SIP/2.0 " + QByteArray::number(status) + ' ' + reason + "\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + QByteArray::number(cseq * 7919) + ";rport=40000\r\n"
           "From: <sip:1001@127.0.0.1>;tag=a94c\r\n"
           "To: <sip:1001@127.0.0.1>;tag=srv1\r\n"
           "Call-ID: 8d2c1@offhook\r\n"
           "CSeq: " + QByteArray::number(cseq) + " REGISTER\r\n" + extra +
           "Content-Length: 0\r\n\r\n";
}

/// REGISTER → 401 → REGISTER with digest → final (200 by default) for lineId, starting at start.
inline QList<Sip::LogEntry> registration(const QString &lineId, const QDateTime &start, int finalStatus = 200)
{
    using Kind = Sip::LogEntry::Kind;
    const QByteArray challenge = "WWW-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"Z2l0aHViLW9mZmhvb2s\", "
                                 "qop=\"auth\", algorithm=MD5\r\n";
    QList<Sip::LogEntry> entries;
    entries << step(lineId, QStringLiteral("Registering sip:1001@127.0.0.1"), start);
    entries << message(Kind::Sent, lineId, registerRequest(1, false), start.addMSecs(1));
    entries << message(Kind::Received, lineId, registerResponse(1, 401, "Unauthorized", challenge), start.addMSecs(3));
    entries << message(Kind::Sent, lineId, registerRequest(2, true), start.addMSecs(4));
    if (finalStatus == 200) {
        entries << message(Kind::Received, lineId,
                           registerResponse(2, 200, "OK", "Contact: <sip:1001@127.0.0.1:40000>;expires=300\r\n"),
                           start.addMSecs(6));
    } else if (finalStatus == 401) {
        entries << message(Kind::Received, lineId, registerResponse(2, 401, "Unauthorized", challenge), start.addMSecs(6));
    } else if (finalStatus > 0) {
        entries << message(Kind::Received, lineId, registerResponse(2, finalStatus, "Forbidden"), start.addMSecs(6));
    }
    return entries;
}

} // namespace UiTest
