// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/calls/CallPanel.h"

#include "ui/theme/Theme.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gui {

CallPanel::CallPanel(QWidget *parent)
    : QWidget(parent), m_incomingLabel(new QLabel(this)), m_answerButton(new QPushButton(tr("Answer"), this)),
      m_rejectButton(new QPushButton(tr("Reject"), this)), m_callList(new QListWidget(this)),
      m_hangUpButton(new QPushButton(tr("Hang up"), this)), m_holdButton(new QToolButton(this)),
      m_muteButton(new QToolButton(this)), m_dtmfEdit(new QLineEdit(this)),
      m_transferButton(new QPushButton(tr("Transfer…"), this)), m_transferLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)), m_statisticsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("callPanel"));
    m_incomingLabel->setObjectName(QStringLiteral("incomingLabel"));
    m_answerButton->setObjectName(QStringLiteral("answerButton"));
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_callList->setObjectName(QStringLiteral("callList"));
    m_hangUpButton->setObjectName(QStringLiteral("callHangUpButton"));
    m_holdButton->setObjectName(QStringLiteral("holdButton"));
    m_muteButton->setObjectName(QStringLiteral("muteButton"));
    m_dtmfEdit->setObjectName(QStringLiteral("dtmfEdit"));
    m_statusLabel->setObjectName(QStringLiteral("callStatusLabel"));
    m_statisticsLabel->setObjectName(QStringLiteral("callStatisticsLabel"));
    m_hangUpButton->setIcon(Theme::icon(QStringLiteral("hangup")));
    m_transferButton->setObjectName(QStringLiteral("transferButton"));
    m_transferButton->setToolTip(tr("Hand the selected call over to another number (blind transfer)"));
    m_transferLabel->setObjectName(QStringLiteral("transferStatusLabel"));
    m_transferLabel->setWordWrap(true);
    m_transferLabel->hide();

    m_incomingLabel->setWordWrap(true);
    m_statusLabel->setWordWrap(true);
    m_holdButton->setText(tr("Hold"));
    m_holdButton->setCheckable(true);
    m_muteButton->setText(tr("Mute"));
    m_muteButton->setCheckable(true);
    m_dtmfEdit->setPlaceholderText(tr("DTMF"));
    m_dtmfEdit->setAccessibleName(tr("Send DTMF digits"));
    m_dtmfEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9*#A-Da-d]*")), m_dtmfEdit));

    connect(m_answerButton, &QPushButton::clicked, this, [this] {
        if (const QString id = incomingCallId(); !id.isEmpty())
            Q_EMIT answerRequested(id);
    });
    connect(m_rejectButton, &QPushButton::clicked, this, [this] {
        if (const QString id = incomingCallId(); !id.isEmpty())
            Q_EMIT rejectRequested(id);
    });
    connect(m_hangUpButton, &QPushButton::clicked, this, [this] {
        if (const QString id = currentCallId(); !id.isEmpty())
            Q_EMIT hangUpRequested(id);
    });
    connect(m_holdButton, &QToolButton::clicked, this, [this](bool checked) {
        if (const QString id = currentCallId(); !id.isEmpty())
            Q_EMIT holdRequested(id, checked);
    });
    connect(m_muteButton, &QToolButton::clicked, this, [this](bool checked) {
        if (const QString id = currentCallId(); !id.isEmpty()) {
            m_muted.insert(id, checked);
            Q_EMIT muteRequested(id, checked);
        }
    });
    // Each typed digit goes out at once, as on a phone's keypad.
    connect(m_dtmfEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString id = currentCallId();
        if (!id.isEmpty() && !text.isEmpty())
            Q_EMIT digitsRequested(id, text.right(1).toUpper());
    });
    connect(m_transferButton, &QPushButton::clicked, this, &CallPanel::askTransferTarget);
    connect(m_callList, &QListWidget::currentRowChanged, this, [this] { refresh(); });

    // Rows show only while they have something to offer: an idle panel takes no room from the history.
    m_incomingRow = new QWidget(this);
    m_incomingRow->setObjectName(QStringLiteral("incomingRow"));
    auto *incoming = new QHBoxLayout(m_incomingRow);
    incoming->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_incomingLabel->font();
    bold.setBold(true);
    m_incomingLabel->setFont(bold);
    incoming->addWidget(m_incomingLabel, 1);
    incoming->addWidget(m_answerButton);
    incoming->addWidget(m_rejectButton);
    m_controlsRow = new QWidget(this);
    m_controlsRow->setObjectName(QStringLiteral("callControlsRow"));
    auto *controls = new QHBoxLayout(m_controlsRow);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_hangUpButton);
    controls->addWidget(m_holdButton);
    controls->addWidget(m_muteButton);
    controls->addWidget(m_transferButton);
    controls->addWidget(m_dtmfEdit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_incomingRow);
    layout->addWidget(m_callList);
    layout->addWidget(m_controlsRow);
    layout->addWidget(m_statisticsLabel);
    layout->addWidget(m_transferLabel);
    layout->addWidget(m_statusLabel);
    refresh();
}

