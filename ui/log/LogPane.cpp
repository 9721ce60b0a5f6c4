// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/log/LogPane.h"

#include "app/core/LogExport.h"
#include "ui/log/LogModel.h"
#include "ui/theme/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Gui {

namespace {
constexpr qsizetype kFeedSlice = 500; ///< Entries per model insertion while catching up
constexpr qint64 kFeedBudgetMs = 12;  ///< UI time per event-loop turn spent catching up

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &iconName, const QString &text,
                        const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(Theme::icon(iconName));
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    return button;
}
} // namespace

LogPane::LogPane(QWidget *parent)
    : QWidget(parent), m_model(new LogModel(this)), m_view(new QTreeView(this)), m_lineFilter(new QComboBox(this)),
      m_methodFilter(new QComboBox(this)), m_textFilter(new QLineEdit(this)),
      m_stepsCheck(new QCheckBox(tr("Steps"), this)), m_maskCheck(new QCheckBox(tr("Mask credentials"), this)),
      m_filterTimer(new QTimer(this)), m_feedTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("logPane"));

    m_lineFilter->setObjectName(QStringLiteral("logLineFilter"));
    m_lineFilter->setAccessibleName(tr("Show the log of line"));
    m_lineFilter->setToolTip(tr("Show only the log of one line"));
    m_lineFilter->addItem(tr("All lines"), QString());
    m_lineFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_methodFilter->setObjectName(QStringLiteral("logMethodFilter"));
    m_methodFilter->setAccessibleName(tr("Method or status filter"));
    m_methodFilter->setToolTip(tr("Show one method (with its responses) or a status such as 401 or 4xx"));
    m_methodFilter->setEditable(true);
    m_methodFilter->setInsertPolicy(QComboBox::NoInsert);
    m_methodFilter->addItem(tr("All messages"), QString());
    for (const char *item :
         {"REGISTER", "INVITE", "OPTIONS", "SUBSCRIBE", "NOTIFY", "PUBLISH", "1xx", "2xx", "4xx", "5xx", "401", "407"})
        m_methodFilter->addItem(QString::fromLatin1(item), QString::fromLatin1(item));
    m_methodFilter->setMinimumContentsLength(10);

    m_textFilter->setObjectName(QStringLiteral("logTextFilter"));
    m_textFilter->setAccessibleName(tr("Search the log"));
    m_textFilter->setPlaceholderText(tr("Filter text (Ctrl+F)"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->addAction(Theme::icon(QStringLiteral("troubleshoot")), QLineEdit::LeadingPosition);

    m_stepsCheck->setObjectName(QStringLiteral("logShowSteps"));
    m_stepsCheck->setChecked(true);
    m_stepsCheck->setToolTip(tr("Show the engine's steps between the messages"));
    m_maskCheck->setObjectName(QStringLiteral("logMaskCheck"));
    m_maskCheck->setChecked(true);
    m_maskCheck->setToolTip(tr("Hide digest responses and nonces when copying, saving or exporting"));

    m_pauseButton = toolButton(this, QStringLiteral("logPauseButton"), QStringLiteral("pause"), tr("Pause"),
                               tr("Pause the live log; new entries wait until you resume"));
    m_pauseButton->setCheckable(true);
    m_unfoldButton = toolButton(this, QStringLiteral("logUnfoldButton"), QStringLiteral("fold"), tr("Unfold messages"),
                                tr("Unfold every shown message to its full text"));
    m_unfoldButton->setCheckable(true);
    auto *copyButton = toolButton(this, QStringLiteral("logCopyButton"), QStringLiteral("copy"), tr("Copy"),
                                  tr("Copy the selected entries (Ctrl+C)"));
    auto *saveButton = toolButton(this, QStringLiteral("logSaveButton"), QStringLiteral("save"), tr("Save…"),
                                  tr("Save the shown entries as text or pcapng"));
    auto *clearButton = toolButton(this, QStringLiteral("logClearButton"), QStringLiteral("clear"), tr("Clear"),
                                   tr("Clear the log view"));

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setAccessibleName(tr("SIP log"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setIndentation(14);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics metrics(font());
    header->resizeSection(LogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 34);
    header->resizeSection(LogModel::LineColumn, metrics.horizontalAdvance(QStringLiteral("1001@pbx.example")) + 8);
    header->resizeSection(LogModel::DirectionColumn, metrics.horizontalAdvance(QStringLiteral("→")) + 14);
    header->resizeSection(LogModel::PeerColumn,
                          metrics.horizontalAdvance(QStringLiteral("UDP 192.168.100.100:5060")) + 8);

    auto *copyAction = new QAction(Theme::icon(QStringLiteral("copy")), tr("Copy"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &LogPane::copySelection);
    auto *selectAllAction = new QAction(tr("Select all"), m_view);
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    selectAllAction->setShortcutContext(Qt::WidgetShortcut);
    connect(selectAllAction, &QAction::triggered, m_view, &QTreeView::selectAll);
    m_view->addActions({copyAction, selectAllAction});

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("logStatusLabel"));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(6);
    bar->addWidget(m_lineFilter);
    bar->addWidget(m_methodFilter);
    bar->addWidget(m_textFilter, 1);
    bar->addWidget(m_stepsCheck);
    bar->addSpacing(8);
    bar->addWidget(m_pauseButton);
    bar->addWidget(m_unfoldButton);
    bar->addWidget(copyButton);
    bar->addWidget(saveButton);
    bar->addWidget(clearButton);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(0, 0, 0, 0);
    footer->addWidget(m_statusLabel, 1);
    footer->addWidget(m_maskCheck);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(footer);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(180);
    connect(m_filterTimer, &QTimer::timeout, this, &LogPane::applyFilter);
    connect(m_feedTimer, &QTimer::timeout, this, &LogPane::feedModel);
    connect(m_textFilter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_textFilter, &QLineEdit::returnPressed, this, &LogPane::applyFilter);
    connect(m_lineFilter, &QComboBox::currentIndexChanged, this, &LogPane::applyFilter);
    connect(m_methodFilter, &QComboBox::currentTextChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_stepsCheck, &QCheckBox::toggled, this, &LogPane::applyFilter);
    connect(m_maskCheck, &QCheckBox::toggled, this, &LogPane::maskCredentialsChanged);
    connect(m_pauseButton, &QToolButton::toggled, this, [this](bool paused) {
        m_pauseButton->setIcon(Theme::icon(paused ? QStringLiteral("play") : QStringLiteral("pause")));
        m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
        m_model->setPaused(paused);
        if (!paused)
            followIfNeeded();
    });
    connect(m_unfoldButton, &QToolButton::toggled, this, [this](bool unfold) {
        m_unfoldButton->setIcon(Theme::icon(unfold ? QStringLiteral("unfold") : QStringLiteral("fold")));
        m_unfoldButton->setText(unfold ? tr("Fold messages") : tr("Unfold messages"));
        if (unfold)
            m_view->expandAll();
        else
            m_view->collapseAll();
    });
    connect(copyButton, &QToolButton::clicked, this, &LogPane::copySelection);
    connect(saveButton, &QToolButton::clicked, this, &LogPane::saveAs);
    connect(clearButton, &QToolButton::clicked, this, &LogPane::clear);
    connect(m_model, &LogModel::countsChanged, this, &LogPane::updateStatus);
    connect(m_model, &LogModel::rowsAboutToBeInserted, this, &LogPane::rememberScrollPosition);
    connect(m_model, &LogModel::rowsInserted, this, [this](const QModelIndex &parentIndex, int first, int last) {
        if (!parentIndex.isValid() && m_unfoldButton->isChecked()) {
            for (int row = first; row <= last; ++row)
                m_view->expand(m_model->index(row, 0));
        }
        followIfNeeded();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        // Scrolling up pauses the following; back at the bottom resumes it.
        m_follow = value >= m_view->verticalScrollBar()->maximum() - 1;
    });
    auto *findShortcut = new QShortcut(QKeySequence::Find, this, this, &LogPane::focusFilter);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    updateStatus();
}

void LogPane::setLines(const QList<QPair<QString, QString>> &lines)
{
    const QString current = m_lineFilter->currentData().toString();
    QSignalBlocker blocker(m_lineFilter);
    m_lineFilter->clear();
    m_lineFilter->addItem(tr("All lines"), QString());
    QHash<QString, QString> names;
    for (const auto &[id, name] : lines) {
        m_lineFilter->addItem(Theme::icon(QStringLiteral("call")), name, id);
        names.insert(id, name);
    }
    m_lineFilter->setCurrentIndex(std::max(0, m_lineFilter->findData(current)));
    m_model->setLineNames(names);
    if (m_lineFilter->currentData().toString() != current)
        applyFilter();
}

bool LogPane::maskCredentials() const
{
    return m_maskCheck->isChecked();
}

void LogPane::setMaskCredentials(bool mask)
{
    m_maskCheck->setChecked(mask);
}

void LogPane::appendEntries(const QList<Sip::LogEntry> &entries)
{
    // A flood arrives in big batches; feeding them to the model in time-boxed slices lets painting,
    // input and timers run in between, so the window never freezes for a whole batch.
    if (m_incoming.isEmpty() && entries.size() <= kFeedSlice) {
        m_model->append(entries);
        return;
    }
    m_incoming.append(entries);
    if (m_incoming.size() > m_model->maxEntries())
        m_incoming.remove(0, m_incoming.size() - m_model->maxEntries());
    if (!m_feedTimer->isActive())
        m_feedTimer->start(0);
}

void LogPane::feedModel()
{
    QElapsedTimer budget;
    budget.start();
    while (!m_incoming.isEmpty() && budget.elapsed() < kFeedBudgetMs) {
        const qsizetype count = std::min<qsizetype>(kFeedSlice, m_incoming.size());
        m_model->append(m_incoming.first(count));
        m_incoming.remove(0, count);
    }
    if (m_incoming.isEmpty())
        m_feedTimer->stop();
}

void LogPane::rememberScrollPosition()
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    m_follow = bar->value() >= bar->maximum() - 1;
}

void LogPane::followIfNeeded()
{
    if (m_follow && !m_model->isPaused())
        m_view->scrollToBottom();
}

void LogPane::applyFilter()
{
    m_filterTimer->stop();
    LogFilter filter;
    filter.lineId = m_lineFilter->currentData().toString();
    const int methodIndex = m_methodFilter->findText(m_methodFilter->currentText());
    filter.methodOrStatus =
        methodIndex >= 0 ? m_methodFilter->itemData(methodIndex).toString() : m_methodFilter->currentText();
    filter.text = m_textFilter->text();
    filter.showSteps = m_stepsCheck->isChecked();
    m_model->setFilter(filter);
    if (m_unfoldButton->isChecked())
        m_view->expandAll();
    m_follow = true;
    followIfNeeded();
}

void LogPane::updateStatus()
{
    const QLocale locale;
    QString text = tr("%1 entries").arg(locale.toString(m_model->totalCount()));
    const qsizetype hidden = m_model->totalCount() - m_model->visibleCount();
    if (hidden > 0)
        text += tr(", %1 hidden by the filter").arg(locale.toString(hidden));
    if (m_model->isPaused())
        text += tr(" · paused, %1 new waiting").arg(locale.toString(m_model->pendingCount()));
    m_statusLabel->setText(text);
}

QString LogPane::selectionText() const
{
    const QList<Sip::LogEntry> entries = m_model->entriesFor(m_view->selectionModel()->selectedRows());
    QStringList parts;
    for (const Sip::LogEntry &entry : entries)
        parts.append(LogExport::entryText(entry, maskCredentials()));
    return parts.join(u'\n');
}

void LogPane::copySelection()
{
    const QString text = selectionText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogPane::saveAs()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(directory).filePath(QStringLiteral("offhook-log-%1.txt")
                                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString selectedFilter;
    const QString textFilter = tr("Text log (*.txt *.log)");
    const QString pcapFilter = tr("Packet capture for Wireshark or sngrep (*.pcapng)");
    QString path = QFileDialog::getSaveFileName(this, tr("Offhook — Save SIP log"), suggested,
                                                textFilter + QStringLiteral(";;") + pcapFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    if (selectedFilter == pcapFilter && !path.endsWith(QStringLiteral(".pcapng"), Qt::CaseInsensitive))
        path = QFileInfo(path).path() + u'/' + QFileInfo(path).completeBaseName() + QStringLiteral(".pcapng");
    saveVisibleTo(path);
}

bool LogPane::saveVisibleTo(const QString &path)
{
    QString error;
    if (LogExport::saveToFile(path, m_model->visibleEntries(), maskCredentials(), &error))
        return true;
    QMessageBox::warning(this, tr("Offhook — Log not saved"),
                         tr("The log could not be saved to %1:\n%2").arg(QDir::toNativeSeparators(path), error));
    return false;
}

void LogPane::clear()
{
    m_incoming.clear();
    m_feedTimer->stop();
    m_model->clear();
    m_follow = true;
}

void LogPane::focusFilter()
{
    m_textFilter->setFocus(Qt::ShortcutFocusReason);
    m_textFilter->selectAll();
}

} // namespace Gui
