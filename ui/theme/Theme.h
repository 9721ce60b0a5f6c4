// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace Gui {

/// Where a line stands, as its state light shows it.
enum class LineLight
{
    Invalid = 0,
    Registered,
    Registering,
    Failed,
    Disabled,
    Idle
};

/// Colours and icons that follow the system palette (light or dark). GUI thread.
namespace Theme {
/// True when the current palette has a dark window background.
bool isDark();
/// Text colour of a log entry by direction; dim for the header lines of an unfolded message.
QColor logColor(Sip::LogEntry::Kind kind, bool dim = false);
QColor lightColor(LineLight light);
/// An icon from resources/icons/NAME.svg drawn at any size; "currentColor" takes the palette's text
/// colour at paint time, so icons stay readable in dark mode and sharp on high-DPI screens.
QIcon icon(const QString &name);
/// A round state light.
QIcon lightIcon(LineLight light);
/// The application icon, optionally with a state dot (tray).
QIcon appIcon(LineLight badge = LineLight::Invalid);
/// WCAG 2 contrast ratio (1 to 21) of foreground drawn over background, foreground alpha blended in.
double contrastRatio(const QColor &foreground, const QColor &background);
/// The palette with PlaceholderText (hints, "N entries", empty-panel texts) replaced by a mix of Text and
/// Base in the active and inactive groups where the theme's own is too faint to read (below 4.5:1 over
/// Base or Window): some themes keep the light-mode grey under a dark palette.
QPalette withReadablePlaceholder(QPalette palette);
/// Applies withReadablePlaceholder to the application palette now and after every palette change
/// (a light/dark switch while running).
void keepPlaceholderReadable();
} // namespace Theme

} // namespace Gui
