// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/AccountWizard.h"

#include "app/gui/AppSettings.h"
#include "app/gui/LineController.h"
#include "app/gui/MemorySecretStore.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "tests/support/FreePort.h"
#include "tests/support/KamailioServer.h"
#include "ui/lines/LineDialog.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"
#include "app/core/RegistrationTrace.h"
#include "ui/troubleshoot/StepTrackerWidget.h"
#include "ui/troubleshoot/TroubleshooterDialog.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

/// The wizard end to end against a real Kamailio: fields typed as a user would, the live test
/// registration, and the line it creates in the main window.
class TestAccountWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void validationAsTheUserTypes();
    void createsALineThatRegisters();
    void wrongPasswordShowsAuthenticationDiagnosis();
    void backLeavesTheTestToFixAField();
    void serverCheckSaysWhatAnswers();
    void failedTestRunsTheServerCheck();
    void editingALineReRegistersIt();

private:
    Gui::AccountWizard *openWizard();
    /// Fills every page up to the test page and returns the test result label.
    QLabel *fillAndTest(Gui::AccountWizard *wizard, const QString &extension, const QString &password);
    int providerRow(const QString &id) const;

    Test::KamailioServer m_kamailio;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sip::SipLog> m_log;
    std::unique_ptr<Sip::SipEngine> m_engine;
    std::unique_ptr<App::AppSettings> m_settings;
    std::unique_ptr<App::MemorySecretStore> m_secrets;
    std::unique_ptr<Gui::MainWindow> m_window;
    std::unique_ptr<App::LineController> m_controller;
};

void TestAccountWizard::initTestCase()
{
    Test::KamailioServer::Options options;
    options.presence = false;
    QVERIFY2(m_kamailio.start(options), qPrintable(m_kamailio.stderrText()));
}

void TestAccountWizard::cleanupTestCase()
{
    m_kamailio.stop();
}

void TestAccountWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<Sip::SipLog>();
    m_log->setFlushInterval(10);
    m_engine = std::make_unique<Sip::SipEngine>(m_log.get());
    Sip::EngineOptions options;
    options.transactionTimeoutMs = 4000;
    options.shutdownTimeoutMs = 1000;
    options.retryFailedRegistrations = false;
    options.watchNetwork = false;
    QVERIFY(m_engine->start(options));
    m_settings = std::make_unique<App::AppSettings>(m_dir->filePath(QStringLiteral("offhook.ini")));
    m_secrets = std::make_unique<App::MemorySecretStore>();
    m_window = std::make_unique<Gui::MainWindow>(m_engine.get());
    m_controller = std::make_unique<App::LineController>(m_engine.get(), m_settings.get(), m_secrets.get(), nullptr,
                                                         m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAccountWizard::cleanup()
{
    m_controller.reset();
    m_window.reset();
    m_engine.reset();
    m_secrets.reset();
    m_settings.reset();
    m_log.reset();
    m_dir.reset();
}

int TestAccountWizard::providerRow(const QString &id) const
{
    const QList<Gui::ProviderPreset> presets = Gui::ProviderPreset::load();
    for (int row = 0; row < presets.size(); ++row) {
        if (presets[row].id == id)
            return row;
    }
    return -1;
}

Gui::AccountWizard *TestAccountWizard::openWizard()
{
    m_window->newLineWizard();
    auto *wizard = m_window->findChild<Gui::AccountWizard *>(QStringLiteral("accountWizard"));
    if (wizard)
        Q_UNUSED(QTest::qWaitForWindowExposed(wizard));
    return wizard;
}

QLabel *TestAccountWizard::fillAndTest(Gui::AccountWizard *wizard, const QString &extension, const QString &password)
{
    auto *providers = wizard->findChild<QListWidget *>(QStringLiteral("providerList"));
    if (!providers)
        return nullptr;
    const int kamailioRow = providerRow(QStringLiteral("kamailio"));
    providers->setCurrentRow(kamailioRow >= 0 ? kamailioRow : 0);
    wizard->next();
    if (wizard->currentId() != Gui::AccountWizard::ServerPageId)
        return nullptr;

    auto *server = wizard->findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    auto *extensionEdit = wizard->findChild<QLineEdit *>(QStringLiteral("extensionEdit"));
    QTest::keyClicks(server, m_kamailio.address());
    QTest::keyClicks(extensionEdit, extension);
    const auto *preview = wizard->findChild<QLabel *>(QStringLiteral("addressPreview"));
    if (preview->text() != extension + QStringLiteral("@127.0.0.1"))
        return nullptr;
    wizard->next();
    if (wizard->currentId() != Gui::AccountWizard::CredentialsPageId)
        return nullptr;

    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), password);
    wizard->next();
    if (wizard->currentId() != Gui::AccountWizard::AdvancedPageId)
        return nullptr;
    wizard->next();
    if (wizard->currentId() != Gui::AccountWizard::TestPageId)
        return nullptr;
    return wizard->findChild<QLabel *>(QStringLiteral("testResultLabel"));
}

