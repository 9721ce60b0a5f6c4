// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/StartupDialogs.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

namespace App::StartupDialogs {

namespace {

/// After the window is up: a modal box before exec() would show over nothing.
void warnLater(QWidget *window, const QString &title, const QString &problem)
{
    if (problem.isEmpty())
        return;
    QTimer::singleShot(0, window, [window, title, problem] { QMessageBox::warning(window, title, problem); });
}

} // namespace

bool askPlainTextConsent(QWidget *parent, const QString &reason)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Offhook — No keychain"),
                    QObject::tr("No working keychain was found to store your password."), QMessageBox::NoButton,
                    parent);
    box.setInformativeText(reason + QStringLiteral("\n\n") +
                           QObject::tr("Offhook can keep passwords in a separate file readable only by you, in "
                                       "clear text. Otherwise they are kept in memory and asked again after a "
                                       "restart."));
    QPushButton *store = box.addButton(QObject::tr("Store in clear text"), QMessageBox::AcceptRole);
    box.addButton(QObject::tr("Keep for this session only"), QMessageBox::RejectRole);
    box.exec();
    return box.clickedButton() == store;
}

void reportEngineFailed()
{
    QMessageBox::critical(nullptr, QObject::tr("Offhook — Engine failed"),
                          QObject::tr("The SIP engine could not start. Lines cannot register."));
}

void warnSettingsProblem(QWidget *window, const QString &problem)
{
    warnLater(window, QObject::tr("Offhook — Settings"), problem);
}

void warnHistoryProblem(QWidget *window, const QString &problem)
{
    warnLater(window, QObject::tr("Offhook — Call history"), problem);
}

} // namespace App::StartupDialogs
