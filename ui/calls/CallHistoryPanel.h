// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/CallHistoryEntry.h"

#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;
class QToolButton;

namespace Gui {

class CallHistoryModel;

/// The "Recent" list: finished calls with an icon for direction and missed/failed, who, when and how
/// long; double-click or Redial asks to call the entry again, Clear empties the history after asking.
/// Shows its model; the application places the calls. GUI thread.
class CallHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallHistoryPanel(CallHistoryModel *model, QWidget *parent = nullptr);

    CallHistoryModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    /// The selected entry (invalid when nothing is selected).
    CallHistoryEntry currentEntry() const;

Q_SIGNALS:
    void redialRequested(const Gui::CallHistoryEntry &entry);

private:
    void updateState();
    void redialCurrent();
    void confirmClear();

    CallHistoryModel *m_model;
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_emptyLabel;
    QToolButton *m_redialButton;
    QToolButton *m_clearButton;
};

} // namespace Gui
