// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/main/MainWindow.h"

#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/wizard/AccountWizard.h"
#include "ui/calls/CallHistoryModel.h"
#include "ui/calls/CallHistoryPanel.h"
#include "ui/calls/CallPanel.h"
#include "ui/contacts/ContactsPanel.h"
#include "ui/calls/DialPad.h"
#include "ui/lines/BindingsPanel.h"
#include "ui/lines/LineDialog.h"
#include "ui/lines/LineItemDelegate.h"
#include "ui/lines/LineListModel.h"
#include "ui/log/LogPane.h"
#include "ui/main/TrayStatus.h"
#include "ui/troubleshoot/TroubleshooterDialog.h"

#include <QAction>
#include <QScrollArea>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gui {

namespace {
QToolButton *panelButton(QWidget *parent, QAction *action)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    return button;
}
} // namespace

MainWindow::MainWindow(Sip::SipEngine *engine, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_lineModel(new LineListModel(this)), m_trayStatus(new TrayStatus(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Offhook"));
    setWindowIcon(Theme::appIcon());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createActions();
    // The phone side scrolls instead of squeezing its keys when the window is short.
    auto *phoneScroll = new QScrollArea(this);
    phoneScroll->setObjectName(QStringLiteral("phoneScroll"));
    phoneScroll->setWidgetResizable(true);
    phoneScroll->setFrameShape(QFrame::NoFrame);
    phoneScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    phoneScroll->setWidget(createLinesPanel());
    phoneScroll->setMinimumWidth(phoneScroll->widget()->minimumSizeHint().width());
    setCentralWidget(phoneScroll);

    m_logPane = new LogPane(this);
    m_logDock = new QDockWidget(tr("SIP log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPane);
    m_logDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                           QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {760}, Qt::Horizontal);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *logToggle = m_logDock->toggleViewAction();
    logToggle->setText(tr("SIP &log"));
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    logToggle->setIcon(Theme::icon(QStringLiteral("log")));
    viewMenu->addAction(logToggle);
    auto *recentAction = viewMenu->addAction(Theme::icon(QStringLiteral("history")), tr("&Recent calls"), this, [this] {
        showCallHistory();
        m_callHistoryPanel->view()->setFocus(Qt::ShortcutFocusReason);
    });
    recentAction->setObjectName(QStringLiteral("recentCallsAction"));
    recentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    // Keyboard flow: Ctrl+D, type the number, Enter calls; the call panel's buttons follow with Tab.
    auto *dialAction = viewMenu->addAction(Theme::icon(QStringLiteral("dialpad")), tr("&Dial a number"), this, [this] {
        m_dialPad->numberEdit()->setFocus(Qt::ShortcutFocusReason);
        m_dialPad->numberEdit()->selectAll();
    });
    dialAction->setObjectName(QStringLiteral("dialAction"));
    dialAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Offhook"), this, [this] {
        QMessageBox::about(this, tr("Offhook — About"),
                           tr("<h3>Offhook %1</h3><p>A desktop SIP softphone that shows why a line does or does "
                              "not register.</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
                               .arg(QStringLiteral(OFFHOOK_VERSION)));
    });

    m_overallLabel = new QLabel(this);
    m_overallLabel->setObjectName(QStringLiteral("overallStateLabel"));
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    statusBar()->addWidget(m_overallLabel, 1);
    statusBar()->addPermanentWidget(m_profileLabel);

    if (m_engine) {
        connect(m_engine, &Sip::SipEngine::registrationChanged, m_lineModel, &LineListModel::setEvent);
        if (Sip::SipLog *log = m_engine->log()) {
            m_logPane->appendEntries(log->snapshot());
            connect(log, &Sip::SipLog::entriesAdded, m_logPane, &LogPane::appendEntries);
        }
    }
    connect(m_lineModel, &LineListModel::enabledChangeRequested, this, &MainWindow::lineEnabledChangeRequested);
    connect(m_lineModel, &LineListModel::lineDropped, this, &MainWindow::notifyDrop);
    connect(m_trayStatus, &TrayStatus::clicked, this,
            [this] { isVisible() && !isMinimized() ? hide() : (showNormal(), activateWindow()); });
    connect(m_lineModel, &LineListModel::dataChanged, this, &MainWindow::updateOverallState);
    connect(m_lineModel, &LineListModel::rowsInserted, this, &MainWindow::updateOverallState);
    connect(m_lineModel, &LineListModel::rowsRemoved, this, &MainWindow::updateOverallState);
    connect(m_lineView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateLineActions);
    // The contacts shown are those of the selected line (or of the only one).
    auto showLineContacts = [this] { m_contactsPanel->setCurrentLine(currentLineId()); };
    connect(m_lineView->selectionModel(), &QItemSelectionModel::currentChanged, m_contactsPanel, showLineContacts);
    connect(m_lineModel, &LineListModel::rowsInserted, m_contactsPanel, showLineContacts);
    connect(m_lineModel, &LineListModel::rowsRemoved, m_contactsPanel, showLineContacts);
    connect(m_lineView, &QListView::activated, this,
            [this](const QModelIndex &index) { troubleshoot(m_lineModel->lineIdAt(index.row())); });
    updateOverallState();
    updateLineActions();
    resize(1240, 760);
}

void MainWindow::createActions()
{
    m_newLineAction = new QAction(Theme::icon(QStringLiteral("add")), tr("&New line…"), this);
    m_newLineAction->setObjectName(QStringLiteral("newLineAction"));
    m_newLineAction->setShortcut(QKeySequence::New);
    m_newLineAction->setToolTip(tr("Set up a new line with the wizard (Ctrl+N)"));
    connect(m_newLineAction, &QAction::triggered, this, &MainWindow::newLineWizard);

    m_editLineAction = new QAction(Theme::icon(QStringLiteral("edit")), tr("&Edit line…"), this);
    m_editLineAction->setObjectName(QStringLiteral("editLineAction"));
    m_editLineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editLineAction->setToolTip(tr("Edit the selected line (Ctrl+E)"));
    connect(m_editLineAction, &QAction::triggered, this, [this] { editLine(); });

    m_deleteLineAction = new QAction(Theme::icon(QStringLiteral("delete")), tr("&Delete line…"), this);
    m_deleteLineAction->setObjectName(QStringLiteral("deleteLineAction"));
    m_deleteLineAction->setShortcut(QKeySequence::Delete);
    m_deleteLineAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteLineAction->setToolTip(tr("Delete the selected line and its stored password"));
    connect(m_deleteLineAction, &QAction::triggered, this, [this] { deleteLine(); });

    m_startOverAction = new QAction(Theme::icon(QStringLiteral("wizard")), tr("&Start over with the wizard…"), this);
    m_startOverAction->setObjectName(QStringLiteral("startOverAction"));
    connect(m_startOverAction, &QAction::triggered, this, [this] { startOver(); });

    m_registerAction = new QAction(Theme::icon(QStringLiteral("refresh")), tr("&Register now"), this);
    m_registerAction->setObjectName(QStringLiteral("registerAction"));
    m_registerAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_registerAction, &QAction::triggered, this, [this] {
        if (const QString id = currentLineId(); !id.isEmpty())
            Q_EMIT registerNowRequested(id);
    });

    m_troubleshootAction = new QAction(Theme::icon(QStringLiteral("troubleshoot")), tr("&Troubleshoot…"), this);
    m_troubleshootAction->setObjectName(QStringLiteral("troubleshootAction"));
    m_troubleshootAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_troubleshootAction->setToolTip(tr("Why does this line (not) register? (Ctrl+T)"));
    connect(m_troubleshootAction, &QAction::triggered, this, [this] { troubleshoot(); });

    m_saveLogAction = new QAction(Theme::icon(QStringLiteral("save")), tr("&Save SIP log…"), this);
    m_saveLogAction->setShortcut(QKeySequence::Save);
    connect(m_saveLogAction, &QAction::triggered, this, [this] { m_logPane->saveAs(); });

    auto *preferencesAction = new QAction(tr("&Preferences…"), this);
    preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    preferencesAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences)
                                    << QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAction, &QAction::triggered, this, &MainWindow::preferencesRequested);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_newLineAction);
    fileMenu->addAction(m_saveLogAction);
    fileMenu->addSeparator();
    fileMenu->addAction(preferencesAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    auto *lineMenu = menuBar()->addMenu(tr("&Line"));
    lineMenu->addActions({m_newLineAction, m_editLineAction, m_registerAction, m_troubleshootAction});
    lineMenu->addSeparator();
    lineMenu->addActions({m_startOverAction, m_deleteLineAction});
}

