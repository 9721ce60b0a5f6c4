// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/lines/LineItemDelegate.h"

#include "ui/lines/LineListModel.h"
#include "ui/theme/Theme.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>

namespace Gui {

namespace {
QFont boldFont(QFont font)
{
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.05);
    return font;
}
QFont smallFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.92);
    return font;
}
int textLeft(const QStyleOptionViewItem &option)
{
    return LineItemDelegate::checkRect(option).right() + 12 + 14 + 8;
}
/// Height of text wrapped at width, capped at maxLines.
int wrappedHeight(const QString &text, const QFont &font, int width, int maxLines)
{
    if (text.isEmpty() || width <= 0)
        return 0;
    const QFontMetrics metrics(font);
    const QRect bounds = metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text);
    return std::min(bounds.height(), metrics.lineSpacing() * maxLines);
}
} // namespace

QRect LineItemDelegate::checkRect(const QStyleOptionViewItem &option)
{
    QStyleOptionButton button;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const QRect indicator = style->subElementRect(QStyle::SE_CheckBoxIndicator, &button, option.widget);
    const int top = option.rect.top() + Margin + 1;
    return QRect(option.rect.left() + Margin, top, indicator.width(), indicator.height());
}

void LineItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    const QColor textColor = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = textColor;
    secondary.setAlphaF(0.72f);

    QStyleOptionButton check;
    check.rect = checkRect(option);
    check.state = QStyle::State_Enabled |
                  (index.data(Qt::CheckStateRole).toInt() == Qt::Checked ? QStyle::State_On : QStyle::State_Off);
    style->drawPrimitive(QStyle::PE_IndicatorCheckBox, &check, painter, widget);

    const auto light = LineLight(index.data(LineListModel::LightRole).toInt());
    const QRect lightRect(check.rect.right() + 12, check.rect.center().y() - 7, 14, 14);
    Theme::lightIcon(light).paint(painter, lightRect);

    const int left = textLeft(option);
    const int width = option.rect.right() - Margin - left;
    const QFont bold = boldFont(option.font);
    const QFont small = smallFont(option.font);
    int y = option.rect.top() + Margin - 2;

    painter->setFont(bold);
    painter->setPen(textColor);
    const QFontMetrics boldMetrics(bold);
    painter->drawText(
        QRect(left, y, width, boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(index.data(LineListModel::AddressRole).toString(), Qt::ElideMiddle, width));
    y += boldMetrics.height() + 1;

    painter->setFont(option.font);
    const QColor stateColor = (light == LineLight::Failed && !selected) ? Theme::lightColor(light) : secondary;
    painter->setPen(stateColor);
    const QFontMetrics metrics(option.font);
    painter->drawText(QRect(left, y, width, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(LineListModel::StateTextRole).toString(), Qt::ElideRight, width));
    y += metrics.height() + 2;

    const QString diagnosis = index.data(LineListModel::DiagnosisRole).toString();
    if (!diagnosis.isEmpty()) {
        painter->setFont(small);
        painter->setPen(secondary);
        const int height = wrappedHeight(diagnosis, small, width, 3);
        painter->drawText(QRect(left, y, width, height), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, diagnosis);
    }
    painter->restore();
}

QSize LineItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = std::max(200, option.rect.width() > 0 ? option.rect.width() : 320);
    QStyleOptionViewItem opt = option;
    opt.rect.setWidth(width);
    const int textWidth = width - Margin - textLeft(opt) + option.rect.left();
    int height =
        Margin - 2 + QFontMetrics(boldFont(option.font)).height() + 1 + QFontMetrics(option.font).height() + Margin;
    const QString diagnosis = index.data(LineListModel::DiagnosisRole).toString();
    if (!diagnosis.isEmpty())
        height += 2 + wrappedHeight(diagnosis, smallFont(option.font), textWidth, 3);
    return QSize(width, height);
}

bool LineItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    const auto toggle = [&] {
        const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    };
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton &&
            checkRect(option).adjusted(-4, -4, 4, 4).contains(mouse->position().toPoint())) {
            toggle();
            return true;
        }
    } else if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (checkRect(option).adjusted(-4, -4, 4, 4).contains(mouse->position().toPoint()))
            return true; // the release toggles; don't let a double-click open the editor
    } else if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space || key->key() == Qt::Key_Select) {
            toggle();
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Gui
