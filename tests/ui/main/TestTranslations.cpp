// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/main/MainWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QLabel>
#include <QMenuBar>
#include <QTest>
#include <QTranslator>

/// The compiled catalogues are in the app and are used: the German one, loaded the way main() does,
/// turns the main window's menus German.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanMainWindow();
};

void TestTranslations::germanMainWindow()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("offhook"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    Gui::MainWindow window(nullptr);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Offhook")));
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(u' ')));
    QVERIFY(menus.contains(QStringLiteral("&Leitung")));
    auto *newLine = window.findChild<QAction *>(QStringLiteral("newLineAction"));
    QVERIFY(newLine);
    QCOMPARE(newLine->text(), QStringLiteral("&Neue Leitung…"));
    // Plural forms come from the catalogue too.
    QCOMPARE(Gui::MainWindow::tr(" · %n failing", nullptr, 2), QStringLiteral(" · 2 mit Fehlern"));
    QCOMPARE(Gui::MainWindow::tr(" · %n failing", nullptr, 1), QStringLiteral(" · 1 mit Fehler"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