QWidget *MainWindow::createLinesPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("phonePanel"));

    auto *linesTitle = new QLabel(tr("Lines"), panel);
    QFont titleFont = linesTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    linesTitle->setFont(titleFont);

    auto *header = new QHBoxLayout;
    header->setSpacing(2);
    header->addWidget(linesTitle);
    header->addStretch();
    for (QAction *action : {m_newLineAction, m_editLineAction, m_troubleshootAction, m_deleteLineAction})
        header->addWidget(panelButton(panel, action));

    m_lineView = new QListView(panel);
    m_lineView->setObjectName(QStringLiteral("lineView"));
    m_lineView->setAccessibleName(tr("Lines"));
    m_lineView->setModel(m_lineModel);
    m_lineView->setItemDelegate(new LineItemDelegate(m_lineView));
    m_lineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lineView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_lineView->setResizeMode(QListView::Adjust);
    m_lineView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_lineView->setMinimumHeight(120);
    m_lineView->addActions(
        {m_registerAction, m_editLineAction, m_troubleshootAction, m_startOverAction, m_deleteLineAction});
    auto *separator = new QAction(m_lineView);
    separator->setSeparator(true);
    m_lineView->insertAction(m_startOverAction, separator);

    m_dialPad = new DialPad(panel);
    m_callPanel = new CallPanel(panel);

    auto *tabs = new QTabWidget(panel);
    tabs->setObjectName(QStringLiteral("contactTabs"));
    tabs->setDocumentMode(true);
    m_contactsPanel = new ContactsPanel(tabs);
    tabs->addTab(m_contactsPanel, Theme::icon(QStringLiteral("contacts")), tr("Contacts"));
    m_callHistoryModel = new CallHistoryModel(this);
    m_callHistoryPanel = new CallHistoryPanel(m_callHistoryModel, tabs);
    tabs->addTab(m_callHistoryPanel, Theme::icon(QStringLiteral("history")), tr("Recent"));
    m_sideTabs = tabs;
    tabs->setMinimumHeight(200); // a few contacts or calls stay in view; the phone side scrolls below that
    m_callPanel->setTransferTargetSuggestion([this] { return m_dialPad->number(); });
    // Missed calls count until the user looks at the Recent tab.
    connect(m_callHistoryModel, &CallHistoryModel::missedCountChanged, this, &MainWindow::updateHistoryTab);
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::updateHistoryTab);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 10, 8, 8);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_lineView, 1);
    layout->addSpacing(4);
    layout->addWidget(m_dialPad);
    layout->addWidget(m_callPanel);
    layout->addSpacing(4);
    layout->addWidget(tabs, 2);
    panel->setMinimumWidth(330);
    panel->setMaximumWidth(520);
    return panel;
}