void TestAccountWizard::validationAsTheUserTypes()
{
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    QVERIFY(wizard->windowTitle().startsWith(QStringLiteral("Offhook")));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(Gui::AccountWizard::ServerPageId));
    auto *server = wizard->findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    auto *extension = wizard->findChild<QLineEdit *>(QStringLiteral("extensionEdit"));
    auto *problem = wizard->findChild<QLabel *>(QStringLiteral("serverProblemLabel"));
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QVERIFY(server && extension && problem && next);

    QTest::keyClicks(server, QStringLiteral("pbx exa mple:99999"));
    QTest::keyClicks(extension, QStringLiteral("10 01"));
    QVERIFY(!next->isEnabled());
    QVERIFY(!problem->isHidden());
    QVERIFY(!problem->text().isEmpty());

    server->clear();
    extension->clear();
    QTest::keyClicks(server, QStringLiteral("pbx.example:5080"));
    QTest::keyClicks(extension, QStringLiteral("1001"));
    QVERIFY(next->isEnabled());
    QVERIFY(problem->isHidden());
    QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("addressPreview"))->text(), QStringLiteral("1001@pbx.example"));
    wizard->reject();
}

void TestAccountWizard::createsALineThatRegisters()
{
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    QSignalSpy ready(wizard, &Gui::AccountWizard::lineReady);
    QLabel *result = fillAndTest(wizard, QStringLiteral("1002"), m_kamailio.password(QStringLiteral("1002")));
    QVERIFY(result);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Registered")), 15000);
    QAbstractButton *finish = wizard->button(QWizard::FinishButton);
    QVERIFY(finish->isVisible() && finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    QCOMPARE(ready.count(), 1);

    Gui::LineListModel *model = m_window->lineModel();
    QTRY_COMPARE(model->rowCount(), 1);
    const QModelIndex index = model->index(0);
    QCOMPARE(index.data(Gui::LineListModel::AddressRole).toString(), QStringLiteral("1002@127.0.0.1"));
    QTRY_COMPARE_WITH_TIMEOUT(Gui::LineLight(index.data(Gui::LineListModel::LightRole).toInt()),
                              Gui::LineLight::Registered, 15000);
    QVERIFY(index.data(Gui::LineListModel::StateTextRole).toString().startsWith(QStringLiteral("Registered")));
    QTRY_VERIFY(!m_kamailio.bindings(QStringLiteral("1002")).isEmpty());

    // Stored: settings without the password, the password in the secret store.
    QCOMPARE(m_settings->lines().size(), 1);
    QCOMPARE(m_settings->lines().constFirst().extension, QStringLiteral("1002"));
    QVERIFY(m_settings->lines().constFirst().password.isEmpty());
    const QString id = model->lineIdAt(0);
    QTRY_VERIFY(m_secrets->contains(App::SecretStore::keyForLine(id)));
}

void TestAccountWizard::wrongPasswordShowsAuthenticationDiagnosis()
{
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    QLabel *result = fillAndTest(wizard, QStringLiteral("1003"), QStringLiteral("not-the-password"));
    QVERIFY(result);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Not registered")), 15000);
    QVERIFY2(result->text().contains(QStringLiteral("401")), qPrintable(result->text()));
    QVERIFY2(result->text().contains(QStringLiteral("Auth User or Password")), qPrintable(result->text()));
    QVERIFY2(result->text().contains(QStringLiteral("Extension and Auth User")), qPrintable(result->text()));
    // The test line is only a test: nothing was added to the window yet.
    QCOMPARE(m_window->lineModel()->rowCount(), 0);

    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    Gui::LineListModel *model = m_window->lineModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(Gui::LineLight(model->index(0).data(Gui::LineListModel::LightRole).toInt()),
                              Gui::LineLight::Failed, 15000);
    QVERIFY(model->index(0)
                .data(Gui::LineListModel::DiagnosisRole)
                .toString()
                .contains(QStringLiteral("Auth User or Password")));

    // The troubleshooter shows the whole attempt from the real log, the rejected step last.
    m_window->troubleshoot(model->lineIdAt(0));
    auto *troubleshooter = m_window->findChild<Gui::TroubleshooterDialog *>(QStringLiteral("troubleshooter"));
    QVERIFY(troubleshooter);
    auto *steps = troubleshooter->findChild<Gui::StepTrackerWidget *>();
    QVERIFY(steps);
    QTRY_VERIFY(Gui::RegistrationTrace::summary(steps->steps())
                    .startsWith(QStringLiteral("REGISTER sent → 401 challenge → REGISTER with digest → 401 "
                                               "Unauthorized — credentials rejected")));
    QCOMPARE(steps->steps().at(3).status, Gui::TraceStep::Status::Failed);
    troubleshooter->close();
}

void TestAccountWizard::backLeavesTheTestToFixAField()
{
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    QLabel *result = fillAndTest(wizard, QStringLiteral("1004"), QStringLiteral("wrong"));
    QVERIFY(result);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Not registered")), 15000);

    wizard->back(); // advanced
    wizard->back(); // credentials
    QCOMPARE(wizard->currentId(), int(Gui::AccountWizard::CredentialsPageId));
    auto *password = wizard->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    password->clear();
    QTest::keyClicks(password, m_kamailio.password(QStringLiteral("1004")));
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(Gui::AccountWizard::TestPageId));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Registered.")), 15000);
    wizard->reject();
    // Cancelling removes the test registration: the binding goes away.
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("1004")).isEmpty(), 10000);
    QCOMPARE(m_window->lineModel()->rowCount(), 0);
}

