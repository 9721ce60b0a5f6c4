// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QStyledItemDelegate>

namespace Gui {

/// Paints a line of the lines list: enabled switch, state light, address in bold, state text and, for
/// failures, the diagnosis wrapped below. One click on the switch (or Space) enables or disables the
/// line. GUI thread.
class LineItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    /// Where the enabled switch is drawn inside an item rectangle.
    static QRect checkRect(const QStyleOptionViewItem &option);

private:
    static constexpr int Margin = 10;
};

} // namespace Gui