void MainWindow::showCallHistory()
{
    m_sideTabs->setCurrentWidget(m_callHistoryPanel);
}

void MainWindow::updateHistoryTab()
{
    const bool looking = m_sideTabs->currentWidget() == m_callHistoryPanel && isVisible() && isActiveWindow();
    if (looking && m_callHistoryModel->missedCount() > 0)
        m_callHistoryModel->markMissedSeen(); // comes back here with a count of 0
    const int missed = m_callHistoryModel->missedCount();
    const int tab = m_sideTabs->indexOf(m_callHistoryPanel);
    m_sideTabs->setTabText(tab, missed > 0 ? tr("Recent (%1 missed)").arg(missed) : tr("Recent"));
    m_sideTabs->setTabToolTip(tab, missed > 0 ? tr("Missed calls not looked at yet: %1").arg(missed) : QString());
}

void MainWindow::setLine(const Sip::LineConfig &line)
{
    const bool isNew = m_lineModel->rowOf(line.id) < 0;
    m_lineModel->setLine(line);
    if (isNew && m_engine) {
        const Sip::RegistrationEvent event = m_engine->lastEvent(line.id);
        if (event.state != Sip::RegistrationState::Invalid)
            m_lineModel->setEvent(event);
    }
    if (isNew && !m_lineView->currentIndex().isValid())
        selectLine(line.id);
    refreshLogLines();
    updateLineActions();
}

void MainWindow::removeLine(const QString &lineId)
{
    m_lineModel->removeLine(lineId);
    refreshLogLines();
    updateLineActions();
}

QString MainWindow::currentLineId() const
{
    const QModelIndex current = m_lineView->currentIndex();
    if (current.isValid())
        return m_lineModel->lineIdAt(current.row());
    return m_lineModel->rowCount() == 1 ? m_lineModel->lineIdAt(0) : QString();
}

void MainWindow::selectLine(const QString &lineId)
{
    const int row = m_lineModel->rowOf(lineId);
    if (row >= 0)
        m_lineView->setCurrentIndex(m_lineModel->index(row));
}

void MainWindow::setProfileLabel(const QString &label)
{
    m_profile = label;
    setWindowTitle(label.isEmpty() ? tr("Offhook") : tr("Offhook — %1").arg(label));
    m_profileLabel->setText(label.isEmpty() ? QString() : tr("Profile: %1").arg(label));
}

void MainWindow::refreshLogLines()
{
    QList<QPair<QString, QString>> lines;
    for (const Sip::LineConfig &line : m_lineModel->lines())
        lines.append({line.id, Sip::Address::displayAddress(line)});
    m_logPane->setLines(lines);
}

void MainWindow::updateLineActions()
{
    const bool hasLine = !currentLineId().isEmpty();
    for (QAction *action :
         {m_editLineAction, m_deleteLineAction, m_startOverAction, m_registerAction, m_troubleshootAction})
        action->setEnabled(hasLine);
}

