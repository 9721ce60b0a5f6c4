// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/PresenceEvents.h"

#include <QObject>

namespace Sip {
class PresenceService;
class SipEngine;
} // namespace Sip
namespace Gui {
class ContactsPanel;
}

namespace App {

class AppSettings;

/// Applies what the user does with contacts and their own status: stores them with the line in the
/// settings, hands them to the presence service and shows the live states in the contacts panel.
/// GUI thread.
class ContactController : public QObject
{
    Q_OBJECT
public:
    ContactController(Sip::SipEngine *engine, Sip::PresenceService *presence, AppSettings *settings,
                      Gui::ContactsPanel *panel, QObject *parent = nullptr);

    /// False for the demo: contacts live for this run only.
    void setPersist(bool persist) { m_persist = persist; }
    /// Reads the contacts and status of every stored line and starts watching them.
    void load();

private:
    void applyContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts);
    void applyOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note);
    void forgetLine(const QString &lineId);

    Sip::PresenceService *m_presence;
    AppSettings *m_settings;
    Gui::ContactsPanel *m_panel;
    bool m_persist = true;
};

} // namespace App
