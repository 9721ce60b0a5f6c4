// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/RegistrationState.h"
#include "ui/theme/Theme.h"

#include <QAbstractListModel>
#include <QList>

class QTimer;

namespace Gui {

/// The configured lines with their latest registration event, for the lines list. The check box is
/// the line's enabled switch: toggling it asks for the change (enabledChangeRequested), the owner
/// applies it and calls setLine. Ticks once a second while a retry countdown is shown. GUI thread.
class LineListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        LineIdRole = Qt::UserRole + 1,
        LightRole,     ///< int(LineLight)
        AddressRole,   ///< "1001@pbx.example"
        StateTextRole, ///< "Registered · 300 s", "No answer (408) · retry in 12 s"
        DiagnosisRole, ///< The engine's plain-language diagnosis, for failures
    };

    explicit LineListModel(QObject *parent = nullptr);

    /// Adds or replaces the line with this id (keeps its last event unless the id is new).
    void setLine(const Sip::LineConfig &line);
    void removeLine(const QString &lineId);
    void setEvent(const Sip::RegistrationEvent &event);

    QList<Sip::LineConfig> lines() const;
    Sip::LineConfig line(const QString &lineId) const;
    Sip::RegistrationEvent event(const QString &lineId) const;
    int rowOf(const QString &lineId) const;
    QString lineIdAt(int row) const;

    static LineLight lightFor(const Sip::LineConfig &line, const Sip::RegistrationEvent &event);
    /// The short state text under the address; secondsNow is for the retry countdown.
    static QString stateText(const Sip::LineConfig &line, const Sip::RegistrationEvent &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void enabledChangeRequested(const QString &lineId, bool enabled);
    /// A line that was registered is no longer (failure or drop), for the tray notification.
    void lineDropped(const QString &lineId, const QString &message);

private:
    struct Line
    {
        Sip::LineConfig config;
        Sip::RegistrationEvent event;
        /// Registered, and not failed or unregistered since: a re-registration in progress (Resolving,
        /// Registering, Authenticating) keeps it, so a failure after "Register now" is still a drop.
        bool holdsRegistration = false;
    };
    void updateTicker();

    QList<Line> m_lines;
    QTimer *m_ticker;
};

} // namespace Gui
