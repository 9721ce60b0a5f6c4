// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/calls/CallHistoryPanel.h"

#include "ui/calls/CallHistoryModel.h"
#include "ui/theme/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gui {

CallHistoryPanel::CallHistoryPanel(CallHistoryModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_stack(new QStackedWidget(this)), m_view(new QListView(m_stack)),
      m_emptyLabel(new QLabel(tr("Your calls will be listed here."), m_stack)), m_redialButton(new QToolButton(this)),
      m_clearButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("callHistoryPanel"));
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setAccessibleName(tr("Recent calls"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setIconSize(QSize(20, 20));
    m_view->setSpacing(1);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);

    m_redialButton->setObjectName(QStringLiteral("redialButton"));
    m_redialButton->setIcon(Theme::icon(QStringLiteral("call")));
    m_redialButton->setText(tr("Redial"));
    m_redialButton->setToolTip(tr("Call the selected entry again (or double-click it)"));
    m_redialButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_redialButton->setAutoRaise(true);
    m_clearButton->setObjectName(QStringLiteral("clearHistoryButton"));
    m_clearButton->setIcon(Theme::icon(QStringLiteral("clear")));
    m_clearButton->setToolTip(tr("Clear the call history"));
    m_clearButton->setAccessibleName(tr("Clear the call history"));
    m_clearButton->setAutoRaise(true);

    connect(m_view, &QListView::activated, this, [this] { redialCurrent(); });
    connect(m_redialButton, &QToolButton::clicked, this, &CallHistoryPanel::redialCurrent);
    connect(m_clearButton, &QToolButton::clicked, this, &CallHistoryPanel::confirmClear);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CallHistoryPanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CallHistoryPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CallHistoryPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CallHistoryPanel::updateState);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_redialButton);
    buttons->addStretch();
    buttons->addWidget(m_clearButton);
    // The buttons sit above the list so they stay in view when the phone side is scrolled.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_stack, 1);
    updateState();
}

CallHistoryEntry CallHistoryPanel::currentEntry() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->entry(current.row()) : CallHistoryEntry{};
}

void CallHistoryPanel::updateState()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyLabel) : m_view);
    m_redialButton->setEnabled(m_view->currentIndex().isValid());
    m_clearButton->setEnabled(!empty);
}

void CallHistoryPanel::redialCurrent()
{
    const CallHistoryEntry entry = currentEntry();
    if (entry.isValid())
        Q_EMIT redialRequested(entry);
}

void CallHistoryPanel::confirmClear()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Offhook — Clear call history"),
                                tr("Remove every call from the history?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("clearHistoryConfirmation"));
    QPushButton *clear = box->addButton(tr("Clear history"), QMessageBox::DestructiveRole);
    clear->setObjectName(QStringLiteral("confirmClearHistoryButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton *button) {
        if (button == clear)
            m_model->clear();
    });
    box->open();
}

} // namespace Gui
