// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/theme/SvgIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace Gui {

SvgIconEngine::SvgIconEngine(QByteArray svg, QColor fixedColor) : m_svg(std::move(svg)), m_fixedColor(fixedColor) {}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const QPalette palette = QGuiApplication::palette();
    QColor color = m_fixedColor.isValid() ? m_fixedColor : palette.color(QPalette::WindowText);
    if (mode == QIcon::Disabled)
        color = palette.color(QPalette::Disabled, QPalette::WindowText);
    else if (mode == QIcon::Selected && !m_fixedColor.isValid())
        color = palette.color(QPalette::HighlightedText);
    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name().toLatin1());
    QSvgRenderer renderer(svg);
    if (mode == QIcon::Disabled && m_fixedColor.isValid())
        painter->setOpacity(0.4);
    renderer.render(painter, QRectF(rect));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    QPixmap pixmap(size * scale);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(0, 0), pixmap.size()), mode, state);
    }
    pixmap.setDevicePixelRatio(scale);
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg, m_fixedColor);
}

} // namespace Gui
