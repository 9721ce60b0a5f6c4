// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QByteArray>
#include <QColor>
#include <QIconEngine>

namespace Gui {

/// Draws an SVG at whatever size and device pixel ratio is asked, replacing "currentColor" with the
/// palette's text colour (or a fixed colour) when painting. GUI thread.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(QByteArray svg, QColor fixedColor = {});

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("offhook-svg"); }

private:
    QByteArray m_svg;
    QColor m_fixedColor;
};

} // namespace Gui
