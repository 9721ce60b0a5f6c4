// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The desktop app's calls end to end, offscreen: the main window with its LineController and a
// CallController on the null audio backend, a line registered through the real engine at the test
// Kamailio, and offhook-cli as the peer. Calls are placed from the dial pad and from the history, and
// driven from the call panel; what the peer received is read from its printed SIP log.

#include "tests/ui/UiTestSupport.h"
#include "app/gui/AppSettings.h"
#include "app/gui/CallController.h"
#include "app/gui/CallHistoryStore.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "audio/devices/NullBackend.h"
#include "sipcore/CallService.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "tests/support/SippProcess.h"
#include "ui/calls/CallHistoryModel.h"
#include "ui/calls/CallHistoryPanel.h"
#include "ui/calls/CallPanel.h"
#include "ui/contacts/ContactsPanel.h"
#include "ui/calls/DialPad.h"
#include "ui/main/MainWindow.h"

#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace {

/// offhook-cli running as the other party, its output collected through the event loop (the engine's
/// queued signals must keep flowing while the test waits).
struct Peer
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString output;

    ~Peer()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    int countOf(const QString &pattern) const { return int(output.count(QRegularExpression(pattern))); }
    bool finish(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (process->state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(50);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
            return false;
        }
        output += QString::fromUtf8(process->readAll());
        return process->exitStatus() == QProcess::NormalExit;
    }
};

} // namespace

class TestCallController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void callFromDialPadDrivenFromThePanelThenRedialed();
    void unansweredIncomingCallIsMissed();
    void rejectedIncomingCall();
    void redialOfAGoneLineUsesTheSelectedOne();
    void doubleClickedContactIsCalled();
    void transferFromThePanel();

private:
    std::unique_ptr<Peer> startCli(const QStringList &arguments, const QString &extension);
    QString registerLine();
    QString callListText() const;
    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }

    QString m_cli;
    Test::KamailioServer m_kamailio;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sip::SipLog> m_log;
    std::unique_ptr<Sip::SipEngine> m_engine;
    std::unique_ptr<App::AppSettings> m_settings;
    std::unique_ptr<App::MemorySecretStore> m_secrets;
    std::unique_ptr<Gui::MainWindow> m_window;
    std::unique_ptr<App::LineController> m_lines;
    std::unique_ptr<App::CallController> m_calls;
};

void TestCallController::initTestCase()
{
    OFFHOOK_REQUIRE_TOOL(Test::KamailioServer::findKamailio());
    m_cli = qEnvironmentVariable("OFFHOOK_BINARY_DIR") + QStringLiteral("/app/cli/offhook-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestCallController::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestCallController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<Sip::SipLog>();
    m_log->setFlushInterval(10);
    m_engine = std::make_unique<Sip::SipEngine>(m_log.get());
    Sip::EngineOptions options;
    options.shutdownTimeoutMs = 1000;
    options.watchNetwork = false;
    QVERIFY(m_engine->start(options));
    m_settings = std::make_unique<App::AppSettings>(m_dir->filePath(QStringLiteral("offhook.ini")));
    m_secrets = std::make_unique<App::MemorySecretStore>();
    m_window = std::make_unique<Gui::MainWindow>(m_engine.get());
    m_lines = std::make_unique<App::LineController>(m_engine.get(), m_settings.get(), m_secrets.get(), nullptr,
                                                    m_window.get());
    App::CallMediaOptions media;
    media.rtpBindAddress = QStringLiteral("127.0.0.1");
    m_calls = std::make_unique<App::CallController>(
        *m_engine, *m_window, [] { return std::make_unique<Audio::NullBackend>(); }, media);
    QCOMPARE(m_calls->useHistoryFile(m_dir->filePath(QStringLiteral("offhook-history.json"))), QString());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCallController::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const Sip::LogEntry &entry : m_log->snapshot())
            qInfo("%s", qPrintable(entry.format(true)));
    }
    m_calls.reset();
    m_lines.reset();
    m_window.reset();
    m_engine.reset();
    m_secrets.reset();
    m_settings.reset();
    m_log.reset();
    m_dir.reset();
}

std::unique_ptr<Peer> TestCallController::startCli(const QStringList &arguments, const QString &extension)
{
    auto peer = std::make_unique<Peer>();
    Peer *raw = peer.get();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OFFHOOK_PASSWORD"), m_kamailio.password(extension));
    peer->process->setProcessEnvironment(environment);
    peer->process->setProcessChannelMode(QProcess::MergedChannels);
    connect(peer->process.get(), &QProcess::readyRead, this,
            [raw] { raw->output += QString::fromUtf8(raw->process->readAll()); });
    peer->process->start(m_cli, arguments + QStringList{QStringLiteral("--server"), m_kamailio.address(),
                                                        QStringLiteral("--extension"), extension});
    return peer;
}

