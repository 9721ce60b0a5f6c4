// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "app/core/RegistrationTrace.h"

#include <QWidget>

class QVBoxLayout;

namespace Gui {

/// Shows a registration attempt as a vertical list of steps with a mark each (done, failed, timed out,
/// waiting) and the time since the first step; the failing step is highlighted. GUI thread.
class StepTrackerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StepTrackerWidget(QWidget *parent = nullptr);

    void setSteps(const QList<TraceStep> &steps);
    const QList<TraceStep> &steps() const { return m_steps; }

private:
    QList<TraceStep> m_steps;
    QVBoxLayout *m_layout;
};

} // namespace Gui
