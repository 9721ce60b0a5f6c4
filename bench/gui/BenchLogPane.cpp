// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The live log pane fed 100 000 messages as fast as a producer thread can append them to the SipLog
// (the engine's path: append on another thread, batches to the GUI): the longest UI-thread stall seen
// by a 5 ms timer while that happens, resident memory afterwards, and the time to apply a text filter
// over all entries. Run on a real display (xvfb-run) or offscreen. Prints one "key value" per line.
#include "sipcore/SipLog.h"
#include "ui/log/LogModel.h"
#include "ui/log/LogPane.h"
#include "ui/main/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray rawMessage(int n)
{
    const QByteArray id = QByteArray::number(n);
    switch (n % 4) {
    case 0:
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + id +
               ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=a" + id +
               "\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: c" + id +
               "@offhook\r\nCSeq: 1 REGISTER\r\n"
               "Contact: <sip:1001@127.0.0.1:40000>\r\nExpires: 300\r\nContent-Length: 0\r\n\r\n";
    case 1:
        return "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + id +
               ";rport=40000\r\nFrom: <sip:1001@127.0.0.1>;tag=a" + id + "\r\nTo: <sip:1001@127.0.0.1>;tag=s" + id +
               "\r\nCall-ID: c" + id +
               "@offhook\r\nCSeq: 1 REGISTER\r\nWWW-Authenticate: Digest "
               "realm=\"127.0.0.1\", nonce=\"n" +
               id + "\", qop=\"auth\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n";
    case 2:
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + id +
               ";rport\r\nFrom: <sip:1001@127.0.0.1>;tag=a" + id + "\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: c" + id +
               "@offhook\r\nCSeq: 2 REGISTER\r\nAuthorization: Digest username=\"1001\", realm=\"127.0.0.1\", "
               "nonce=\"n" +
               id +
               "\", uri=\"sip:127.0.0.1\", response=\"6629fae49393a05397450978507c4ef1\", "
               "algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001\r\nContent-Length: 0\r\n\r\n";
    default:
        return "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + id +
               ";rport=40000\r\nFrom: <sip:1001@127.0.0.1>;tag=a" + id + "\r\nTo: <sip:1001@127.0.0.1>;tag=s" + id +
               "\r\nCall-ID: c" + id +
               "@offhook\r\nCSeq: 2 REGISTER\r\nContact: <sip:1001@127.0.0.1:40000>"
               ";expires=300\r\nContent-Length: 0\r\n\r\n";
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;

    Sip::SipLog log;
    log.setLimits(total, 1024LL * 1024 * 1024);
    Gui::MainWindow window(nullptr);
    Gui::LogModel *model = window.logPane()->model();
    // As MainWindow connects them, timed: the cost of handing one batch to the pane (model and view
    // bookkeeping), apart from painting.
    qint64 longestBatchMs = 0;
    qsizetype largestBatch = 0;
    int batches = 0;
    QObject::connect(&log, &Sip::SipLog::entriesAdded, window.logPane(), [&](const QList<Sip::LogEntry> &entries) {
        QElapsedTimer batchClock;
        batchClock.start();
        window.logPane()->appendEntries(entries);
        longestBatchMs = std::max(longestBatchMs, batchClock.elapsed());
        largestBatch = std::max(largestBatch, entries.size());
        ++batches;
    });
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 rssBefore = residentKiB();

    // UI-thread lateness: a 5 ms precise timer; the longest gap beyond 5 ms is the longest stall.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestStallMs = 0;
    QList<qint64> lateness;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 late = std::max<qint64>(0, now - lastTick - 5);
        longestStallMs = std::max(longestStallMs, late);
        lateness.append(late);
        lastTick = now;
    });

    QElapsedTimer feed;
    QThread *producer = QThread::create([&log, total] {
        for (int n = 0; n < total; ++n) {
            Sip::LogEntry entry;
            entry.kind = n % 2 == 0 ? Sip::LogEntry::Kind::Sent : Sip::LogEntry::Kind::Received;
            entry.lineId = QStringLiteral("line%1").arg(n % 3);
            entry.transport = QStringLiteral("udp");
            entry.peer = QStringLiteral("127.0.0.1:5060");
            entry.raw = rawMessage(n);
            entry.text = QString::fromLatin1(entry.raw.left(entry.raw.indexOf('\r')));
            log.append(std::move(entry));
        }
    });
    lastTick = clock.elapsed();
    ticker.start(5);
    feed.start();
    producer->start();
    qint64 producedMs = -1;
    while (model->totalCount() < total && feed.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (producedMs < 0 && producer->isFinished())
            producedMs = feed.elapsed();
    }
    const qint64 shownMs = feed.elapsed();
    // Let the view catch up (auto-scroll, repaint) and keep measuring for a moment.
    QElapsedTimer tail;
    tail.start();
    while (tail.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    ticker.stop();
    producer->wait();
    delete producer;
    if (producedMs < 0)
        producedMs = shownMs;
    const qint64 rssAfter = residentKiB();

    std::sort(lateness.begin(), lateness.end());
    const qint64 p99 = lateness.isEmpty() ? 0 : lateness[qsizetype(lateness.size() * 0.99)];

    // Text filter over every entry: how long until the view shows the filtered rows.
    Gui::LogFilter filter;
    filter.text = QStringLiteral("branch=z9hG4bK4242");
    QElapsedTimer filterClock;
    filterClock.start();
    model->setFilter(filter);
    const qint64 filterMs = filterClock.elapsed();
    const qsizetype matching = model->visibleCount();
    filterClock.restart();
    model->setFilter(Gui::LogFilter());
    const qint64 clearFilterMs = filterClock.elapsed();

    std::printf("entries %lld\n", static_cast<long long>(model->totalCount()));
    std::printf("producer_ms %lld\n", static_cast<long long>(producedMs));
    std::printf("all_in_model_ms %lld\n", static_cast<long long>(shownMs));
    std::printf("longest_ui_stall_ms %lld\n", static_cast<long long>(longestStallMs));
    std::printf("p99_timer_lateness_ms %lld\n", static_cast<long long>(p99));
    std::printf("batches %d, largest %lld entries, longest append_ms %lld\n", batches,
                static_cast<long long>(largestBatch), static_cast<long long>(longestBatchMs));
    std::printf("rss_before_kib %lld\n", static_cast<long long>(rssBefore));
    std::printf("rss_after_kib %lld\n", static_cast<long long>(rssAfter));
    std::printf("text_filter_ms %lld (%lld matching)\n", static_cast<long long>(filterMs),
                static_cast<long long>(matching));
    std::printf("clear_filter_ms %lld\n", static_cast<long long>(clearFilterMs));
    return model->totalCount() == total ? 0 : 1;
}
