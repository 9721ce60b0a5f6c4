// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/theme/Theme.h"

#include "ui/theme/SvgIconEngine.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QPalette>
#include <cmath>

namespace Gui::Theme {

namespace {
constexpr double ReadableContrast = 4.5;

double luminance(const QColor &color)
{
    auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

QColor mixed(const QColor &a, const QColor &b, double weightOfA)
{
    const double w = weightOfA;
    return QColor::fromRgbF(float(w * a.redF() + (1 - w) * b.redF()), float(w * a.greenF() + (1 - w) * b.greenF()),
                            float(w * a.blueF() + (1 - w) * b.blueF()));
}

/// Re-applies withReadablePlaceholder when the application palette changes.
class PlaceholderGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange)
            apply();
        return QObject::eventFilter(watched, event);
    }

public:
    static void apply()
    {
        const QPalette current = QGuiApplication::palette();
        const QPalette readable = withReadablePlaceholder(current);
        // Only when something changes: setPalette sends ApplicationPaletteChange again.
        if (readable != current)
            QGuiApplication::setPalette(readable);
    }
};
} // namespace

double contrastRatio(const QColor &foreground, const QColor &background)
{
    const QColor shown = mixed(foreground, background, foreground.alphaF());
    const double a = luminance(shown) + 0.05;
    const double b = luminance(background) + 0.05;
    return a > b ? a / b : b / a;
}

QPalette withReadablePlaceholder(QPalette palette)
{
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor placeholder = palette.color(group, QPalette::PlaceholderText);
        const QColor base = palette.color(group, QPalette::Base);
        const QColor window = palette.color(group, QPalette::Window);
        if (contrastRatio(placeholder, base) >= ReadableContrast &&
            contrastRatio(placeholder, window) >= ReadableContrast)
            continue;
        palette.setColor(group, QPalette::PlaceholderText, mixed(palette.color(group, QPalette::Text), base, 0.6));
    }
    return palette;
}

void keepPlaceholderReadable()
{
    QCoreApplication *application = QCoreApplication::instance();
    const QString name = QStringLiteral("offhookPlaceholderGuard");
    if (!application || application->findChild<QObject *>(name, Qt::FindDirectChildrenOnly))
        return;
    auto *guard = new PlaceholderGuard(application);
    guard->setObjectName(name);
    application->installEventFilter(guard);
    PlaceholderGuard::apply();
}

bool isDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor logColor(Sip::LogEntry::Kind kind, bool dim)
{
    const bool dark = isDark();
    QColor color;
    switch (kind) {
    case Sip::LogEntry::Kind::Sent:
        color = dark ? QColor(0x82, 0xb1, 0xff) : QColor(0x15, 0x57, 0xb0);
        break;
    case Sip::LogEntry::Kind::Received:
        color = dark ? QColor(0x8b, 0xd9, 0x8f) : QColor(0x1b, 0x6e, 0x2a);
        break;
    case Sip::LogEntry::Kind::Error:
        color = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
        break;
    default: {
        // Engine steps: between text and background. Derived from both rather than taken from
        // PlaceholderText, which some desktop themes leave at its light-mode default.
        const QPalette palette = QGuiApplication::palette();
        const QColor text = palette.color(QPalette::Text);
        const QColor base = palette.color(QPalette::Base);
        color = QColor::fromRgbF(0.6f * text.redF() + 0.4f * base.redF(), 0.6f * text.greenF() + 0.4f * base.greenF(),
                                 0.6f * text.blueF() + 0.4f * base.blueF());
        break;
    }
    }
    if (dim) {
        const QColor text = QGuiApplication::palette().color(QPalette::Text);
        color = QColor::fromRgbF(0.6f * color.redF() + 0.4f * text.redF(), 0.6f * color.greenF() + 0.4f * text.greenF(),
                                 0.6f * color.blueF() + 0.4f * text.blueF());
    }
    return color;
}

QColor lightColor(LineLight light)
{
    switch (light) {
    case LineLight::Registered:
        return QColor(0x2e, 0xa0, 0x43);
    case LineLight::Registering:
        return QColor(0xe0, 0x9b, 0x0e);
    case LineLight::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case LineLight::Idle:
        return QColor(0x5b, 0x8d, 0xd6);
    default:
        return QColor(0x9e, 0x9e, 0x9e);
    }
}

QIcon icon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(file.readAll()));
}

QIcon lightIcon(LineLight light)
{
    const QByteArray svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>"
                           "<circle cx='8' cy='8' r='6.2' fill='currentColor' stroke='#00000033' stroke-width='1'/>"
                           "<circle cx='6.3' cy='6.1' r='2' fill='#ffffff55'/></svg>";
    return QIcon(new SvgIconEngine(svg, lightColor(light)));
}

QIcon appIcon(LineLight badge)
{
    QFile file(QStringLiteral(":/icons/offhook.svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    if (badge != LineLight::Invalid) {
        const QByteArray dot = "<circle cx='50' cy='50' r='13' fill='" + lightColor(badge).name().toLatin1() +
                               "' stroke='#ffffff' stroke-width='3'/></svg>";
        svg.replace("</svg>", dot);
    }
    return QIcon(new SvgIconEngine(svg, QColor(Qt::black)));
}

} // namespace Gui::Theme
