// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// bench/presence: one line watching N contacts (default 500) on a private Kamailio with presence.
// Measures, on the real engine and the real contacts panel:
//   1. the time from the line's registration until every contact's initial NOTIFY is processed and shown;
//   2. the resident memory before and after;
//   3. a burst of N state changes (sipp PUBLISHes one new status per contact): time until all are shown,
//      and the longest stall of the UI thread meanwhile (the gap between ticks of a 1 ms timer).
// Usage: offhook-bench-presence [CONTACTS]   (runs offscreen; needs kamailio and sipp)

#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"
#include "ui/contacts/ContactListModel.h"
#include "ui/contacts/ContactsPanel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

namespace {

qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

/// Runs the event loop until done() or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // A real event loop that sleeps between events (no busy polling that would steal the engine's CPU).
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    check.start(2);
    if (!done())
        loop.exec();
    return done();
}

/// The longest gap between ticks of a 1 ms timer on this thread, while armed.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_maxGapNs = qMax(m_maxGapNs, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_maxGapNs = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start(1);
    }
    double stop()
    {
        m_timer.stop();
        return m_maxGapNs / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? qBound(1, QByteArray(argv[1]).toInt(), 5000) : 500;
    const int firstExtension = 2000;

    Test::KamailioServer kamailio;
    Test::KamailioServer::Options serverOptions;
    serverOptions.presence = true;
    if (!kamailio.start(serverOptions)) {
        fprintf(stderr, "kamailio: %s\n", qPrintable(kamailio.stderrText()));
        return 1;
    }

    Sip::SipLog log;
    Sip::SipEngine engine(&log);
    Sip::EngineOptions engineOptions;
    engineOptions.watchNetwork = false;
    engine.start(engineOptions);
    Sip::PresenceService presence(&engine);
    Gui::ContactsPanel panel;
    panel.resize(360, 700);
    panel.show();
    QObject::connect(&presence, &Sip::PresenceService::contactPresenceChanged, &panel,
                     &Gui::ContactsPanel::applyPresence);

    const QString lineId = QStringLiteral("bench");
    QList<Sip::WatchedContact> contacts;
    for (int i = 0; i < count; ++i) {
        Sip::WatchedContact contact;
        contact.lineId = lineId;
        contact.contactId = QString::number(firstExtension + i);
        contact.uri = contact.contactId;
        contact.name = QStringLiteral("Extension %1").arg(contact.contactId);
        contacts.append(contact);
    }
    waitFor([] { return false; }, 300); // the panel is painted once: fonts and styles are loaded
    const qint64 rssStart = residentKiB();
    panel.setContacts(lineId, contacts);
    panel.setCurrentLine(lineId);
    presence.setContacts(lineId, contacts);

    // Which contacts had their first state, and which show the burst's note.
    QSet<QString> initial;
    QSet<QString> burst;
    QObject::connect(&presence, &Sip::PresenceService::contactPresenceChanged, &panel,
                     [&](const Sip::ContactPresenceEvent &event) {
                         initial.insert(event.contactId);
                         if (event.note.startsWith(QLatin1String("burst ")))
                             burst.insert(event.contactId);
                     });
    QElapsedTimer registeredAt;
    QObject::connect(&engine, &Sip::SipEngine::registrationChanged, &panel, [&](const Sip::RegistrationEvent &event) {
        if (event.state == Sip::RegistrationState::Registered && !registeredAt.isValid())
            registeredAt.start();
    });

    Sip::LineConfig line;
    line.id = lineId;
    line.extension = QStringLiteral("1001");
    line.server = kamailio.address();
    line.password = kamailio.password(QStringLiteral("1001"));
    StallMeter stall;
    stall.start();
    engine.addLine(line);
    if (!waitFor([&] { return initial.size() == count; }, 120000)) {
        fprintf(stderr, "only %lld of %d initial states arrived\n", static_cast<long long>(initial.size()), count);
        return 1;
    }
    const qint64 initialMs = registeredAt.elapsed();
    const double initialStallMs = stall.stop();
    // Where the initial phase went, from the log's own time stamps (wire messages as Sofia saw them).
    QDateTime firstSubscribe, lastSubscribe, lastUnchallenged, firstNotify, lastNotify;
    for (const Sip::LogEntry &entry : log.snapshot()) {
        if (!entry.isMessage())
            continue;
        const QString what = entry.methodOrStatus();
        if (entry.kind == Sip::LogEntry::Kind::Sent && what == QLatin1String("SUBSCRIBE")) {
            if (!firstSubscribe.isValid())
                firstSubscribe = entry.timestamp;
            lastSubscribe = entry.timestamp;
            if (entry.header("Authorization").isEmpty())
                lastUnchallenged = entry.timestamp;
        } else if (entry.kind == Sip::LogEntry::Kind::Received && what == QLatin1String("NOTIFY")) {
            if (!firstNotify.isValid())
                firstNotify = entry.timestamp;
            lastNotify = entry.timestamp;
        }
    }
    waitFor([] { return false; }, 500); // let the log and the view settle
    const qint64 rssWatching = residentKiB();
    const qsizetype rows = panel.model()->rowCount();
    const qsizetype logEntries = log.size();
    const qsizetype logBytes = log.bytes();

    // The burst: one PUBLISH per contact from a sipp UAC, as fast as Kamailio takes them.
    QTemporaryDir work;
    QFile targets(work.filePath(QStringLiteral("targets.csv")));
    if (!targets.open(QIODevice::WriteOnly))
        return 1;
    targets.write("SEQUENTIAL\n");
    for (const Sip::WatchedContact &contact : std::as_const(contacts))
        targets.write(contact.contactId.toUtf8() + "\n");
    targets.close();
    Test::SippProcess publisher;
    Test::SippProcess::Options sippOptions;
    sippOptions.calls = count;
    sippOptions.timeoutSeconds = 120;
    sippOptions.service = QStringLiteral("1002");
    sippOptions.authUser = QStringLiteral("1002");
    sippOptions.authPassword = kamailio.password(QStringLiteral("1002"));
    sippOptions.extraArguments = {QStringLiteral("-inf"), targets.fileName(),   QStringLiteral("-r"),
                                  QStringLiteral("2000"), QStringLiteral("-l"), QStringLiteral("200")};
    stall.start();
    QElapsedTimer burstClock;
    burstClock.start();
    if (!publisher.startClient(QStringLiteral(OFFHOOK_BENCH_PRESENCE_DIR "/publish_burst.xml"), kamailio.address(),
                               sippOptions)) {
        fprintf(stderr, "sipp: %s\n", qPrintable(publisher.errorText()));
        return 1;
    }
    const bool allShown = waitFor([&] { return burst.size() == count; }, 120000);
    const qint64 burstMs = burstClock.elapsed();
    const double burstStallMs = stall.stop();
    const int published = publisher.countReceived(QStringLiteral("200"));
    const qint64 rssAfterBurst = residentKiB();

    printf("bench/presence: %d contacts on one line, Kamailio %s (presence), engine + contacts panel offscreen\n",
           count, qPrintable(kamailio.address()));
    printf("  initial NOTIFYs processed and shown: %d of %d in %lld ms after the line registered "
           "(longest UI-thread stall %.1f ms)\n",
           int(initial.size()), count, static_cast<long long>(initialMs), initialStallMs);
    printf("  on the wire: the %d first SUBSCRIBEs sent within %lld ms, their digest retries (after each 401) within "
           "%lld ms; first NOTIFY %lld ms after the first SUBSCRIBE, last NOTIFY %lld ms after it\n",
           count, static_cast<long long>(firstSubscribe.msecsTo(lastUnchallenged)),
           static_cast<long long>(firstSubscribe.msecsTo(lastSubscribe)),
           static_cast<long long>(firstSubscribe.msecsTo(firstNotify)),
           static_cast<long long>(firstSubscribe.msecsTo(lastNotify)));
    printf("  contacts panel rows: %lld; live SIP log: %lld entries, %lld KiB of text\n", static_cast<long long>(rows),
           static_cast<long long>(logEntries), static_cast<long long>(logBytes / 1024));
    printf("  resident memory: %lld KiB with the engine started and the empty panel shown, %lld KiB watching %d "
           "contacts (+%lld KiB), "
           "%lld KiB after the burst\n",
           static_cast<long long>(rssStart), static_cast<long long>(rssWatching), count,
           static_cast<long long>(rssWatching - rssStart), static_cast<long long>(rssAfterBurst));
    printf("  burst of %d state changes (%d PUBLISH accepted): %s in %lld ms from the first PUBLISH; "
           "longest UI-thread stall %.1f ms\n",
           count, published, allShown ? "all shown" : "NOT all shown", static_cast<long long>(burstMs), burstStallMs);
    fflush(stdout);

    QElapsedTimer shutdownClock;
    shutdownClock.start();
    bool finished = false;
    QObject::connect(&engine, &Sip::SipEngine::shutdownFinished, &panel, [&finished] { finished = true; });
    engine.shutdown();
    waitFor([&] { return finished; }, 30000);
    printf("  shutdown (un-SUBSCRIBE %d, un-REGISTER): %lld ms\n", count,
           static_cast<long long>(shutdownClock.elapsed()));
    publisher.stop();
    kamailio.stop();
    return allShown ? 0 : 2;
}