void MainWindow::updateOverallState()
{
    int registered = 0;
    int failed = 0;
    int enabled = 0;
    for (int row = 0; row < m_lineModel->rowCount(); ++row) {
        const auto light = LineLight(m_lineModel->index(row).data(LineListModel::LightRole).toInt());
        enabled += light != LineLight::Disabled;
        registered += light == LineLight::Registered;
        failed += light == LineLight::Failed;
    }
    if (m_lineModel->rowCount() == 0) {
        m_overallLabel->setText(tr("No lines yet — choose New line to set one up."));
        m_overall = LineLight::Disabled;
    } else {
        m_overallLabel->setText(tr("%1 of %2 enabled lines registered").arg(registered).arg(enabled) +
                                (failed ? tr(" · %n failing", nullptr, failed) : QString()));
        m_overall =
            failed ? LineLight::Failed
                   : (registered == enabled && enabled > 0 ? LineLight::Registered
                                                           : (enabled ? LineLight::Registering : LineLight::Disabled));
    }
    m_trayStatus->setState(m_overall, m_overallLabel->text());
}

void MainWindow::setTrayEnabled(bool enabled)
{
    if (!enabled || m_trayStatus->isShown()) {
        m_trayStatus->setEnabled(enabled);
        return;
    }
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Offhook"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(m_quitAction);
    if (!m_trayStatus->setEnabled(true, menu))
        delete menu;
}

void MainWindow::notifyDrop(const QString &lineId, const QString &message)
{
    const QString address = Sip::Address::displayAddress(m_lineModel->line(lineId));
    statusBar()->showMessage(tr("%1 dropped: %2").arg(address, message), 15000);
    m_trayStatus->notifyDrop(address, message);
}

void MainWindow::newLineWizard()
{
    auto *wizard = new AccountWizard(m_engine, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &AccountWizard::lineReady, this, &MainWindow::lineCreated);
    wizard->open();
}

void MainWindow::startOver(const QString &lineId)
{
    const QString id = lineId.isEmpty() ? currentLineId() : lineId;
    if (id.isEmpty())
        return;
    auto *wizard = new AccountWizard(m_engine, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowTitle(tr("Offhook — Start over: %1").arg(Sip::Address::displayAddress(m_lineModel->line(id))));
    connect(wizard, &AccountWizard::lineReady, this,
            [this, id](const Sip::LineConfig &line) { Q_EMIT lineRecreated(id, line); });
    wizard->open();
}

void MainWindow::editLine(const QString &lineId)
{
    const QString id = lineId.isEmpty() ? currentLineId() : lineId;
    if (id.isEmpty())
        return;
    auto *dialog = new LineDialog(m_lineModel->line(id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_audioOutputLister)
        dialog->setAudioOutputDevices(m_audioOutputLister());
    if (m_engine)
        dialog->addSection(new BindingsPanel(m_engine, id));
    connect(dialog, &LineDialog::accepted, this, [this, dialog] { Q_EMIT lineEdited(dialog->line()); });
    connect(dialog, &LineDialog::startOverRequested, this, [this, id] { startOver(id); });
    dialog->open();
}

void MainWindow::deleteLine(const QString &lineId)
{
    const QString id = lineId.isEmpty() ? currentLineId() : lineId;
    if (id.isEmpty())
        return;
    const QString address = Sip::Address::displayAddress(m_lineModel->line(id));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Offhook — Delete line"),
                                tr("Delete the line %1?").arg(address), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteLineConfirmation"));
    box->setInformativeText(tr("It is unregistered and its stored password is removed. This cannot be undone."));
    QPushButton *deleteButton = box->addButton(tr("Delete line"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, deleteButton](QAbstractButton *button) {
        if (button == deleteButton)
            Q_EMIT lineDeleteRequested(id);
    });
    box->open();
}

void MainWindow::troubleshoot(const QString &lineId)
{
    const QString id = lineId.isEmpty() ? currentLineId() : lineId;
    if (id.isEmpty())
        return;
    auto *dialog = new TroubleshooterDialog(m_engine, m_lineModel->line(id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMaskCredentials(m_logPane->maskCredentials());
    connect(dialog, &TroubleshooterDialog::editLineRequested, this, [this, id] { editLine(id); });
    connect(dialog, &TroubleshooterDialog::registerNowRequested, this, [this, id] { Q_EMIT registerNowRequested(id); });
    dialog->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Q_EMIT closing();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        updateHistoryTab();
    QMainWindow::changeEvent(event);
}

void MainWindow::refreshIcons()
{
    // Icons are drawn with the palette at paint time; repaint so a light/dark switch shows at once.
    update();
    m_trayStatus->refreshIcon();
}

} // namespace Gui
