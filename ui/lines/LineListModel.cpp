// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/lines/LineListModel.h"

#include "sipcore/SipAddress.h"

#include <QDateTime>
#include <QTimer>

namespace Gui {

using Sip::RegistrationState;

LineListModel::LineListModel(QObject *parent) : QAbstractListModel(parent), m_ticker(new QTimer(this))
{
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), {StateTextRole, Qt::ToolTipRole});
        updateTicker();
    });
}

void LineListModel::setLine(const Sip::LineConfig &line)
{
    const int row = rowOf(line.id);
    if (row >= 0) {
        m_lines[row].config = line;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size()));
    m_lines.append({line, {}});
    endInsertRows();
}

void LineListModel::removeLine(const QString &lineId)
{
    const int row = rowOf(lineId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
}

void LineListModel::setEvent(const Sip::RegistrationEvent &event)
{
    const int row = rowOf(event.lineId);
    if (row < 0)
        return;
    Line &line = m_lines[row];
    const bool dropped = line.holdsRegistration && Sip::isFailure(event.state);
    line.event = event;
    if (event.state == RegistrationState::Registered)
        line.holdsRegistration = true;
    else if (Sip::isFailure(event.state) || event.state == RegistrationState::Unregistered ||
             event.state == RegistrationState::Unregistering)
        line.holdsRegistration = false;
    Q_EMIT dataChanged(index(row), index(row));
    if (dropped)
        Q_EMIT lineDropped(event.lineId, stateText(line.config, event));
    updateTicker();
}

void LineListModel::updateTicker()
{
    bool counting = false;
    for (const Line &line : std::as_const(m_lines))
        counting = counting || (line.event.retryInSeconds > 0 && Sip::isFailure(line.event.state));
    if (counting && !m_ticker->isActive())
        m_ticker->start();
    else if (!counting)
        m_ticker->stop();
}

QList<Sip::LineConfig> LineListModel::lines() const
{
    QList<Sip::LineConfig> result;
    for (const Line &line : m_lines)
        result.append(line.config);
    return result;
}

Sip::LineConfig LineListModel::line(const QString &lineId) const
{
    const int row = rowOf(lineId);
    return row >= 0 ? m_lines[row].config : Sip::LineConfig();
}

Sip::RegistrationEvent LineListModel::event(const QString &lineId) const
{
    const int row = rowOf(lineId);
    return row >= 0 ? m_lines[row].event : Sip::RegistrationEvent();
}

int LineListModel::rowOf(const QString &lineId) const
{
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines[row].config.id == lineId)
            return row;
    }
    return -1;
}

QString LineListModel::lineIdAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines[row].config.id : QString();
}

LineLight LineListModel::lightFor(const Sip::LineConfig &line, const Sip::RegistrationEvent &event)
{
    if (!line.enabled)
        return LineLight::Disabled;
    switch (event.state) {
    case RegistrationState::Registered:
        return LineLight::Registered;
    case RegistrationState::Resolving:
    case RegistrationState::Registering:
    case RegistrationState::Authenticating:
    case RegistrationState::Unregistering:
        return LineLight::Registering;
    case RegistrationState::AuthFailed:
    case RegistrationState::Rejected:
    case RegistrationState::TimedOut:
    case RegistrationState::NetworkFailed:
        return LineLight::Failed;
    default:
        return LineLight::Idle;
    }
}

QString LineListModel::stateText(const Sip::LineConfig &line, const Sip::RegistrationEvent &event)
{
    if (!line.enabled)
        return tr("Disabled");
    const QString code = event.statusCode > 0
                             ? QStringLiteral(" (%1 %2)").arg(event.statusCode).arg(event.reasonPhrase).trimmed()
                             : QString();
    QString text;
    switch (event.state) {
    case RegistrationState::Registered:
        text = event.expiresSeconds > 0 ? tr("Registered · expires every %1 s").arg(event.expiresSeconds)
                                        : tr("Registered");
        // Behind NAT the server reaches this phone only while the router keeps the mapping: say so.
        if (!event.publicAddress.isEmpty())
            text += line.keepaliveSeconds > 0 ? tr(" · behind NAT (seen as %1)").arg(event.publicAddress)
                                              : tr(" · behind NAT, keep-alives off: calls may stop arriving");
        return text;
    case RegistrationState::Resolving:
        return tr("Looking up the server…");
    case RegistrationState::Registering:
        return tr("Registering…");
    case RegistrationState::Authenticating:
        return tr("Sending credentials…");
    case RegistrationState::Unregistering:
        return tr("Unregistering…");
    case RegistrationState::AuthFailed:
        text = tr("Authentication failed") + u' ' + code;
        break;
    case RegistrationState::Rejected:
        text = tr("Rejected by the server") + u' ' + code;
        break;
    case RegistrationState::TimedOut:
        text = tr("No answer") + u' ' + code;
        break;
    case RegistrationState::NetworkFailed:
        text = tr("Network problem") + (event.reasonPhrase.isEmpty() ? QString() : u' ' + code);
        break;
    case RegistrationState::Unregistered:
        return tr("Not registered");
    default:
        return tr("Waiting to register");
    }
    text = text.trimmed();
    if (event.retryInSeconds > 0 && event.timestamp.isValid()) {
        const qint64 left = event.retryInSeconds - event.timestamp.secsTo(QDateTime::currentDateTimeUtc());
        text += left > 0 ? tr(" · retry in %1 s").arg(left) : tr(" · retrying");
    } else {
        text += tr(" · not retrying");
    }
    return text;
}

int LineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LineListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Line &line = m_lines[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
        return Sip::Address::displayAddress(line.config);
    case Qt::ToolTipRole:
        return line.event.diagnosis.isEmpty() ? stateText(line.config, line.event) : line.event.diagnosis;
    case Qt::AccessibleTextRole:
        return QString(Sip::Address::displayAddress(line.config) + QStringLiteral(", ") +
                       stateText(line.config, line.event));
    case Qt::CheckStateRole:
        return line.config.enabled ? Qt::Checked : Qt::Unchecked;
    case LineIdRole:
        return line.config.id;
    case LightRole:
        return int(lightFor(line.config, line.event));
    case StateTextRole:
        return stateText(line.config, line.event);
    case DiagnosisRole:
        return line.config.enabled && Sip::isFailure(line.event.state) ? line.event.diagnosis : QString();
    default:
        return {};
    }
}

bool LineListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.row() >= m_lines.size())
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled == m_lines[index.row()].config.enabled)
        return false;
    Q_EMIT enabledChangeRequested(m_lines[index.row()].config.id, enabled);
    return true;
}

Qt::ItemFlags LineListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace Gui