QString CallPanel::currentCallId() const
{
    const QListWidgetItem *item = m_callList->currentItem();
    if (item)
        return item->data(Qt::UserRole).toString();
    return m_calls.size() == 1 ? m_calls.constBegin().key() : QString();
}

QString CallPanel::incomingCallId() const
{
    for (const Sip::CallEvent &event : m_calls) {
        if (event.state == Sip::CallState::Incoming)
            return event.callId;
    }
    return {};
}

QString CallPanel::describe(const Sip::CallEvent &event)
{
    const QString peer =
        event.peerDisplayName.isEmpty() ? event.peer : QStringLiteral("%1 <%2>").arg(event.peerDisplayName, event.peer);
    const QString state = event.earlyMedia ? QStringLiteral("%1 (early media)").arg(Sip::callStateName(event.state))
                                           : Sip::callStateName(event.state);
    return QStringLiteral("%1 — %2").arg(peer, state);
}

void CallPanel::showCall(const Sip::CallEvent &event)
{
    if (event.callId.isEmpty())
        return;
    if (event.state == Sip::CallState::Ended) {
        m_calls.remove(event.callId);
        m_muted.remove(event.callId);
        m_statistics.remove(event.callId);
        m_transferring.remove(event.callId);
        const QString why = event.diagnosis.isEmpty() ? event.reason : event.diagnosis;
        m_statusLabel->setText(tr("Call with %1 ended: %2").arg(event.peer, why));
        if (m_deviceNoticeLabel && m_deviceNoticeCallId == event.callId)
            m_deviceNoticeLabel->hide();
    } else {
        // A new call starts afresh; the outcome of the last transfer stays until then.
        if (!m_calls.contains(event.callId) && m_transferring.isEmpty())
            m_transferLabel->hide();
        m_calls.insert(event.callId, event);
        m_statusLabel->clear();
    }
    refresh();
}

void CallPanel::showStatistics(const QString &callId, const QString &text)
{
    if (!m_calls.contains(callId))
        return;
    m_statistics.insert(callId, text);
    if (callId == currentCallId()) {
        m_statisticsLabel->setText(text);
        m_statisticsLabel->setVisible(!text.isEmpty());
    }
}

void CallPanel::askTransferTarget()
{
    const QString callId = currentCallId();
    if (callId.isEmpty() || !Sip::isActive(m_calls.value(callId).state))
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("transferDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Offhook — Transfer call"));
    dialog->setLabelText(tr("Transfer the call with %1 to (number or sip: address):")
                             .arg(describe(m_calls.value(callId)).section(QStringLiteral(" — "), 0, 0)));
    dialog->setOkButtonText(tr("Transfer"));
    dialog->setTextValue(m_transferSuggestion ? m_transferSuggestion() : QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, callId](const QString &text) {
        const QString target = text.trimmed();
        // The call may have ended while the dialog was open.
        if (target.isEmpty() || !m_calls.contains(callId))
            return;
        m_transferring.insert(callId);
        m_transferLabel->setText(tr("Transferring to %1…").arg(target));
        m_transferLabel->show();
        refresh();
        Q_EMIT transferRequested(callId, target);
    });
    dialog->open();
}

