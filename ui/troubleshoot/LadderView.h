// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/LadderDiagram.h"

#include <QWidget>

namespace Gui {

/// Draws a LadderDiagram: a lane per participant, an arrow per message with its label and time offset.
/// Click an arrow (or use the arrow keys) to select it; messageSelected tells which log entry. Put it in
/// a QScrollArea for long exchanges. GUI thread.
class LadderView : public QWidget
{
    Q_OBJECT
public:
    explicit LadderView(QWidget *parent = nullptr);

    void setDiagram(const LadderDiagram &diagram);
    const LadderDiagram &diagram() const { return m_diagram; }
    int selectedArrow() const { return m_selected; }
    void selectArrow(int index);
    /// Centre of an arrow in widget coordinates (for tests and accessibility).
    QPoint arrowCenter(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void messageSelected(quint64 sequence);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int laneX(int lane) const;
    int arrowY(int index) const;
    int arrowAt(const QPoint &point) const;

    LadderDiagram m_diagram;
    int m_selected = -1;
    static constexpr int HeaderHeight = 44;
    static constexpr int RowHeight = 38;
    static constexpr int TimeWidth = 70;
};

} // namespace Gui
