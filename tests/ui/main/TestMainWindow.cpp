// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/main/MainWindow.h"

#include "tests/ui/UiTestSupport.h"
#include "app/gui/AppSettings.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "app/gui/PlainFileSecretStore.h"
#include "app/gui/WindowPersistence.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/calls/DialPad.h"
#include "ui/lines/LineItemDelegate.h"
#include "ui/lines/LineListModel.h"
#include "ui/log/LogModel.h"
#include "ui/log/LogPane.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace std::chrono_literals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void titleAndDialPad();
    void logPaneShowsRegistrationSequence();
    void logFilterAndSave();
    void deleteLineRemovesItsPassword();
    void oneClickDisablesALine();
    void noKeychainAsksBeforeClearText();
    void reopenedWindowRestoresItsGeometry();

private:
    Sip::LineConfig testLine(const QString &extension = QStringLiteral("1001")) const
    {
        Sip::LineConfig line;
        line.extension = extension;
        line.server = QStringLiteral("127.0.0.1:9"); // discard port: nothing answers
        line.password = QStringLiteral("pw-") + extension;
        return line;
    }
    QStringList logMessages() const
    {
        QStringList texts;
        const QAbstractItemModel *model = m_window->logPane()->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            texts << model->index(row, Gui::LogModel::MessageColumn).data().toString();
        return texts;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sip::SipLog> m_log;
    std::unique_ptr<Sip::SipEngine> m_engine;
    std::unique_ptr<App::AppSettings> m_settings;
    std::unique_ptr<App::MemorySecretStore> m_secrets;
    std::unique_ptr<Gui::MainWindow> m_window;
    std::unique_ptr<App::LineController> m_controller;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<Sip::SipLog>();
    m_log->setFlushInterval(10);
    m_engine = std::make_unique<Sip::SipEngine>(m_log.get());
    Sip::EngineOptions options;
    options.transactionTimeoutMs = 2000;
    options.shutdownTimeoutMs = 500;
    QVERIFY(m_engine->start(options));
    m_settings = std::make_unique<App::AppSettings>(m_dir->filePath(QStringLiteral("offhook.ini")));
    m_secrets = std::make_unique<App::MemorySecretStore>();
    m_window = std::make_unique<Gui::MainWindow>(m_engine.get());
    m_controller = std::make_unique<App::LineController>(m_engine.get(), m_settings.get(), m_secrets.get(), nullptr,
                                                         m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_controller.reset();
    m_window.reset();
    m_engine.reset();
    m_secrets.reset();
    m_settings.reset();
    m_log.reset();
    m_dir.reset();
}

void TestMainWindow::titleAndDialPad()
{
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Offhook")));
    m_window->dialPad()->setNumber(QStringLiteral("sip:1002@pbx.example"));
    auto *number = m_window->findChild<QLineEdit *>(QStringLiteral("numberEdit"));
    QVERIFY(number);
    QCOMPARE(number->text(), QStringLiteral("1002@pbx.example"));
    auto *call = m_window->findChild<QPushButton *>(QStringLiteral("callButton"));
    QVERIFY(call);
    QVERIFY(!call->isEnabled());
    QCOMPARE(call->toolTip(), QStringLiteral("Calls are not available yet"));
    // Hanging up is the call panel's alone.
    const QList<QPushButton *> hangUps = m_window->findChildren<QPushButton *>();
    QCOMPARE(std::count_if(hangUps.cbegin(), hangUps.cend(),
                           [](const QPushButton *button) { return button->text() == QLatin1String("Hang up"); }),
             1);
    QVERIFY(m_window->findChild<QPushButton *>(QStringLiteral("callHangUpButton")));
    // Ctrl+D goes to the number with its text selected; Ctrl+H to the Recent tab.
    m_window->findChild<QAction *>(QStringLiteral("dialAction"))->trigger();
    QCOMPARE(number->selectedText(), number->text());
    m_window->findChild<QAction *>(QStringLiteral("recentCallsAction"))->trigger();
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("contactTabs"));
    QCOMPARE(tabs->currentWidget(), m_window->findChild<QWidget *>(QStringLiteral("callHistoryPanel")));
    QTest::mouseClick(m_window->findChild<QWidget *>(QStringLiteral("dialKey5")), Qt::LeftButton);
    QCOMPARE(number->text(), QStringLiteral("1002@pbx.example5"));
}

void TestMainWindow::logPaneShowsRegistrationSequence()
{
    for (const Sip::LogEntry &entry : UiTest::registration(QStringLiteral("x"), QDateTime::currentDateTimeUtc()))
        m_log->append(entry);
    QTRY_VERIFY_WITH_TIMEOUT(logMessages().filter(QStringLiteral("200 OK")).size() == 1, 5000);
    const QStringList messages = logMessages().filter(QStringLiteral("SIP/2.0"));
    QCOMPARE(messages.size(), 4);
    QVERIFY(messages[0].startsWith(QStringLiteral("REGISTER ")));
    QVERIFY(messages[1].startsWith(QStringLiteral("SIP/2.0 401")));
    QVERIFY(messages[2].startsWith(QStringLiteral("REGISTER ")));
    QVERIFY(messages[3].startsWith(QStringLiteral("SIP/2.0 200")));
}

