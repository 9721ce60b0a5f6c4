// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"
#include "sipcore/PreflightReport.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace Sip {
class Preflight;
class SipEngine;
class SipLog;
} // namespace Sip

namespace Gui {

/// "Check server" on demand: runs the preflight check (DNS, then OPTIONS over UDP, TCP and TLS) for the
/// line the owner provides and shows in plain words what answered on which transport. Used by the
/// wizard and the troubleshooter. GUI thread.
class PreflightPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreflightPanel(QWidget *parent = nullptr);
    ~PreflightPanel() override;

    /// Where the OPTIONS go in the live log (may be null).
    void setLog(Sip::SipLog *log);
    /// The engine's log and its TLS trust (extra CA file), so the check trusts what registration trusts.
    void setEngine(const Sip::SipEngine *engine);
    /// Called at each check for the line to check.
    void setLineProvider(std::function<Sip::LineConfig()> provider) { m_lineProvider = std::move(provider); }
    /// Log entries of the check carry this line id (empty: none).
    void setLogLineId(const QString &lineId) { m_logLineId = lineId; }

    void check();
    bool isRunning() const;
    QString resultText() const;

Q_SIGNALS:
    void checked(const Sip::PreflightReport &report);

private:
    void show(const Sip::PreflightReport &report);

    Sip::Preflight *m_preflight = nullptr;
    std::function<Sip::LineConfig()> m_lineProvider;
    QString m_logLineId;
    QString m_caCertificatesFile;
    QPushButton *m_button;
    QLabel *m_result;
};

} // namespace Gui
