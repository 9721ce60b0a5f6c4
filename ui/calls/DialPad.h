// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace Gui {

/// Number or SIP URI entry with a 12-key pad and a Call button (Enter in the number field does the same).
/// The button stays disabled, with a tooltip saying so, until the application that places calls turns it
/// on. Hanging up is the call panel's, which knows which call. GUI thread.
class DialPad : public QWidget
{
    Q_OBJECT
public:
    explicit DialPad(QWidget *parent = nullptr);

    QString number() const;
    /// Accepts "1002", "sip:1002@pbx.example", "tel:+4930123"; the scheme is dropped for display.
    void setNumber(const QString &numberOrUri);
    QLineEdit *numberEdit() const { return m_numberEdit; }
    /// Turns the Call button on once something places the calls it asks for.
    void setCallsEnabled(bool enabled);

Q_SIGNALS:
    void callRequested(const QString &number);

private:
    void press(const QString &symbol);

    QLineEdit *m_numberEdit;
    QPushButton *m_callButton;
};

} // namespace Gui
