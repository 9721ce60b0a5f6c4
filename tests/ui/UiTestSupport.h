// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"
#include "tests/support/LogTraffic.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>
#include <QWidget>
#include <functional>

/// Small helpers shared by the GUI tests: synthetic log traffic (from LogTraffic) and a way through modal
/// dialogs.
namespace UiTest {

/// Runs action once a modal widget is active (QMessageBox, QDialog::exec), polling up to timeoutMs.
inline void whenModal(std::function<void(QWidget *modal)> action, int timeoutMs = 5000)
{
    auto *timer = new QTimer;
    auto elapsed = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, action = std::move(action), elapsed, timeoutMs] {
        *elapsed += 20;
        QWidget *modal = QApplication::activeModalWidget();
        if (modal || *elapsed > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            if (modal)
                action(modal);
        }
    });
    timer->start(20);
}

using LogTraffic::message;
using LogTraffic::registerRequest;
using LogTraffic::registerResponse;
using LogTraffic::registration;
using LogTraffic::step;

} // namespace UiTest
