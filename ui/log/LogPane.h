// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;
class QTreeView;

namespace Gui {

class LogModel;

/// The live SIP log pane: filter bar, the foldable log view and its actions (pause, unfold, copy,
/// save as text or pcapng, clear). Follows the newest entry unless the user scrolled up. GUI thread.
class LogPane : public QWidget
{
    Q_OBJECT
public:
    explicit LogPane(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    /// Lines offered in the line filter: id and the address shown for it.
    void setLines(const QList<QPair<QString, QString>> &lines);
    bool maskCredentials() const;
    void setMaskCredentials(bool mask);
    /// Saves the entries the filter shows (text, or pcapng by suffix). False and a message box on failure.
    bool saveVisibleTo(const QString &path);
    /// Text of the selected entries (masked if the option is on), as copied to the clipboard.
    QString selectionText() const;

public Q_SLOTS:
    void appendEntries(const QList<Sip::LogEntry> &entries);
    void copySelection();
    void saveAs();
    void clear();
    void focusFilter();

Q_SIGNALS:
    void maskCredentialsChanged(bool mask);

private:
    void applyFilter();
    void updateStatus();
    void rememberScrollPosition();
    void followIfNeeded();
    void feedModel();

    LogModel *m_model;
    QTreeView *m_view;
    QComboBox *m_lineFilter;
    QComboBox *m_methodFilter;
    QLineEdit *m_textFilter;
    QCheckBox *m_stepsCheck;
    QCheckBox *m_maskCheck;
    QToolButton *m_pauseButton;
    QToolButton *m_unfoldButton;
    QLabel *m_statusLabel;
    QTimer *m_filterTimer;
    QTimer *m_feedTimer;
    QList<Sip::LogEntry> m_incoming; ///< Arrived, not yet in the model (see feedModel)
    bool m_follow = true;
};

} // namespace Gui