void CallPanel::showTransfer(const Sip::TransferEvent &event)
{
    QString target = event.target;
    for (const QString &scheme : {QStringLiteral("sip:"), QStringLiteral("sips:")}) {
        if (target.startsWith(scheme, Qt::CaseInsensitive))
            target = target.mid(scheme.size());
    }
    const QString status = QStringLiteral("%1 %2").arg(event.statusCode).arg(event.reason).trimmed();
    QString text;
    if (event.finished && event.succeeded)
        text = tr("Transferred to %1.").arg(target);
    else if (event.finished)
        text = tr("Transfer to %1 failed: %2").arg(target, event.statusCode > 0 ? status : event.reason);
    else if (event.statusCode == 0)
        text = tr("Transferring to %1…").arg(target);
    else if (event.statusCode == 202)
        text = tr("Transfer to %1 accepted by the other side…").arg(target);
    else if (event.statusCode == 100)
        text = tr("Transfer to %1: trying…").arg(target);
    else if (event.statusCode >= 180 && event.statusCode < 190)
        text = tr("Transfer to %1: ringing…").arg(target);
    else
        text = tr("Transfer to %1: %2…").arg(target, status);
    if (event.finished)
        m_transferring.remove(event.callId);
    else
        m_transferring.insert(event.callId);
    m_transferLabel->setText(text);
    m_transferLabel->show();
    refresh();
}

void CallPanel::showDeviceNotice(const QString &callId, const QString &text)
{
    if (!m_deviceNoticeLabel) {
        m_deviceNoticeLabel = new QLabel(this);
        m_deviceNoticeLabel->setObjectName(QStringLiteral("deviceNoticeLabel"));
        m_deviceNoticeLabel->setWordWrap(true);
        m_deviceNoticeLabel->setTextFormat(Qt::PlainText);
        layout()->addWidget(m_deviceNoticeLabel);
    }
    m_deviceNoticeCallId = callId;
    m_deviceNoticeLabel->setText(text);
    m_deviceNoticeLabel->show();
}

void CallPanel::refresh()
{
    const QString selected = currentCallId();
    {
        const QSignalBlocker blocker(m_callList);
        m_callList->clear();
        for (const Sip::CallEvent &event : std::as_const(m_calls)) {
            auto *item = new QListWidgetItem(describe(event), m_callList);
            item->setData(Qt::UserRole, event.callId);
            if (event.callId == selected)
                m_callList->setCurrentItem(item);
        }
    }
    const QString incoming = incomingCallId();
    const Sip::CallEvent ringing = m_calls.value(incoming);
    m_incomingLabel->setText(
        incoming.isEmpty() ? tr("No incoming call")
                           : tr("Incoming call from %1").arg(describe(ringing).section(QStringLiteral(" — "), 0, 0)));
    m_answerButton->setEnabled(!incoming.isEmpty());
    m_rejectButton->setEnabled(!incoming.isEmpty());

    const QString current = currentCallId();
    const Sip::CallState state = m_calls.value(current).state;
    const bool active = Sip::isActive(state);
    m_hangUpButton->setEnabled(!current.isEmpty() && state != Sip::CallState::Ending);
    m_holdButton->setEnabled(active);
    m_holdButton->setChecked(state == Sip::CallState::Held);
    m_muteButton->setEnabled(active);
    m_muteButton->setChecked(m_muted.value(current));
    m_dtmfEdit->setEnabled(active);
    m_transferButton->setEnabled(active && !m_transferring.contains(current));
    if (!active)
        m_dtmfEdit->clear();
    m_statisticsLabel->setText(m_statistics.value(current));

    m_incomingRow->setVisible(!incoming.isEmpty());
    m_callList->setVisible(!m_calls.isEmpty());
    m_controlsRow->setVisible(!m_calls.isEmpty());
    m_statisticsLabel->setVisible(!m_statisticsLabel->text().isEmpty());
    m_statusLabel->setVisible(!m_statusLabel->text().isEmpty());
    if (m_callList->count() > 0) {
        // As tall as its calls, up to three rows, then it scrolls.
        const int rows = qMin(3, m_callList->count());
        m_callList->setFixedHeight(rows * m_callList->sizeHintForRow(0) + 2 * m_callList->frameWidth() + 2);
    }
}

} // namespace Gui
