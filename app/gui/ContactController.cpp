// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/ContactController.h"

#include "app/gui/AppSettings.h"
#include "sipcore/PresenceService.h"
#include "sipcore/SipEngine.h"
#include "ui/contacts/ContactsPanel.h"

namespace App {

ContactController::ContactController(Sip::SipEngine *engine, Sip::PresenceService *presence, AppSettings *settings,
                                     Gui::ContactsPanel *panel, QObject *parent)
    : QObject(parent), m_presence(presence), m_settings(settings), m_panel(panel)
{
    connect(m_panel, &Gui::ContactsPanel::contactsEdited, this,
            [this](const QString &lineId, const QList<Sip::WatchedContact> &contacts) {
                if (m_persist)
                    m_settings->setContacts(lineId, contacts);
                applyContacts(lineId, contacts);
            });
    connect(m_panel, &Gui::ContactsPanel::ownStatusChosen, this,
            [this](const QString &lineId, Sip::OwnStatus status, const QString &note) {
                if (m_persist)
                    m_settings->setOwnStatus(lineId, status, note);
                applyOwnStatus(lineId, status, note);
            });
    connect(m_presence, &Sip::PresenceService::contactPresenceChanged, m_panel, &Gui::ContactsPanel::applyPresence);
    // The settings drop a line's contacts with the line (AppSettings::removeLine); the service must too.
    connect(engine, &Sip::SipEngine::lineRemoved, this, &ContactController::forgetLine);
}

void ContactController::load()
{
    if (!m_persist)
        return;
    for (const Sip::LineConfig &line : m_settings->lines()) {
        const QList<Sip::WatchedContact> contacts = m_settings->contacts(line.id);
        m_panel->setContacts(line.id, contacts);
        applyContacts(line.id, contacts);
        QString note;
        const Sip::OwnStatus status = m_settings->ownStatus(line.id, &note);
        m_panel->setOwnStatus(line.id, status, note);
        applyOwnStatus(line.id, status, note);
    }
}

void ContactController::applyContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts)
{
    QList<Sip::WatchedContact> watched = contacts;
    for (Sip::WatchedContact &contact : watched)
        contact.lineId = lineId;
    m_presence->setContacts(lineId, watched);
}

void ContactController::applyOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note)
{
    m_presence->setOwnStatus(lineId, status, note);
}

void ContactController::forgetLine(const QString &lineId)
{
    m_presence->setContacts(lineId, {});
    m_presence->setOwnStatus(lineId, Sip::OwnStatus::Invalid);
    m_panel->removeLine(lineId);
}

} // namespace App