void TestAccountWizard::serverCheckSaysWhatAnswers()
{
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    wizard->next();
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("serverEdit")), m_kamailio.address());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("extensionEdit")), QStringLiteral("1005"));
    auto *page = wizard->page(Gui::AccountWizard::ServerPageId);
    auto *check = page->findChild<QPushButton *>(QStringLiteral("preflightButton"));
    auto *result = page->findChild<QLabel *>(QStringLiteral("preflightResult"));
    QVERIFY(check && result);
    QVERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("answers over UDP")), 15000);
    QVERIFY2(result->text().contains(QStringLiteral("UDP 127.0.0.1:%1 answered 200").arg(m_kamailio.port())),
             qPrintable(result->text()));
    QVERIFY(result->text().contains(QStringLiteral("TCP 127.0.0.1:%1 answered 200").arg(m_kamailio.port())));
    // The OPTIONS went into the live log.
    bool optionsLogged = false;
    for (const Sip::LogEntry &entry : m_log->snapshot())
        optionsLogged = optionsLogged || entry.text.startsWith(QStringLiteral("OPTIONS sip:127.0.0.1"));
    QVERIFY(optionsLogged);

    // Something that is not a server: the button waits for a valid one.
    auto *server = wizard->findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    server->clear();
    QTest::keyClicks(server, QStringLiteral("not a server"));
    QVERIFY(!check->isEnabled());
    wizard->reject();
}

void TestAccountWizard::failedTestRunsTheServerCheck()
{
    // Nothing listens on this port: the test registration fails, and the server check runs by itself
    // and says so in words.
    const quint16 deadPort = Test::FreePort::pick();
    QVERIFY(deadPort);
    Gui::AccountWizard *wizard = openWizard();
    QVERIFY(wizard);
    wizard->next();
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("serverEdit")),
                     QStringLiteral("127.0.0.1:%1").arg(deadPort));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("extensionEdit")), QStringLiteral("1001"));
    wizard->next();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(Gui::AccountWizard::TestPageId));
    auto *page = wizard->page(Gui::AccountWizard::TestPageId);
    auto *result = page->findChild<QLabel *>(QStringLiteral("testResultLabel"));
    auto *check = page->findChild<QLabel *>(QStringLiteral("preflightResult"));
    QVERIFY(result && check);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Not registered")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(QStringLiteral("Nothing is listening for SIP")), 15000);
    QVERIFY2(check->text().contains(QStringLiteral("UDP 127.0.0.1:%1: nothing is listening").arg(deadPort)),
             qPrintable(check->text()));
    wizard->reject();
}

void TestAccountWizard::editingALineReRegistersIt()
{
    Sip::LineConfig line;
    line.extension = QStringLiteral("1001");
    line.server = m_kamailio.address();
    line.password = QStringLiteral("typo");
    const QString id = m_controller->addLine(line);
    Gui::LineListModel *model = m_window->lineModel();
    const QModelIndex index = model->index(model->rowOf(id));
    QTRY_COMPARE_WITH_TIMEOUT(Gui::LineLight(index.data(Gui::LineListModel::LightRole).toInt()), Gui::LineLight::Failed,
                              15000);

    // The user fixes the password in the line dialog and saves: the line registers again at once.
    m_window->editLine(id);
    auto *dialog = m_window->findChild<Gui::LineDialog *>(QStringLiteral("lineDialog"));
    QVERIFY(dialog);
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(password);
    password->clear();
    QTest::keyClicks(password, m_kamailio.password(QStringLiteral("1001")));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(Gui::LineLight(index.data(Gui::LineListModel::LightRole).toInt()),
                              Gui::LineLight::Registered, 15000);
    QTRY_VERIFY(!m_kamailio.bindings(QStringLiteral("1001")).isEmpty());
    QTRY_VERIFY(m_secrets->contains(App::SecretStore::keyForLine(id)));
    m_controller->deleteLine(id);
    QTRY_VERIFY_WITH_TIMEOUT(m_kamailio.bindings(QStringLiteral("1001")).isEmpty(), 10000);
}

QTEST_MAIN(TestAccountWizard)
#include "TestAccountWizard.moc"
