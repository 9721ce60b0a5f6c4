// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/calls/DialPad.h"

#include "ui/theme/Theme.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Gui {

DialPad::DialPad(QWidget *parent)
    : QWidget(parent), m_numberEdit(new QLineEdit(this)),
      m_callButton(new QPushButton(Theme::icon(QStringLiteral("call")), tr("Call"), this))
{
    setObjectName(QStringLiteral("dialPad"));
    m_numberEdit->setObjectName(QStringLiteral("numberEdit"));
    m_numberEdit->setPlaceholderText(tr("Number or sip: address"));
    m_numberEdit->setAccessibleName(tr("Number to call"));
    m_numberEdit->setClearButtonEnabled(true);
    QFont big = m_numberEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_numberEdit->setFont(big);
    m_numberEdit->setMinimumHeight(QFontMetrics(big).height() + 14);

    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    const char *keys[][2] = {{"1", ""},     {"2", "ABC"}, {"3", "DEF"},  {"4", "GHI"}, {"5", "JKL"}, {"6", "MNO"},
                             {"7", "PQRS"}, {"8", "TUV"}, {"9", "WXYZ"}, {"*", ""},    {"0", "+"},   {"#", ""}};
    for (int i = 0; i < 12; ++i) {
        const QString symbol = QString::fromLatin1(keys[i][0]);
        const QString letters = QString::fromLatin1(keys[i][1]);
        auto *key = new QToolButton(this);
        key->setObjectName(QStringLiteral("dialKey") + (symbol == u"*"   ? QStringLiteral("Star")
                                                        : symbol == u"#" ? QStringLiteral("Hash")
                                                                         : symbol));
        key->setText(letters.isEmpty() ? symbol : symbol + u'\n' + letters);
        key->setAccessibleName(symbol);
        key->setToolButtonStyle(Qt::ToolButtonTextOnly);
        key->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        key->setMinimumHeight(44);
        key->setFocusPolicy(Qt::TabFocus);
        connect(key, &QToolButton::clicked, this, [this, symbol] { press(symbol); });
        grid->addWidget(key, i / 3, i % 3);
    }

    // Hanging up belongs to the call panel, which knows which call; the pad only places calls.
    const QString notYet = tr("Calls are not available yet");
    m_callButton->setObjectName(QStringLiteral("callButton"));
    m_callButton->setEnabled(false);
    m_callButton->setToolTip(notYet);
    m_callButton->setAccessibleDescription(notYet);
    m_callButton->setMinimumHeight(34);
    // Disabled widgets show no tooltip by themselves; the tooltip stays readable through this.
    m_callButton->setAttribute(Qt::WA_AlwaysShowToolTips);

    connect(m_callButton, &QPushButton::clicked, this, [this] { Q_EMIT callRequested(number()); });
    connect(m_numberEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_callButton->isEnabled())
            Q_EMIT callRequested(number());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_numberEdit);
    layout->addLayout(grid);
    layout->addWidget(m_callButton);
}

QString DialPad::number() const
{
    return m_numberEdit->text().trimmed();
}

void DialPad::setNumber(const QString &numberOrUri)
{
    QString text = numberOrUri.trimmed();
    for (const QString &scheme : {QStringLiteral("sip:"), QStringLiteral("sips:"), QStringLiteral("tel:")}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive)) {
            text = text.mid(scheme.size());
            break;
        }
    }
    m_numberEdit->setText(QUrl::fromPercentEncoding(text.toUtf8()));
}

void DialPad::setCallsEnabled(bool enabled)
{
    const QString notYet = tr("Calls are not available yet");
    m_callButton->setEnabled(enabled);
    m_callButton->setToolTip(enabled ? tr("Call the number on the selected line (Enter)") : notYet);
    m_callButton->setAccessibleDescription(enabled ? QString() : notYet);
}

void DialPad::press(const QString &symbol)
{
    m_numberEdit->insert(symbol);
    m_numberEdit->setFocus(Qt::OtherFocusReason);
}

} // namespace Gui
