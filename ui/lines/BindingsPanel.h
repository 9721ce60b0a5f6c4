// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Sip {
class SipEngine;
}

namespace Gui {

/// Every binding of a line's extension, as the registrar lists them: this phone's and other devices'
/// (a desk phone, another Offhook, a stale one from a crash), with their expiry and q-value. "Refresh"
/// asks the registrar again (a query, which changes nothing); "Remove" takes another device's binding
/// off, "Remove all others" every binding but this phone's (after a confirmation). Talks to the engine
/// through SipEngine only.
class BindingsPanel : public QGroupBox
{
    Q_OBJECT
public:
    BindingsPanel(Sip::SipEngine *engine, const QString &lineId, QWidget *parent = nullptr);

    /// Shows these bindings (also used by tests, offscreen).
    void showBindings(const QList<Sip::RegistrationBinding> &bindings);

private:
    void onRegistration(const Sip::RegistrationEvent &event);
    void onBindings(const Sip::BindingsEvent &event);
    void removeSelected();
    void removeOthers();
    void updateButtons();
    QStringList otherContacts() const;

    Sip::SipEngine *m_engine;
    QString m_lineId;
    bool m_registered = false;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_remove;
    QPushButton *m_removeOthers;
};

} // namespace Gui
