// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/CallController.h"

#include "app/gui/CallHistoryStore.h"
#include "audio/devices/PortAudioBackend.h"
#include "sipcore/CallService.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/calls/CallHistoryModel.h"
#include "ui/calls/CallHistoryPanel.h"
#include "ui/calls/CallPanel.h"
#include "ui/contacts/ContactsPanel.h"
#include "ui/calls/DialPad.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"

#include <QStatusBar>

namespace App {

CallController::CallController(Sip::SipEngine &engine, Gui::MainWindow &window, QObject *parent)
    : CallController(
          engine, window, [] { return std::make_unique<Audio::PortAudioBackend>(); }, CallMediaOptions{}, parent)
{
}

CallController::CallController(Sip::SipEngine &engine, Gui::MainWindow &window, CallMedia::DeviceFactory devices,
                               const CallMediaOptions &options, QObject *parent)
    : QObject(parent), m_window(window), m_calls(new Sip::CallService(engine, this)),
      m_media(new CallMedia(*m_calls, std::move(devices), options, this))
{
    Gui::CallPanel *panel = window.callPanel();
    Gui::DialPad *pad = window.dialPad();
    pad->setCallsEnabled(true);
    connect(pad, &Gui::DialPad::callRequested, this, &CallController::dial);
    // Recorded before the panel forgets an ended call.
    connect(m_calls, &Sip::CallService::callChanged, this, &CallController::record);
    connect(m_calls, &Sip::CallService::callChanged, panel, &Gui::CallPanel::showCall);
    connect(m_calls, &Sip::CallService::transferChanged, panel, &Gui::CallPanel::showTransfer);
    connect(m_calls, &Sip::CallService::transferChanged, this, [this](const Sip::TransferEvent &event) {
        if (event.finished && event.succeeded && m_pending.contains(event.callId))
            m_pending[event.callId].transferredTo = event.target;
    });
    connect(panel, &Gui::CallPanel::answerRequested, this, [this](const QString &callId) {
        QString error;
        if (!m_media->answer(callId, &error))
            m_window.statusBar()->showMessage(tr("Cannot answer: %1").arg(error), 10000);
    });
    connect(panel, &Gui::CallPanel::rejectRequested, this,
            [this](const QString &callId) { m_calls->reject(callId, Sip::RejectReason::Decline); });
    connect(panel, &Gui::CallPanel::hangUpRequested, this, [this](const QString &callId) { m_calls->hangUp(callId); });
    connect(panel, &Gui::CallPanel::holdRequested, this, [this](const QString &callId, bool hold) {
        if (hold)
            m_calls->hold(callId);
        else
            m_calls->resume(callId);
    });
    connect(panel, &Gui::CallPanel::muteRequested, m_media, &CallMedia::setMuted);
    connect(panel, &Gui::CallPanel::digitsRequested, m_media, &CallMedia::sendDigits);
    connect(panel, &Gui::CallPanel::transferRequested, m_calls, &Sip::CallService::transfer);
    connect(window.callHistoryPanel(), &Gui::CallHistoryPanel::redialRequested, this, &CallController::redial);
    // A double-clicked contact is called on the line it is watched on (and shown in the dial pad).
    connect(window.contactsPanel(), &Gui::ContactsPanel::callRequested, this,
            [this](const QString &lineId, const QString &address) {
                m_window.dialPad()->setNumber(address);
                placeCall(m_window.lineModel()->rowOf(lineId) >= 0 ? lineId : m_window.currentLineId(), address);
            });
    connect(m_media, &CallMedia::mediaFailed, this, [this](const QString &, const QString &message) {
        m_window.statusBar()->showMessage(tr("Call audio failed: %1").arg(message), 20000);
    });
    // Calls on a line with an output device of its own play there.
    m_media->setLineOutputLookup(
        [this](const QString &lineId) { return m_window.lineModel()->line(lineId).audioOutputDevice; });
    // Device trouble never ends a call; the user reads what happened in the panel, the status bar and the log.
    connect(m_media, &CallMedia::deviceNotice, this,
            [this, panel, sipLog = engine.log()](const QString &callId, const QString &message) {
                panel->showDeviceNotice(callId, message);
                m_window.statusBar()->showMessage(message, 20000);
                if (sipLog)
                    sipLog->appendStep(m_media->lineOf(callId), message, Sip::LogEntry::Kind::Error);
            });
    // The STUN mapping (or why there is none) goes to the line's log; a failure also to the status bar.
    connect(m_media, &CallMedia::networkNote, this,
            [this, sipLog = engine.log()](const QString &callId, const QString &message, bool problem) {
                if (problem)
                    m_window.statusBar()->showMessage(message, 20000);
                if (sipLog)
                    sipLog->appendStep(m_media->lineOf(callId), message,
                                       problem ? Sip::LogEntry::Kind::Error : Sip::LogEntry::Kind::Step);
            });
    connect(&m_statisticsTimer, &QTimer::timeout, this, &CallController::publishStatistics);
    m_statisticsTimer.start(1000);
}

CallController::~CallController() = default;

void CallController::setAudioDevices(const QString &inputDeviceName, const QString &outputDeviceName)
{
    m_media->setDevices(inputDeviceName, outputDeviceName);
}

void CallController::setStunServer(const QString &server)
{
    CallMediaOptions options = m_media->options();
    options.stunServer = server;
    m_media->setOptions(options);
}

QString CallController::useHistoryFile(const QString &path)
{
    m_historyStore = std::make_unique<CallHistoryStore>(path);
    Gui::CallHistoryModel *model = m_window.callHistoryModel();
    model->setEntries(m_historyStore->load());
    connect(model, &Gui::CallHistoryModel::historyChanged, this, &CallController::saveHistory, Qt::UniqueConnection);
    return m_historyStore->problem();
}

void CallController::saveHistory()
{
    if (m_historyStore && m_historyStore->isWritable() && !m_historyStore->save(m_window.callHistoryModel()->entries()))
        m_window.statusBar()->showMessage(m_historyStore->problem(), 20000);
}

void CallController::record(const Sip::CallEvent &event)
{
    if (event.callId.isEmpty())
        return;
    const QDateTime when = event.timestamp.isValid() ? event.timestamp : QDateTime::currentDateTimeUtc();
    auto pending = m_pending.find(event.callId);
    if (pending == m_pending.end()) {
        PendingCall call;
        call.first = event;
        call.first.timestamp = when;
        pending = m_pending.insert(event.callId, call);
    }
    if (!event.peerDisplayName.isEmpty())
        pending->peerDisplayName = event.peerDisplayName;
    if (Sip::isActive(event.state) && !pending->connectedUtc.isValid())
        pending->connectedUtc = when;
    if (event.state != Sip::CallState::Ended)
        return;

    const PendingCall call = *pending;
    m_pending.erase(pending);
    Gui::CallHistoryEntry entry;
    entry.startedUtc = call.first.timestamp;
    entry.lineId = event.lineId.isEmpty() ? call.first.lineId : event.lineId;
    const Gui::LineListModel *lines = m_window.lineModel();
    if (lines->rowOf(entry.lineId) >= 0)
        entry.lineLabel = Sip::Address::displayAddress(lines->line(entry.lineId));
    entry.peer = event.peer.isEmpty() ? call.first.peer : event.peer;
    entry.peerDisplayName = call.peerDisplayName;
    entry.direction = call.first.direction != Sip::CallDirection::Invalid ? call.first.direction : event.direction;
    const bool connected = call.connectedUtc.isValid();
    entry.outcome = Gui::CallHistoryEntry::classify(entry.direction, connected, event);
    if (connected)
        entry.durationSeconds = qMax<qint64>(0, call.connectedUtc.secsTo(when));
    else
        entry.statusCode = event.statusCode;
    if (!call.transferredTo.isEmpty())
        entry.endReason = tr("Transferred to %1").arg(call.transferredTo);
    else
        entry.endReason = event.diagnosis.isEmpty() ? event.reason : event.diagnosis;
    entry.seen = entry.outcome != Gui::CallOutcome::Missed;
    if (entry.isValid())
        m_window.callHistoryModel()->add(entry);
}

void CallController::publishStatistics()
{
    for (const Sip::CallEvent &call : m_calls->activeCalls()) {
        if (!Sip::isActive(call.state))
            continue;
        const Audio::CallStatistics s = m_media->statistics(call.callId);
        QString text = tr("%1 · sent %2 · received %3 · loss %4 % · jitter %5 ms")
                           .arg(m_media->media(call.callId).codec)
                           .arg(s.packetsSent)
                           .arg(s.packetsReceived)
                           .arg(s.fractionLostPercent, 0, 'f', 1)
                           .arg(s.jitterMs, 0, 'f', 1);
        if (s.roundTripTimeMs >= 0)
            text += tr(" · RTT %1 ms").arg(s.roundTripTimeMs, 0, 'f', 1);
        m_window.callPanel()->showStatistics(call.callId, text);
    }
}

void CallController::dial(const QString &number)
{
    const QString lineId = m_window.currentLineId();
    if (lineId.isEmpty() || number.trimmed().isEmpty()) {
        m_window.statusBar()->showMessage(tr("Choose a line and enter a number to call."), 10000);
        return;
    }
    placeCall(lineId, number.trimmed());
}

void CallController::redial(const Gui::CallHistoryEntry &entry)
{
    // The entry's own line when it still exists, else the one selected now.
    const QString lineId = m_window.lineModel()->rowOf(entry.lineId) >= 0 ? entry.lineId : m_window.currentLineId();
    if (lineId.isEmpty()) {
        m_window.statusBar()->showMessage(
            tr("The line of that call is gone: choose a line to call %1 again.").arg(entry.peer), 10000);
        return;
    }
    placeCall(lineId, entry.peer);
}

void CallController::placeCall(const QString &lineId, const QString &target)
{
    if (lineId.isEmpty()) {
        m_window.statusBar()->showMessage(tr("Choose a line to call %1.").arg(target), 10000);
        return;
    }
    QString error;
    if (m_media->call(lineId, target, &error).isEmpty())
        m_window.statusBar()->showMessage(tr("Cannot call: %1").arg(error), 10000);
}

} // namespace App
