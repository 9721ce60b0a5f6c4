// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/troubleshoot/TroubleshooterDialog.h"

#include "ui/lines/BindingsPanel.h"
#include "sipcore/Diagnosis.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "sipcore/SipLog.h"
#include "app/core/CredentialMasking.h"
#include "ui/troubleshoot/LadderView.h"
#include "ui/lines/LineListModel.h"
#include "app/core/LogExport.h"
#include "ui/troubleshoot/PreflightPanel.h"
#include "app/core/RegistrationTrace.h"
#include "ui/troubleshoot/StepTrackerWidget.h"
#include "ui/theme/Theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

TroubleshooterDialog::TroubleshooterDialog(Sip::SipEngine *engine, const Sip::LineConfig &line, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_line(line), m_light(new QLabel(this)), m_title(new QLabel(this)),
      m_state(new QLabel(this)), m_diagnosis(new QLabel(this)), m_checks(new QListWidget(this)),
      m_steps(new StepTrackerWidget(this)), m_ladder(new LadderView(this)), m_message(new QPlainTextEdit(this)),
      m_refreshTimer(new QTimer(this)), m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("troubleshooter"));
    setWindowTitle(tr("Offhook — Troubleshoot %1").arg(Sip::Address::displayAddress(line)));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setText(Sip::Address::displayAddress(line));
    m_state->setObjectName(QStringLiteral("troubleshooterState"));
    m_diagnosis->setObjectName(QStringLiteral("diagnosisLabel"));
    m_diagnosis->setWordWrap(true);
    m_diagnosis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checks->setObjectName(QStringLiteral("checksList"));
    m_checks->setWordWrap(true);
    m_checks->setFrameShape(QFrame::NoFrame);
    m_checks->setBackgroundRole(QPalette::Window);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    m_checks->setFocusPolicy(Qt::NoFocus);
    m_message->setObjectName(QStringLiteral("rawMessageView"));
    m_message->setReadOnly(true);
    m_message->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_message->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message->setPlaceholderText(tr("Click an arrow in the diagram to see its message."));

    auto *header = new QHBoxLayout;
    header->addWidget(m_light);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_state);
    header->addLayout(titles, 1);

    auto *stepsBox = new QGroupBox(tr("Last registration"), this);
    auto *stepsScroll = new QScrollArea(stepsBox);
    stepsScroll->setWidget(m_steps);
    stepsScroll->setWidgetResizable(true);
    stepsScroll->setFrameShape(QFrame::NoFrame);
    stepsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *stepsLayout = new QVBoxLayout(stepsBox);
    stepsLayout->addWidget(stepsScroll);

    auto *diagnosisBox = new QGroupBox(tr("What to check"), this);
    auto *diagnosisLayout = new QVBoxLayout(diagnosisBox);
    diagnosisLayout->addWidget(m_diagnosis);
    diagnosisLayout->addWidget(m_checks, 1);
    // On demand: does the server answer at all, and on which transport?
    auto *preflight = new PreflightPanel(diagnosisBox);
    preflight->setEngine(m_engine);
    preflight->setLineProvider([this] { return m_line; });
    diagnosisLayout->addWidget(preflight);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(stepsBox);
    left->addWidget(diagnosisBox);
    // The steps of the attempt come first: room for five of them without scrolling.
    left->setSizes({400, 260});
    // Other devices on the extension explain calls that ring elsewhere (or not here).
    if (m_engine) {
        left->addWidget(new BindingsPanel(m_engine, m_line.id, left));
        left->setSizes({400, 260, 160});
    }

    auto *ladderBox = new QGroupBox(tr("Ladder diagram"), this);
    auto *ladderScroll = new QScrollArea(ladderBox);
    ladderScroll->setWidget(m_ladder);
    ladderScroll->setWidgetResizable(true);
    auto *ladderLayout = new QVBoxLayout(ladderBox);
    ladderLayout->addWidget(ladderScroll);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(ladderBox);
    right->addWidget(m_message);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({430, 650});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *registerButton = buttons->addButton(tr("Register again"), QDialogButtonBox::ActionRole);
    registerButton->setIcon(Theme::icon(QStringLiteral("refresh")));
    registerButton->setObjectName(QStringLiteral("registerAgainButton"));
    QPushButton *editButton = buttons->addButton(tr("Edit line…"), QDialogButtonBox::ActionRole);
    editButton->setIcon(Theme::icon(QStringLiteral("edit")));
    QPushButton *exportText = buttons->addButton(tr("Export text…"), QDialogButtonBox::ActionRole);
    exportText->setIcon(Theme::icon(QStringLiteral("export")));
    exportText->setObjectName(QStringLiteral("exportTextButton"));
    QPushButton *exportPcap = buttons->addButton(tr("Export pcapng…"), QDialogButtonBox::ActionRole);
    exportPcap->setIcon(Theme::icon(QStringLiteral("export")));
    exportPcap->setObjectName(QStringLiteral("exportPcapngButton"));
    exportPcap->setToolTip(
        tr("For Wireshark or sngrep; credentials are masked unless you turned masking off in the log pane"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(registerButton, &QPushButton::clicked, this, &TroubleshooterDialog::registerNowRequested);
    connect(editButton, &QPushButton::clicked, this, &TroubleshooterDialog::editLineRequested);
    connect(exportText, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(exportPcap, &QPushButton::clicked, this, [this] { exportAs(true); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(main, 1);
    layout->addWidget(buttons);

    connect(m_ladder, &LadderView::messageSelected, this, &TroubleshooterDialog::showMessage);
    // Coalesce bursts of log batches into one refresh.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &TroubleshooterDialog::refresh);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &TroubleshooterDialog::updateHeader);
    m_countdownTimer->start();
    if (m_engine) {
        connect(m_engine, &Sip::SipEngine::registrationChanged, this, [this](const Sip::RegistrationEvent &event) {
            if (event.lineId == m_line.id)
                m_refreshTimer->start();
        });
        if (Sip::SipLog *log = m_engine->log())
            connect(log, &Sip::SipLog::entriesAdded, m_refreshTimer, qOverload<>(&QTimer::start));
    }
    refresh();
    resize(1100, 720);
}

QList<Sip::LogEntry> TroubleshooterDialog::lineEntries() const
{
    QList<Sip::LogEntry> result;
    if (!m_engine || !m_engine->log())
        return result;
    for (const Sip::LogEntry &entry : m_engine->log()->snapshot()) {
        if (entry.lineId == m_line.id)
            result.append(entry);
    }
    return result;
}

void TroubleshooterDialog::refresh()
{
    if (m_engine)
        m_event = m_engine->lastEvent(m_line.id);
    const QList<Sip::LogEntry> entries = lineEntries();
    m_steps->setSteps(RegistrationTrace::build(entries, m_line.id, m_event));
    const int selected = m_ladder->selectedArrow();
    m_ladder->setDiagram(LadderDiagram::build(RegistrationTrace::lastAttempt(entries, m_line.id)));
    // Keep the user's choice; otherwise show the last message, the one the attempt ended with.
    m_ladder->selectArrow(selected >= 0 ? selected : int(m_ladder->diagram().arrows.size()) - 1);

    Sip::Diagnosis::Context context;
    context.credentialsSent = m_event.failure == Sip::FailureKind::Authentication;
    context.proxyChallenge = m_event.statusCode == 407;
    context.algorithm = m_event.algorithm;
    m_checks->clear();
    if (Sip::isFailure(m_event.state)) {
        m_diagnosis->setText(m_event.diagnosis.isEmpty()
                                 ? Sip::Diagnosis::explain(m_event.statusCode, m_event.reasonPhrase, context)
                                 : m_event.diagnosis);
        for (const QString &check : Sip::Diagnosis::checks(m_event.statusCode, context))
            new QListWidgetItem(Theme::icon(QStringLiteral("troubleshoot")), check, m_checks);
    } else if (m_event.state == Sip::RegistrationState::Registered) {
        m_diagnosis->setText(tr("The line is registered: the server accepts calls for it. Nothing to check."));
    } else {
        m_diagnosis->setText(tr("The line has no result yet."));
    }
    updateHeader();
}

void TroubleshooterDialog::updateHeader()
{
    const LineLight light = LineListModel::lightFor(m_line, m_event);
    m_light->setPixmap(Theme::lightIcon(light).pixmap(22, 22));
    QString state = LineListModel::stateText(m_line, m_event);
    const QString retry = RegistrationTrace::retryText(m_event, QDateTime::currentDateTimeUtc());
    if (!retry.isEmpty())
        state = state.section(QStringLiteral(" · "), 0, 0) + QStringLiteral(" — ") + retry;
    m_state->setText(state);
}

void TroubleshooterDialog::showMessage(quint64 sequence)
{
    for (const Sip::LogEntry &entry : lineEntries()) {
        if (entry.sequence == sequence) {
            const QByteArray raw = m_mask ? maskCredentials(entry.raw) : entry.raw;
            m_message->setPlainText(
                QStringLiteral("%1 %2 %3\n\n")
                    .arg(entry.timestamp.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                         entry.kind == Sip::LogEntry::Kind::Sent ? tr("sent to") : tr("received from"),
                         entry.transport.toUpper() + u' ' + entry.peer) +
                QString::fromUtf8(raw));
            return;
        }
    }
}

bool TroubleshooterDialog::exportTo(const QString &path)
{
    QString error;
    if (LogExport::saveToFile(path, lineEntries(), m_mask, &error))
        return true;
    QMessageBox::warning(this, tr("Offhook — Export failed"),
                         tr("The log could not be written to %1:\n%2").arg(QDir::toNativeSeparators(path), error));
    return false;
}

void TroubleshooterDialog::exportAs(bool pcapng)
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base =
        QStringLiteral("offhook-%1-%2")
            .arg(m_line.extension, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        this, pcapng ? tr("Offhook — Export pcapng") : tr("Offhook — Export log"),
        QDir(directory).filePath(base + (pcapng ? QStringLiteral(".pcapng") : QStringLiteral(".txt"))),
        pcapng ? tr("Packet capture (*.pcapng)") : tr("Text log (*.txt)"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace Gui