QString TestCallController::registerLine()
{
    Sip::LineConfig line;
    line.extension = QStringLiteral("1001");
    line.server = m_kamailio.address();
    line.password = m_kamailio.password(QStringLiteral("1001"));
    const QString lineId = m_lines->addLine(line);
    if (!QTest::qWaitFor([&] { return m_engine->lastEvent(lineId).state == Sip::RegistrationState::Registered; },
                         15000))
        return {};
    return lineId;
}

QString TestCallController::callListText() const
{
    const auto *list = m_window->findChild<QListWidget *>(QStringLiteral("callList"));
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text();
    return texts.join(QLatin1Char('\n'));
}

void TestCallController::callFromDialPadDrivenFromThePanelThenRedialed()
{
    const QString lineId = registerLine();
    QVERIFY(!lineId.isEmpty());
    std::unique_ptr<Peer> peer =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")}, QStringLiteral("1002"));
    QTRY_VERIFY2_WITH_TIMEOUT(peer->output.contains(QLatin1String("WAITING for a call")), qPrintable(peer->output),
                              20000);

    // The dial pad's number field and Enter place the call on the selected line.
    auto *number = child<QLineEdit>(QStringLiteral("numberEdit"));
    number->setFocus();
    QTest::keyClicks(number, QStringLiteral("1002"));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callListText()), 15000);
    QVERIFY(callListText().contains(QLatin1String("1002")));
    const QString callId = m_window->callPanel()->currentCallId();
    QVERIFY(!callId.isEmpty());
    QCOMPARE(m_calls->calls()->lastEvent(callId).lineId, lineId);
    QVERIFY(peer->output.contains(QLatin1String("recv INVITE ")));

    // Hold: the peer gets a re-INVITE putting it on hold; resume: another one back to sendrecv.
    auto *hold = child<QToolButton>(QStringLiteral("holdButton"));
    QTRY_VERIFY(hold->isEnabled());
    QTest::mouseClick(hold, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("on hold")), qPrintable(callListText()), 10000);
    QVERIFY(hold->isChecked());
    QTRY_VERIFY2_WITH_TIMEOUT(peer->countOf(QStringLiteral("recv INVITE ")) >= 2, qPrintable(peer->output), 5000);
    QVERIFY2(peer->output.contains(QLatin1String("a=sendonly")), qPrintable(peer->output));
    QTest::mouseClick(hold, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callListText()), 10000);
    QVERIFY(!hold->isChecked());
    QTRY_VERIFY2_WITH_TIMEOUT(peer->countOf(QStringLiteral("recv INVITE ")) >= 3, qPrintable(peer->output), 5000);

    // Mute reaches the call's media.
    QVERIFY(!m_calls->media()->statistics(callId).muted);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("muteButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_calls->media()->statistics(callId).muted, 5000);

    // Hang up from the panel: the peer receives BYE and ends with media having flowed both ways.
    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->callPanel()->callCount(), 0, 10000);
    QVERIFY(peer->finish());
    QVERIFY2(peer->output.contains(QLatin1String("recv BYE ")), qPrintable(peer->output));
    QVERIFY2(peer->output.contains(QLatin1String("CALL ENDED remote-hangup")), qPrintable(peer->output));
    QCOMPARE(peer->process->exitCode(), 0);

    // The call is in the history, on disk too.
    Gui::CallHistoryModel *history = m_window->callHistoryModel();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 5000);
    const Gui::CallHistoryEntry entry = history->entry(0);
    QCOMPARE(entry.outcome, Gui::CallOutcome::Answered);
    QCOMPARE(entry.direction, Sip::CallDirection::Outgoing);
    QCOMPARE(entry.lineId, lineId);
    QVERIFY2(entry.peer.startsWith(QLatin1String("sip:1002@")), qPrintable(entry.peer));
    QVERIFY(entry.lineLabel.contains(QLatin1String("1001")));
    QVERIFY(entry.startedUtc.isValid());
    QVERIFY(entry.startedUtc.secsTo(QDateTime::currentDateTimeUtc()) >= entry.durationSeconds);
    QFile file(m_dir->filePath(QStringLiteral("offhook-history.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(entry.peer.toUtf8()));

    // Redial from the history: a new call to the same party on the same line.
    std::unique_ptr<Peer> second =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")}, QStringLiteral("1002"));
    QTRY_VERIFY2_WITH_TIMEOUT(second->output.contains(QLatin1String("WAITING for a call")), qPrintable(second->output),
                              20000);
    m_window->showCallHistory();
    auto *view = child<QListView>(QStringLiteral("historyView"));
    view->setCurrentIndex(history->index(0));
    QTest::mouseClick(child<QToolButton>(QStringLiteral("redialButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callListText()), 15000);
    const QString redialled = m_window->callPanel()->currentCallId();
    QVERIFY(redialled != callId);
    QCOMPARE(m_calls->calls()->lastEvent(redialled).lineId, lineId);
    QTRY_VERIFY_WITH_TIMEOUT(second->output.contains(QLatin1String("recv INVITE ")), 5000);
    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QVERIFY(second->finish());
    QVERIFY2(second->output.contains(QLatin1String("recv BYE ")), qPrintable(second->output));
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, 5000);
    QCOMPARE(history->entry(0).peer, entry.peer);
    QCOMPARE(history->missedCount(), 0);
}

void TestCallController::unansweredIncomingCallIsMissed()
{
    QVERIFY(!registerLine().isEmpty());
    // The Contacts tab is in front: a missed call counts until the Recent tab is looked at.
    auto *tabs = child<QTabWidget>(QStringLiteral("contactTabs"));
    tabs->setCurrentIndex(0);
    std::unique_ptr<Peer> caller = startCli(
        {QStringLiteral("call"), QStringLiteral("sip:1001@127.0.0.1"), QStringLiteral("--wait"), QStringLiteral("2")},
        QStringLiteral("1003"));
    QTRY_VERIFY2_WITH_TIMEOUT(child<QLabel>(QStringLiteral("incomingLabel"))->text().contains(QLatin1String("1003")),
                              qPrintable(caller->output), 15000);
    QVERIFY(child<QPushButton>(QStringLiteral("answerButton"))->isEnabled());
    // Nobody answers: the caller gives up.
    QVERIFY(caller->finish());
    Gui::CallHistoryModel *history = m_window->callHistoryModel();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
    QCOMPARE(history->entry(0).outcome, Gui::CallOutcome::Missed);
    QCOMPARE(history->entry(0).direction, Sip::CallDirection::Incoming);
    QVERIFY(history->entry(0).peer.contains(QLatin1String("1003")));
    QCOMPARE(history->missedCount(), 1);
    const int recent = tabs->indexOf(m_window->callHistoryPanel());
    QCOMPARE(tabs->tabText(recent), QStringLiteral("Recent (1 missed)"));

    // The file keeps it unseen, so the count survives a restart until the user looks.
    App::CallHistoryStore store(m_dir->filePath(QStringLiteral("offhook-history.json")));
    const QList<Gui::CallHistoryEntry> stored = store.load();
    QCOMPARE(store.problem(), QString());
    QCOMPARE(stored.size(), 1);
    QVERIFY(stored.constFirst().isUnseenMissed());

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showCallHistory();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(recent), QStringLiteral("Recent"), 5000);
    QCOMPARE(history->missedCount(), 0);
}

void TestCallController::rejectedIncomingCall()
{
    QVERIFY(!registerLine().isEmpty());
    std::unique_ptr<Peer> caller = startCli(
        {QStringLiteral("call"), QStringLiteral("sip:1001@127.0.0.1"), QStringLiteral("--wait"), QStringLiteral("20")},
        QStringLiteral("1003"));
    auto *reject = child<QPushButton>(QStringLiteral("rejectButton"));
    QTRY_VERIFY2_WITH_TIMEOUT(reject->isEnabled(), qPrintable(caller->output), 15000);
    QTest::mouseClick(reject, Qt::LeftButton);
    QVERIFY(caller->finish());
    QVERIFY2(caller->output.contains(QLatin1String("603")), qPrintable(caller->output));
    Gui::CallHistoryModel *history = m_window->callHistoryModel();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
    QCOMPARE(history->entry(0).outcome, Gui::CallOutcome::Rejected);
    QCOMPARE(history->missedCount(), 0);
}

void TestCallController::redialOfAGoneLineUsesTheSelectedOne()
{
    const QString lineId = registerLine();
    QVERIFY(!lineId.isEmpty());
    std::unique_ptr<Peer> peer =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")}, QStringLiteral("1002"));
    QTRY_VERIFY2_WITH_TIMEOUT(peer->output.contains(QLatin1String("WAITING for a call")), qPrintable(peer->output),
                              20000);
    Gui::CallHistoryEntry old;
    old.startedUtc = QDateTime::currentDateTimeUtc().addDays(-3);
    old.lineId = QStringLiteral("a-line-deleted-since");
    old.peer = QStringLiteral("sip:1002@127.0.0.1");
    old.direction = Sip::CallDirection::Incoming;
    old.outcome = Gui::CallOutcome::Answered;
    m_window->callHistoryModel()->add(old);
    m_window->showCallHistory();
    auto *view = child<QListView>(QStringLiteral("historyView"));
    view->setCurrentIndex(m_window->callHistoryModel()->index(0));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callListText()), 15000);
    QCOMPARE(m_calls->calls()->lastEvent(m_window->callPanel()->currentCallId()).lineId, lineId);
    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QVERIFY(peer->finish());
    QVERIFY2(peer->output.contains(QLatin1String("recv BYE ")), qPrintable(peer->output));
}

void TestCallController::doubleClickedContactIsCalled()
{
    const QString lineId = registerLine();
    QVERIFY(!lineId.isEmpty());
    std::unique_ptr<Peer> peer =
        startCli({QStringLiteral("answer"), QStringLiteral("--wait"), QStringLiteral("30")}, QStringLiteral("1002"));
    QTRY_VERIFY2_WITH_TIMEOUT(peer->output.contains(QLatin1String("WAITING for a call")), qPrintable(peer->output),
                              20000);
    Sip::WatchedContact contact;
    contact.lineId = lineId;
    contact.contactId = QStringLiteral("c1");
    contact.uri = QStringLiteral("sip:1002@127.0.0.1");
    contact.name = QStringLiteral("Reception");
    contact.presence = false;
    m_window->contactsPanel()->setContacts(lineId, {contact});
    m_window->contactsPanel()->setCurrentLine(lineId);
    auto *tabs = child<QTabWidget>(QStringLiteral("contactTabs"));
    tabs->setCurrentIndex(0);
    auto *view = child<QListView>(QStringLiteral("contactView"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    const QRect row = view->visualRect(view->model()->index(0, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callListText()), 15000);
    QCOMPARE(m_window->callPanel()->callCount(), 1);
    QCOMPARE(child<QLineEdit>(QStringLiteral("numberEdit"))->text(), QStringLiteral("1002@127.0.0.1"));
    QTest::mouseClick(child<QPushButton>(QStringLiteral("callHangUpButton")), Qt::LeftButton);
    QVERIFY(peer->finish());
    QVERIFY2(peer->output.contains(QLatin1String("recv BYE ")), qPrintable(peer->output));
}

void TestCallController::transferFromThePanel()
{
    OFFHOOK_REQUIRE_TOOL(Test::SippProcess::findProgram());
    QVERIFY(!registerLine().isEmpty());
    // sipp registered as 1005 answers, accepts the REFER and reports success by NOTIFY.
    m_kamailio.kamcmd({QStringLiteral("ul.rm"), QStringLiteral("location"), QStringLiteral("s:1005")});
    const quint16 port = Test::FreePort::pick();
    Test::SippProcess registrar;
    Test::SippProcess::Options options;
    options.port = port;
    options.service = QStringLiteral("1005");
    options.authUser = QStringLiteral("1005");
    options.authPassword = m_kamailio.password(QStringLiteral("1005"));
    options.timeoutSeconds = 20;
    QVERIFY2(registrar.startClient(QStringLiteral("uac_register_auth.xml"), m_kamailio.address(), options),
             qPrintable(registrar.errorText()));
    QVERIFY(registrar.waitFinished(30000));
    QCOMPARE(registrar.exitCode(), 0);
    Test::SippProcess callee;
    Test::SippProcess::Options calleeOptions;
    calleeOptions.port = port;
    calleeOptions.timeoutSeconds = 40;
    QVERIFY2(callee.startServer(QStringLiteral("uas_call_refer.xml"), calleeOptions), qPrintable(callee.errorText()));

    // The number in the dial pad is the one offered as the transfer target.
    m_window->dialPad()->setNumber(QStringLiteral("1005"));
    QTest::keyClick(child<QLineEdit>(QStringLiteral("numberEdit")), Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(callListText().contains(QLatin1String("connected")), qPrintable(callee.errorText()),
                              15000);
    m_window->dialPad()->setNumber(QStringLiteral("1003"));
    QString offered;
    UiTest::whenModal([&offered](QWidget *modal) {
        auto *dialog = qobject_cast<QInputDialog *>(modal);
        if (!dialog)
            return;
        offered = dialog->textValue();
        dialog->accept();
    });
    QTest::mouseClick(child<QPushButton>(QStringLiteral("transferButton")), Qt::LeftButton);
    QTRY_COMPARE(offered, QStringLiteral("1003"));
    auto *status = child<QLabel>(QStringLiteral("transferStatusLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Transferred to 1003@")),
                              qPrintable(status->text()), 15000);
    // Once transferred, we leave the call; the history says where it went.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->callPanel()->callCount(), 0, 10000);
    QVERIFY(callee.waitFinished(20000));
    QVERIFY2(callee.exitCode() == 0, qPrintable(callee.errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->callHistoryModel()->rowCount(), 1, 5000);
    QVERIFY2(m_window->callHistoryModel()->entry(0).endReason.startsWith(QLatin1String("Transferred to sip:1003@")),
             qPrintable(m_window->callHistoryModel()->entry(0).endReason));
}

QTEST_MAIN(TestCallController)
#include "TestCallController.moc"
