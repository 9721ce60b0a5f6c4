// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/troubleshoot/PreflightPanel.h"

#include "sipcore/Preflight.h"
#include "sipcore/SipEngine.h"
#include "ui/theme/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

PreflightPanel::PreflightPanel(QWidget *parent)
    : QWidget(parent), m_button(new QPushButton(Theme::icon(QStringLiteral("preflight")), tr("Check server"), this)),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("preflightPanel"));
    m_button->setObjectName(QStringLiteral("preflightButton"));
    m_button->setToolTip(tr("Look the server up and ask it over UDP, TCP and TLS whether it answers (SIP OPTIONS), "
                            "without registering"));
    m_result->setObjectName(QStringLiteral("preflightResult"));
    m_result->setAccessibleName(tr("Server check result"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_button);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, &PreflightPanel::check);
    setLog(nullptr);
}

PreflightPanel::~PreflightPanel() = default;

void PreflightPanel::setEngine(const Sip::SipEngine *engine)
{
    setLog(engine ? engine->log() : nullptr);
    m_caCertificatesFile = engine ? engine->options().caCertificatesFile : QString();
}

void PreflightPanel::setLog(Sip::SipLog *log)
{
    // The log is fixed per Preflight object; replace it (cancelling any running check).
    if (m_preflight) {
        m_preflight->cancel();
        m_preflight->disconnect(this);
        m_preflight->deleteLater();
    }
    m_button->setEnabled(true);
    m_preflight = new Sip::Preflight(log, this);
    connect(m_preflight, &Sip::Preflight::progress, this, [this](const QString &text) {
        m_result->setText(QStringLiteral("<i>") + text.toHtmlEscaped() + QStringLiteral("</i>"));
    });
    connect(m_preflight, &Sip::Preflight::finished, this, &PreflightPanel::show);
}

bool PreflightPanel::isRunning() const
{
    return m_preflight->isRunning();
}

QString PreflightPanel::resultText() const
{
    return m_result->text();
}

void PreflightPanel::check()
{
    if (!m_lineProvider)
        return;
    Sip::Preflight::Options options;
    options.logLineId = m_logLineId;
    options.caCertificatesFile = m_caCertificatesFile;
    m_button->setEnabled(false);
    m_result->show();
    m_result->setText(tr("<i>Checking…</i>"));
    m_preflight->start(m_lineProvider(), options);
}

void PreflightPanel::show(const Sip::PreflightReport &report)
{
    m_button->setEnabled(true);
    const bool good =
        report.anyAnswered() && report.probe(report.lineTransport) && report.probe(report.lineTransport)->answered();
    const QColor colour = Theme::lightColor(good ? LineLight::Registered
                                                 : (report.anyAnswered() ? LineLight::Registering : LineLight::Failed));
    QString html =
        QStringLiteral(
            "<p style='margin:0'><span style='color:%1'>&#9679;</span> <b>%2</b></p><ul style='margin-top:2px'>")
            .arg(colour.name(), report.headline().toHtmlEscaped());
    for (const QString &finding : report.dnsFindings)
        html += QStringLiteral("<li>") + finding.toHtmlEscaped() + QStringLiteral("</li>");
    for (const Sip::PreflightProbe &probe : report.probes)
        html += QStringLiteral("<li>") + probe.describe().toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    m_result->setText(html);
    Q_EMIT checked(report);
}

} // namespace Gui
