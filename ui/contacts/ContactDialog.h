// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Gui {

/// Adds or edits one contact of a line: a name, the address ("1002", "1002@pbx" or a sip: URI) and
/// whether to watch its call state (busy lamp) besides its presence. GUI thread.
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ContactDialog(QWidget *parent = nullptr);

    void setContact(const Sip::WatchedContact &contact);
    /// The edited contact; lineId and contactId are those given to setContact().
    Sip::WatchedContact contact() const;

    /// Why an address cannot be watched, or empty when it can.
    static QString addressProblem(const QString &address);

private:
    void validate();

    Sip::WatchedContact m_contact;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QCheckBox *m_busyLamp;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui
