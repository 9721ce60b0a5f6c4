// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/troubleshoot/LadderView.h"

#include "ui/theme/Theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace Gui {

LadderView::LadderView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ladderView"));
    setAccessibleName(tr("Ladder diagram"));
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void LadderView::setDiagram(const LadderDiagram &diagram)
{
    m_diagram = diagram;
    if (m_selected >= m_diagram.arrows.size())
        m_selected = -1;
    updateGeometry();
    update();
}

void LadderView::selectArrow(int index)
{
    if (index < 0 || index >= m_diagram.arrows.size())
        return;
    m_selected = index;
    update();
    Q_EMIT messageSelected(m_diagram.arrows[index].sequence);
}

QSize LadderView::sizeHint() const
{
    const int lanes = std::max<int>(2, int(m_diagram.lanes.size()));
    return QSize(TimeWidth + lanes * 220,
                 HeaderHeight + std::max<int>(1, int(m_diagram.arrows.size())) * RowHeight + 16);
}

QSize LadderView::minimumSizeHint() const
{
    return QSize(TimeWidth + 2 * 150, HeaderHeight + RowHeight);
}

int LadderView::laneX(int lane) const
{
    const int lanes = std::max<int>(2, int(m_diagram.lanes.size()));
    const int usable = width() - TimeWidth - 20;
    return TimeWidth + 10 + usable * (2 * lane + 1) / (2 * lanes);
}

int LadderView::arrowY(int index) const
{
    return HeaderHeight + index * RowHeight + RowHeight * 2 / 3;
}

QPoint LadderView::arrowCenter(int index) const
{
    if (index < 0 || index >= m_diagram.arrows.size())
        return {};
    const LadderDiagram::Arrow &arrow = m_diagram.arrows[index];
    return QPoint((laneX(arrow.from) + laneX(arrow.to)) / 2, arrowY(index));
}

int LadderView::arrowAt(const QPoint &point) const
{
    const int index = (point.y() - HeaderHeight) / RowHeight;
    if (point.y() < HeaderHeight || index < 0 || index >= m_diagram.arrows.size())
        return -1;
    return index;
}

void LadderView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.55f);

    if (m_diagram.arrows.isEmpty()) {
        painter.setPen(muted);
        painter.drawText(rect(), Qt::AlignCenter, tr("No messages for this line in the log yet."));
        return;
    }

    // Lanes with their names.
    QFont bold = font();
    bold.setBold(true);
    const int bottom = HeaderHeight + int(m_diagram.arrows.size()) * RowHeight + 8;
    for (int lane = 0; lane < m_diagram.lanes.size(); ++lane) {
        const int x = laneX(lane);
        const QString name = m_diagram.lanes[lane];
        const QFontMetrics metrics(bold);
        const int boxWidth = metrics.horizontalAdvance(name) + 20;
        const QRect box(x - boxWidth / 2, 6, boxWidth, 26);
        painter.setPen(Qt::NoPen);
        painter.setBrush(lane == 0 ? pal.color(QPalette::Highlight) : pal.color(QPalette::Button));
        painter.drawRoundedRect(box, 6, 6);
        painter.setFont(bold);
        painter.setPen(lane == 0 ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::ButtonText));
        painter.drawText(box, Qt::AlignCenter, name);
        painter.setPen(QPen(muted, 1, Qt::DashLine));
        painter.drawLine(x, box.bottom() + 2, x, bottom);
    }

    painter.setFont(font());
    const QFontMetrics metrics(font());
    for (int i = 0; i < m_diagram.arrows.size(); ++i) {
        const LadderDiagram::Arrow &arrow = m_diagram.arrows[i];
        const int y = arrowY(i);
        if (i == m_selected) {
            QColor highlight = pal.color(QPalette::Highlight);
            highlight.setAlpha(50);
            painter.fillRect(QRect(0, HeaderHeight + i * RowHeight, width(), RowHeight), highlight);
        }
        painter.setPen(muted);
        painter.drawText(QRect(4, y - metrics.height(), TimeWidth, metrics.height() + 4),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("+%1").arg(arrow.offsetMs / 1000.0, 0, 'f', 3));

        const QColor color = Theme::logColor(arrow.kind);
        const int x1 = laneX(arrow.from);
        const int x2 = laneX(arrow.to);
        painter.setPen(QPen(color, i == m_selected ? 2.4 : 1.6));
        painter.drawLine(x1, y, x2, y);
        const int direction = x2 > x1 ? 1 : -1;
        QPainterPath head;
        head.moveTo(x2, y);
        head.lineTo(x2 - direction * 9, y - 5);
        head.lineTo(x2 - direction * 9, y + 5);
        head.closeSubpath();
        painter.fillPath(head, color);

        const QRect labelRect(std::min(x1, x2) + 6, y - metrics.height() - 3, std::abs(x2 - x1) - 12, metrics.height());
        QFont labelFont = font();
        labelFont.setBold(i == m_selected);
        painter.setFont(labelFont);
        painter.setPen(color);
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignBottom,
                         metrics.elidedText(arrow.label, Qt::ElideRight, labelRect.width()));
        painter.setFont(font());
        painter.setPen(muted);
        painter.drawText(QRect(labelRect.left(), y + 2, labelRect.width(), metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop,
                         metrics.elidedText(arrow.detail, Qt::ElideRight, labelRect.width()));
    }
    if (hasFocus() && m_selected >= 0) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(1, HeaderHeight + m_selected * RowHeight, width() - 3, RowHeight - 1));
    }
}

void LadderView::mousePressEvent(QMouseEvent *event)
{
    const int index = arrowAt(event->position().toPoint());
    if (index >= 0)
        selectArrow(index);
    QWidget::mousePressEvent(event);
}

void LadderView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Down || event->key() == Qt::Key_J) {
        selectArrow(std::min(int(m_diagram.arrows.size()) - 1, m_selected + 1));
    } else if (event->key() == Qt::Key_Up || event->key() == Qt::Key_K) {
        selectArrow(std::max(0, m_selected - 1));
    } else {
        QWidget::keyPressEvent(event);
    }
}

} // namespace Gui
