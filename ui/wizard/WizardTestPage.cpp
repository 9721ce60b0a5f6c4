// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/wizard/WizardTestPage.h"

#include "sipcore/Diagnosis.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "ui/wizard/AccountWizard.h"
#include "ui/log/LogModel.h"
#include "ui/troubleshoot/PreflightPanel.h"
#include "app/core/RegistrationTrace.h"
#include "ui/troubleshoot/StepTrackerWidget.h"
#include "ui/theme/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QUuid>
#include <QVBoxLayout>

namespace Gui {

WizardTestPage::WizardTestPage(Sip::SipEngine *engine, QWidget *parent)
    : QWizardPage(parent), m_engine(engine), m_logModel(new LogModel(this)), m_logView(new QTreeView(this)),
      m_steps(new StepTrackerWidget(this)), m_result(new QLabel(this)),
      m_retry(new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Test again"), this)),
      m_preflight(new PreflightPanel(this))
{
    setObjectName(QStringLiteral("testPage"));
    setTitle(tr("Test registration"));
    setFinalPage(true);
    m_logModel->setMaxEntries(5000);

    m_result->setObjectName(QStringLiteral("testResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setMargin(8);
    m_result->setAutoFillBackground(true);
    m_retry->setObjectName(QStringLiteral("testAgainButton"));
    connect(m_retry, &QPushButton::clicked, this, &WizardTestPage::startTest);

    m_logView->setObjectName(QStringLiteral("testLogView"));
    m_logView->setModel(m_logModel);
    m_logView->setUniformRowHeights(true);
    m_logView->setRootIsDecorated(true);
    m_logView->setHeaderHidden(true);
    m_logView->hideColumn(LogModel::LineColumn);
    m_logView->hideColumn(LogModel::TimeColumn);
    m_logView->header()->setStretchLastSection(true);
    m_logView->header()->resizeSection(LogModel::DirectionColumn, 40);
    m_logView->header()->resizeSection(LogModel::PeerColumn, 150);

    auto *stepsArea = new QScrollArea(this);
    stepsArea->setWidget(m_steps);
    stepsArea->setWidgetResizable(true);
    stepsArea->setFrameShape(QFrame::NoFrame);
    stepsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(stepsArea);
    splitter->addWidget(m_logView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 170}); // the steps in full; the log below scrolls

    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_retry, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(resultRow);
    layout->addWidget(m_preflight);
    layout->addWidget(splitter, 1);

    m_preflight->setLineProvider([this] {
        const auto *accountWizard = qobject_cast<const AccountWizard *>(wizard());
        return accountWizard ? accountWizard->line() : Sip::LineConfig();
    });
    if (m_engine) {
        m_preflight->setEngine(m_engine);
        connect(m_engine, &Sip::SipEngine::registrationChanged, this, &WizardTestPage::onEvent);
        if (Sip::SipLog *log = m_engine->log()) {
            connect(log, &Sip::SipLog::entriesAdded, this, [this](const QList<Sip::LogEntry> &entries) {
                if (m_testLineId.isEmpty())
                    return;
                m_logModel->append(entries);
                m_logView->scrollToBottom();
                refreshSteps();
            });
        }
    }
}

WizardTestPage::~WizardTestPage()
{
    stopTest();
}

void WizardTestPage::initializePage()
{
    startTest();
}

void WizardTestPage::cleanupPage()
{
    stopTest();
}

bool WizardTestPage::isComplete() const
{
    return m_finished || !m_engine;
}

void WizardTestPage::startTest()
{
    stopTest();
    m_finished = false;
    m_lastEvent = {};
    m_logModel->clear();
    m_steps->setSteps({});
    const auto *accountWizard = qobject_cast<const AccountWizard *>(wizard());
    if (!m_engine || !accountWizard) {
        setSubTitle(tr("Testing is not available here; the line will register once it is saved."));
        m_result->setText(QString());
        m_retry->hide();
        Q_EMIT completeChanged();
        return;
    }
    Sip::LineConfig line = accountWizard->line();
    // The id shows in the log's Line column: say what it is.
    m_testLineId =
        QStringLiteral("test %1 #%2")
            .arg(Sip::Address::displayAddress(line), QUuid::createUuid().toString(QUuid::WithoutBraces).left(4));
    line.id = m_testLineId;
    LogFilter filter;
    filter.lineId = m_testLineId;
    m_logModel->setFilter(filter);
    setSubTitle(tr("Offhook registers %1 now, so you see at once whether the server accepts it.")
                    .arg(Sip::Address::displayAddress(line)));
    m_result->setText(tr("<b>Registering…</b>"));
    m_result->setBackgroundRole(QPalette::AlternateBase);
    m_retry->setEnabled(false);
    Q_EMIT completeChanged();
    m_engine->addLine(line);
}

void WizardTestPage::stopTest()
{
    if (m_testLineId.isEmpty() || !m_engine)
        return;
    m_engine->removeLine(m_testLineId);
    m_testLineId.clear();
}

void WizardTestPage::refreshSteps()
{
    if (!m_engine || !m_engine->log())
        return;
    m_steps->setSteps(RegistrationTrace::build(m_logModel->visibleEntries(), m_logModel->filter().lineId, m_lastEvent));
}

void WizardTestPage::onEvent(const Sip::RegistrationEvent &event)
{
    if (event.lineId != m_testLineId || m_testLineId.isEmpty())
        return;
    m_lastEvent = event;
    refreshSteps();
    const bool success = event.state == Sip::RegistrationState::Registered;
    const bool failure = Sip::isFailure(event.state);
    if (!success && !failure)
        return;
    m_finished = true;
    m_retry->setEnabled(true);
    QColor tint = Theme::lightColor(success ? LineLight::Registered : LineLight::Failed);
    tint.setAlpha(Theme::isDark() ? 70 : 40);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::Window, tint);
    m_result->setPalette(palette);
    m_result->setBackgroundRole(QPalette::Window);
    if (success) {
        m_result->setText(
            tr("<b>Registered.</b> The server accepted the line for %1 seconds. Choose Finish to keep it.")
                .arg(event.expiresSeconds));
    } else {
        Sip::Diagnosis::Context context;
        context.credentialsSent = event.failure == Sip::FailureKind::Authentication;
        context.algorithm = event.algorithm;
        QStringList checks = Sip::Diagnosis::checks(event.statusCode, context);
        const QString status =
            (event.statusCode ? QString::number(event.statusCode) + u' ' : QString()) + event.reasonPhrase;
        QString html =
            QStringLiteral("<b>") + tr("Not registered: %1").arg(status).toHtmlEscaped() + QStringLiteral("</b>");
        if (!event.diagnosis.isEmpty())
            html += QStringLiteral("<br>") + event.diagnosis.toHtmlEscaped();
        if (!checks.isEmpty()) {
            html += QStringLiteral("<ul style='margin-top:4px'>");
            for (const QString &check : checks)
                html += QStringLiteral("<li>") + check.toHtmlEscaped() + QStringLiteral("</li>");
            html += QStringLiteral("</ul>");
        }
        html += tr("Go <b>Back</b> to fix a field, or <b>Finish</b> to keep the line as it is.");
        m_result->setText(html);
        // No answer or no connection: find out at once what, if anything, answers, and on which transport.
        if (event.failure == Sip::FailureKind::Timeout || event.failure == Sip::FailureKind::Network)
            m_preflight->check();
    }
    Q_EMIT completeChanged();
}

} // namespace Gui
