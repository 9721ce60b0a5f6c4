// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/RegistrationState.h"
#include "ui/theme/Theme.h"

#include <QMainWindow>
#include <QStringList>
#include <functional>

class QDockWidget;
class QLabel;
class QListView;
class QTabWidget;

namespace Sip {
class SipEngine;
}

namespace Gui {

class ContactsPanel;
class CallHistoryModel;
class CallHistoryPanel;
class CallPanel;
class DialPad;
class LineListModel;
class LogPane;
class TrayStatus;

/// The main window: lines with their state, dial pad, room for contacts and history, and the live SIP
/// log as a dock. Composes widgets and dialogs; owns no SIP logic: changes to lines go out as signals
/// to the application, which stores them and drives the engine. Reads the engine's log and events.
/// GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Sip::SipEngine *engine, QWidget *parent = nullptr);

    LineListModel *lineModel() const { return m_lineModel; }
    LogPane *logPane() const { return m_logPane; }
    DialPad *dialPad() const { return m_dialPad; }
    CallPanel *callPanel() const { return m_callPanel; }
    QListView *lineView() const { return m_lineView; }
    ContactsPanel *contactsPanel() const { return m_contactsPanel; }
    CallHistoryModel *callHistoryModel() const { return m_callHistoryModel; }
    CallHistoryPanel *callHistoryPanel() const { return m_callHistoryPanel; }
    /// Brings the "Recent" tab to the front (which marks the missed calls seen).
    void showCallHistory();
    TrayStatus *trayStatus() const { return m_trayStatus; }

    void setLine(const Sip::LineConfig &line);
    void removeLine(const QString &lineId);
    /// Id of the selected line, or of the only line; empty when none.
    QString currentLineId() const;
    void selectLine(const QString &lineId);
    /// Shows "demo" in the title and the status bar.
    void setProfileLabel(const QString &label);
    /// Lets the tray show the overall state and notifications (no-op without a system tray).
    void setTrayEnabled(bool enabled);
    /// Where the line dialog gets the output devices a line can be routed to (asked each time it opens).
    void setAudioOutputLister(std::function<QStringList()> lister) { m_audioOutputLister = std::move(lister); }

public Q_SLOTS:
    void newLineWizard();
    void editLine(const QString &lineId = {});
    void deleteLine(const QString &lineId = {});
    void startOver(const QString &lineId = {});
    void troubleshoot(const QString &lineId = {});

Q_SIGNALS:
    void lineCreated(const Sip::LineConfig &line);
    void lineEdited(const Sip::LineConfig &line);
    void lineDeleteRequested(const QString &lineId);
    /// The wizard re-created an existing line from scratch: replace oldLineId by line.
    void lineRecreated(const QString &oldLineId, const Sip::LineConfig &line);
    void lineEnabledChangeRequested(const QString &lineId, bool enabled);
    void registerNowRequested(const QString &lineId);
    void preferencesRequested();
    void closing();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createLinesPanel();
    void createActions();
    void updateOverallState();
    void updateLineActions();
    void refreshLogLines();
    void notifyDrop(const QString &lineId, const QString &message);
    void refreshIcons();
    void updateHistoryTab();

    Sip::SipEngine *m_engine;
    std::function<QStringList()> m_audioOutputLister;
    LineListModel *m_lineModel;
    QListView *m_lineView = nullptr;
    DialPad *m_dialPad = nullptr;
    ContactsPanel *m_contactsPanel = nullptr;
    CallPanel *m_callPanel = nullptr;
    CallHistoryModel *m_callHistoryModel = nullptr;
    CallHistoryPanel *m_callHistoryPanel = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    LogPane *m_logPane = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_overallLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    TrayStatus *m_trayStatus = nullptr;
    LineLight m_overall = LineLight::Invalid;
    QString m_profile;

    QAction *m_newLineAction = nullptr;
    QAction *m_editLineAction = nullptr;
    QAction *m_deleteLineAction = nullptr;
    QAction *m_startOverAction = nullptr;
    QAction *m_registerAction = nullptr;
    QAction *m_troubleshootAction = nullptr;
    QAction *m_saveLogAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace Gui