void TestMainWindow::logFilterAndSave()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Sip::LogEntry &entry :
         UiTest::registration(QStringLiteral("x"), now) + UiTest::registration(QStringLiteral("y"), now, 403))
        m_log->append(entry);
    auto *view = m_window->findChild<QTreeView *>(QStringLiteral("logView"));
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 10, 5000);

    auto *text = m_window->findChild<QLineEdit *>(QStringLiteral("logTextFilter"));
    QVERIFY(text);
    QTest::keyClicks(text, QStringLiteral("forbidden"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    text->clear();
    auto *method = m_window->findChild<QComboBox *>(QStringLiteral("logMethodFilter"));
    QVERIFY(method);
    method->setCurrentText(QStringLiteral("401"));
    QTRY_COMPARE(view->model()->rowCount(), 2);

    const QString path = m_dir->filePath(QStringLiteral("saved.txt"));
    method->setCurrentIndex(0);
    text->setText(QStringLiteral("Authorization:"));
    // The filter is debounced: wait for the two REGISTERs with digest, not for the two 401s still shown.
    QTRY_VERIFY(
        view->model()->rowCount() == 2 &&
        view->model()
            ->index(0, Gui::LogModel::MessageColumn)
            .data()
            .toString()
            .startsWith(QStringLiteral("REGISTER")) &&
        view->model()->index(1, Gui::LogModel::MessageColumn).data().toString().startsWith(QStringLiteral("REGISTER")));
    QVERIFY(m_window->findChild<QCheckBox *>(QStringLiteral("logMaskCheck"))->isChecked());
    QVERIFY(m_window->logPane()->saveVisibleTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QCOMPARE(saved.count("send REGISTER sip:127.0.0.1:5060 SIP/2.0  [udp to 127.0.0.1:5060]"), 2);
    QVERIFY(!saved.contains("401 Unauthorized"));
    QVERIFY(saved.contains("response=\"********\""));
    QVERIFY(!saved.contains("6629fae49393a05397450978507c4ef1"));

    view->selectAll();
    QVERIFY(m_window->logPane()->selectionText().contains(QStringLiteral("nonce=\"********\"")));
}

void TestMainWindow::deleteLineRemovesItsPassword()
{
    const QString id = m_controller->addLine(testLine());
    const QString key = App::SecretStore::keyForLine(id);
    QTRY_VERIFY(m_secrets->contains(key));
    QCOMPARE(m_settings->lines().size(), 1);
    QCOMPARE(m_window->lineModel()->rowCount(), 1);

    m_window->selectLine(id);
    auto *deleteAction = m_window->findChild<QAction *>(QStringLiteral("deleteLineAction"));
    QVERIFY(deleteAction && deleteAction->isEnabled());
    bool confirmed = false;
    UiTest::whenModal([&confirmed](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("deleteLineConfirmation"));
        auto *button = modal->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"));
        QVERIFY(button);
        confirmed = true;
        button->click();
    });
    deleteAction->trigger();
    QTRY_VERIFY(confirmed);
    QTRY_COMPARE(m_window->lineModel()->rowCount(), 0);
    QTRY_VERIFY(!m_secrets->contains(key));
    QVERIFY(m_settings->lines().isEmpty());
}

void TestMainWindow::oneClickDisablesALine()
{
    const QString id = m_controller->addLine(testLine());
    auto *view = m_window->findChild<QListView *>(QStringLiteral("lineView"));
    QVERIFY(view);
    const QModelIndex index = view->model()->index(0, 0);
    QStyleOptionViewItem option;
    option.rect = view->visualRect(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, Gui::LineItemDelegate::checkRect(option).center());
    QTRY_VERIFY(!m_window->lineModel()->line(id).enabled);
    QVERIFY(!m_settings->lines().constFirst().enabled);
    QCOMPARE(index.data(Gui::LineListModel::StateTextRole).toString(), QStringLiteral("Disabled"));
    QCOMPARE(Gui::LineLight(index.data(Gui::LineListModel::LightRole).toInt()), Gui::LineLight::Disabled);
}

void TestMainWindow::noKeychainAsksBeforeClearText()
{
    m_secrets->setUnavailable(true);
    App::PlainFileSecretStore plain(m_dir->filePath(QStringLiteral("secrets.ini")));
    App::LineController controller(m_engine.get(), m_settings.get(), m_secrets.get(), &plain, m_window.get());
    int asked = 0;
    controller.setPlainTextConsent([&asked](const QString &reason) {
        ++asked;
        return reason.contains(QStringLiteral("No keychain"));
    });
    QSignalSpy settled(&controller, &App::LineController::secretsSettled);
    const QString id = controller.addLine(testLine());
    QTRY_COMPARE(settled.count(), 1);
    QCOMPARE(asked, 1);
    QVERIFY(m_settings->plainTextSecretsAllowed());
    QFile secrets(plain.filePath());
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    QVERIFY(secrets.readAll().contains("pw-1001"));
    QCOMPARE(secrets.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    QFile settingsFile(m_settings->filePath());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains("pw-1001"));

    // Once agreed, it is not asked again.
    controller.addLine(testLine(QStringLiteral("1002")));
    QTRY_COMPARE(settled.count(), 2);
    QCOMPARE(asked, 1);
    Q_UNUSED(id);
}

void TestMainWindow::reopenedWindowRestoresItsGeometry()
{
    const QString path = m_dir->filePath(QStringLiteral("geometry.ini"));
    QSize size(1010, 655);
    {
        App::AppSettings settings(path);
        Gui::MainWindow window(m_engine.get());
        // A size the window can take: never below what its panels need.
        size = size.expandedTo(window.minimumSizeHint() + QSize(37, 23));
        App::WindowPersistence::attach(window, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.size() != size);
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(dock);
        dock->hide();
        QVERIFY(window.close());
    }
    // A fresh settings object reads the file back, as the next start does.
    App::AppSettings settings(path);
    QVERIFY(!settings.windowGeometry().isEmpty());
    Gui::MainWindow window(m_engine.get());
    App::WindowPersistence::attach(window, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("logDock"))->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
