// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/theme/Theme.h"

#include "ui/log/LogPane.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

/// Texts drawn in the placeholder colour (filter hint, "N entries", empty panels) stay readable under
/// light and dark palettes, also when a theme keeps its light-mode placeholder grey under a dark palette.
class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void faintPlaceholderIsMadeReadable_data();
    void faintPlaceholderIsMadeReadable();
    void readablePlaceholderIsKept();
    void logPaneTextsFollowASwitchToDark();

private:
    static QPalette palette(const QColor &window, const QColor &base, const QColor &text, const QColor &placeholder)
    {
        QPalette result;
        result.setColor(QPalette::Window, window);
        result.setColor(QPalette::Base, base);
        result.setColor(QPalette::Text, text);
        result.setColor(QPalette::WindowText, text);
        result.setColor(QPalette::PlaceholderText, placeholder);
        return result;
    }
    static QPalette darkWithLightPlaceholder()
    {
        // Dark colours, but the light-mode placeholder (black at half alpha), as some themes leave it.
        return palette(QColor(0x2b, 0x2b, 0x2b), QColor(0x1e, 0x1e, 0x1e), QColor(0xee, 0xee, 0xee),
                       QColor(0, 0, 0, 128));
    }

    const QPalette m_original = QApplication::palette();
};

void TestTheme::cleanup()
{
    QApplication::setPalette(m_original);
}

void TestTheme::faintPlaceholderIsMadeReadable_data()
{
    QTest::addColumn<QPalette>("input");
    QTest::newRow("dark, light-mode placeholder") << darkWithLightPlaceholder();
    QTest::newRow("dark, dark grey placeholder") << palette(QColor(0x30, 0x30, 0x30), QColor(0x25, 0x25, 0x25),
                                                            QColor(0xff, 0xff, 0xff), QColor(0x50, 0x50, 0x50));
    QTest::newRow("light, pale placeholder")
        << palette(QColor(0xef, 0xef, 0xef), QColor(0xff, 0xff, 0xff), QColor(0, 0, 0), QColor(0xd0, 0xd0, 0xd0));
}

void TestTheme::faintPlaceholderIsMadeReadable()
{
    QFETCH(QPalette, input);
    const QColor base = input.color(QPalette::Base);
    QVERIFY(Gui::Theme::contrastRatio(input.color(QPalette::PlaceholderText), base) < 4.5);
    const QPalette output = Gui::Theme::withReadablePlaceholder(input);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor placeholder = output.color(group, QPalette::PlaceholderText);
        QVERIFY2(Gui::Theme::contrastRatio(placeholder, output.color(group, QPalette::Base)) >= 4.5,
                 qPrintable(placeholder.name(QColor::HexArgb)));
        QVERIFY(Gui::Theme::contrastRatio(placeholder, output.color(group, QPalette::Window)) >= 4.5);
        // Still a hint: less contrast than the text itself.
        QVERIFY(Gui::Theme::contrastRatio(placeholder, output.color(group, QPalette::Base)) <
                Gui::Theme::contrastRatio(output.color(group, QPalette::Text), output.color(group, QPalette::Base)));
    }
}

void TestTheme::readablePlaceholderIsKept()
{
    const QPalette input =
        palette(QColor(0x2b, 0x2b, 0x2b), QColor(0x1e, 0x1e, 0x1e), QColor(0xee, 0xee, 0xee), QColor(0xb0, 0xb0, 0xb0));
    QVERIFY(Gui::Theme::contrastRatio(QColor(0xb0, 0xb0, 0xb0), QColor(0x2b, 0x2b, 0x2b)) >= 4.5);
    QCOMPARE(Gui::Theme::withReadablePlaceholder(input).color(QPalette::PlaceholderText), QColor(0xb0, 0xb0, 0xb0));
    QCOMPARE(Gui::Theme::contrastRatio(Qt::black, Qt::white), 21.0);
}

void TestTheme::logPaneTextsFollowASwitchToDark()
{
    Gui::Theme::keepPlaceholderReadable();
    Gui::LogPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *status = pane.findChild<QLabel *>(QStringLiteral("logStatusLabel"));
    auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("logTextFilter"));
    QVERIFY(status);
    QVERIFY(filter);
    QCOMPARE(status->foregroundRole(), QPalette::PlaceholderText);

    // The desktop switches to dark while running.
    QApplication::setPalette(darkWithLightPlaceholder());
    QTRY_VERIFY(Gui::Theme::contrastRatio(QApplication::palette().color(QPalette::PlaceholderText),
                                          QApplication::palette().color(QPalette::Base)) >= 4.5);
    QTRY_VERIFY(Gui::Theme::contrastRatio(status->palette().color(status->foregroundRole()),
                                          status->palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(Gui::Theme::contrastRatio(filter->palette().color(QPalette::PlaceholderText),
                                      filter->palette().color(QPalette::Base)) >= 4.5);
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
