// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/troubleshoot/StepTrackerWidget.h"

#include "ui/theme/Theme.h"

#include <QCommandLinkButton>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Gui {

namespace {
QString markFor(TraceStep::Status status)
{
    switch (status) {
    case TraceStep::Status::Done:
        return QStringLiteral("✔");
    case TraceStep::Status::Failed:
        return QStringLiteral("✖");
    case TraceStep::Status::TimedOut:
        return QStringLiteral("⏱");
    default:
        return QStringLiteral("…");
    }
}
LineLight lightFor(TraceStep::Status status)
{
    switch (status) {
    case TraceStep::Status::Done:
        return LineLight::Registered;
    case TraceStep::Status::Failed:
        return LineLight::Failed;
    case TraceStep::Status::TimedOut:
        return LineLight::Registering;
    default:
        return LineLight::Disabled;
    }
}
} // namespace

StepTrackerWidget::StepTrackerWidget(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("stepTracker"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    setSteps({});
}

void StepTrackerWidget::setSteps(const QList<TraceStep> &steps)
{
    m_steps = steps;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (steps.isEmpty()) {
        auto *empty = new QLabel(tr("No registration attempt in the log yet."), this);
        empty->setForegroundRole(QPalette::PlaceholderText);
        m_layout->addWidget(empty);
        return;
    }
    const QDateTime first = steps.first().timestamp;
    for (int i = 0; i < steps.size(); ++i) {
        const TraceStep &step = steps[i];
        auto *row = new QFrame(this);
        row->setObjectName(QStringLiteral("traceStep%1").arg(i));
        row->setProperty("status", int(step.status));
        const bool bad = step.status == TraceStep::Status::Failed || step.status == TraceStep::Status::TimedOut;
        if (bad) {
            QColor tint = Theme::lightColor(lightFor(step.status));
            tint.setAlpha(Theme::isDark() ? 70 : 38);
            row->setAutoFillBackground(true);
            QPalette palette = row->palette();
            palette.setColor(QPalette::Window, tint);
            row->setPalette(palette);
            row->setFrameShape(QFrame::StyledPanel);
        }
        auto *mark = new QLabel(markFor(step.status), row);
        QFont markFont = mark->font();
        markFont.setPointSizeF(markFont.pointSizeF() * 1.25);
        markFont.setBold(true);
        mark->setFont(markFont);
        mark->setFixedWidth(26);
        mark->setAlignment(Qt::AlignCenter);
        QPalette markPalette = mark->palette();
        markPalette.setColor(QPalette::WindowText, Theme::lightColor(lightFor(step.status)));
        mark->setPalette(markPalette);

        auto *title = new QLabel(step.title, row);
        QFont titleFont = title->font();
        titleFont.setBold(true);
        title->setFont(titleFont);
        auto *detail = new QLabel(step.detail, row);
        detail->setWordWrap(true);
        detail->setForegroundRole(QPalette::PlaceholderText);
        detail->setVisible(!step.detail.isEmpty());
        auto *offset = new QLabel(row);
        if (first.isValid() && step.timestamp.isValid())
            offset->setText(QStringLiteral("+%1 s").arg(first.msecsTo(step.timestamp) / 1000.0, 0, 'f', 3));
        offset->setForegroundRole(QPalette::PlaceholderText);
        offset->setAlignment(Qt::AlignRight | Qt::AlignTop);

        auto *texts = new QVBoxLayout;
        texts->setSpacing(0);
        texts->addWidget(title);
        texts->addWidget(detail);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(6, 4, 8, 4);
        rowLayout->addWidget(mark, 0, Qt::AlignTop);
        rowLayout->addLayout(texts, 1);
        rowLayout->addWidget(offset, 0, Qt::AlignTop);
        row->setAccessibleName(step.title + QStringLiteral(": ") + step.detail);
        m_layout->addWidget(row);

        if (i + 1 < steps.size()) {
            auto *arrow = new QLabel(QStringLiteral("↓"), this);
            arrow->setIndent(10);
            arrow->setForegroundRole(QPalette::PlaceholderText);
            m_layout->addWidget(arrow);
        }
    }
}

} // namespace Gui
