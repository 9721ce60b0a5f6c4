// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/lines/LineDialog.h"

#include "sipcore/SipAddress.h"
#include "app/core/LineValidation.h"
#include "ui/theme/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gui {

LineDialog::LineDialog(const Sip::LineConfig &line, QWidget *parent)
    : QDialog(parent), m_original(line), m_displayName(new QLineEdit(line.displayName, this)),
      m_extension(new QLineEdit(line.extension, this)), m_server(new QLineEdit(line.server, this)),
      m_authUser(new QLineEdit(line.authUser, this)), m_password(new QLineEdit(line.password, this)),
      m_transport(new QComboBox(this)), m_port(new QSpinBox(this)),
      m_outboundProxy(new QLineEdit(line.outboundProxy, this)), m_expires(new QSpinBox(this)),
      m_keepalive(new QSpinBox(this)), m_enabled(new QCheckBox(tr("Register this line"), this)),
      m_audioOutput(new QComboBox(this)), m_address(new QLabel(this)), m_problems(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("lineDialog"));
    setWindowTitle(tr("Offhook — Line %1").arg(Sip::Address::displayAddress(line)));
    setModal(true);

    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setPlaceholderText(tr("Optional, shown to the people you call"));
    m_extension->setObjectName(QStringLiteral("extensionEdit"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_authUser->setObjectName(QStringLiteral("authUserEdit"));
    m_authUser->setPlaceholderText(tr("Same as the extension"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    QAction *reveal = m_password->addAction(Theme::icon(QStringLiteral("troubleshoot")), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the password"));
    connect(reveal, &QAction::toggled, this,
            [this](bool shown) { m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->addItem(QStringLiteral("UDP"), int(Sip::Transport::Udp));
    m_transport->addItem(QStringLiteral("TCP"), int(Sip::Transport::Tcp));
    m_transport->addItem(QStringLiteral("TLS"), int(Sip::Transport::Tls));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(int(line.transport))));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Automatic"));
    m_port->setValue(line.port);
    m_port->setToolTip(tr("Automatic uses the port in the server field, DNS SRV records, or 5060 (5061 for TLS)"));
    m_outboundProxy->setObjectName(QStringLiteral("outboundProxyEdit"));
    m_outboundProxy->setPlaceholderText(tr("None"));
    m_expires->setObjectName(QStringLiteral("expirySpin"));
    m_expires->setRange(10, 86400);
    m_expires->setSuffix(tr(" s"));
    m_expires->setValue(line.expiresSeconds);
    m_keepalive->setObjectName(QStringLiteral("keepaliveSpin"));
    m_keepalive->setRange(0, 3600);
    m_keepalive->setSuffix(tr(" s"));
    m_keepalive->setSpecialValueText(tr("Off"));
    m_keepalive->setValue(line.keepaliveSeconds);
    m_keepalive->setToolTip(tr("How often Offhook checks, while registered, that the server can still reach this "
                               "phone. Behind a NAT router this keeps its mapping open (routers forget it after "
                               "30 to 120 s without traffic, and calls stop arriving). Off = never."));
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    m_enabled->setChecked(line.enabled);

    QFont addressFont = m_address->font();
    addressFont.setBold(true);
    addressFont.setPointSizeF(addressFont.pointSizeF() * 1.15);
    m_address->setFont(addressFont);
    m_address->setObjectName(QStringLiteral("addressLabel"));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, Theme::lightColor(LineLight::Failed));
    m_problems->setPalette(problemPalette);

    auto *account = new QGroupBox(tr("Account"), this);
    auto *accountForm = new QFormLayout(account);
    accountForm->addRow(tr("&Extension:"), m_extension);
    accountForm->addRow(tr("SIP &server:"), m_server);
    accountForm->addRow(tr("&Auth User:"), m_authUser);
    accountForm->addRow(tr("&Password:"), m_password);
    accountForm->addRow(tr("&Display name:"), m_displayName);

    auto *network = new QGroupBox(tr("Connection"), this);
    auto *networkForm = new QFormLayout(network);
    networkForm->addRow(tr("&Transport:"), m_transport);
    networkForm->addRow(tr("P&ort:"), m_port);
    networkForm->addRow(tr("Outbound pro&xy:"), m_outboundProxy);
    networkForm->addRow(tr("E&xpiry:"), m_expires);
    networkForm->addRow(tr("&Keep-alive every:"), m_keepalive);
    networkForm->addRow(QString(), m_enabled);

    m_audioOutput->setObjectName(QStringLiteral("audioOutputCombo"));
    m_audioOutput->setAccessibleName(tr("Audio output for this line's calls"));
    m_audioOutput->setToolTip(tr("Calls on this line play on this device instead of the speaker chosen in the "
                                 "preferences. If it is not connected when a call starts, the preferences' "
                                 "speaker is used and a message says so."));
    setAudioOutputDevices({});
    auto *audio = new QGroupBox(tr("Audio"), this);
    auto *audioForm = new QFormLayout(audio);
    audioForm->addRow(tr("Audio o&utput:"), m_audioOutput);

    QPushButton *startOver = m_buttons->addButton(tr("Start over with the wizard…"), QDialogButtonBox::ResetRole);
    startOver->setObjectName(QStringLiteral("startOverButton"));
    startOver->setIcon(Theme::icon(QStringLiteral("wizard")));
    connect(startOver, &QPushButton::clicked, this, [this] {
        Q_EMIT startOverRequested();
        reject();
    });
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_address);
    layout->addWidget(account);
    layout->addWidget(network);
    layout->addWidget(audio);
    layout->addWidget(m_problems);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_displayName, m_extension, m_server, m_authUser, m_password, m_outboundProxy})
        connect(edit, &QLineEdit::textChanged, this, &LineDialog::validate);
    connect(m_expires, &QSpinBox::valueChanged, this, &LineDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &LineDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

void LineDialog::addSection(QWidget *section)
{
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    section->setParent(this);
    // Above the problems, the stretch and the buttons.
    layout->insertWidget(layout->indexOf(m_problems), section);
    resize(width(), sizeHint().height());
}

Sip::LineConfig LineDialog::line() const
{
    Sip::LineConfig line = m_original;
    line.displayName = m_displayName->text().trimmed();
    line.extension = m_extension->text();
    line.server = m_server->text().trimmed();
    line.authUser = m_authUser->text();
    line.password = m_password->text();
    line.transport = Sip::Transport(m_transport->currentData().toInt());
    line.port = quint16(m_port->value());
    line.outboundProxy = m_outboundProxy->text().trimmed();
    line.expiresSeconds = m_expires->value();
    line.keepaliveSeconds = m_keepalive->value();
    line.enabled = m_enabled->isChecked();
    line.audioOutputDevice = m_audioOutput->currentData().toString();
    return line;
}

void LineDialog::setAudioOutputDevices(const QStringList &names)
{
    const QString selected =
        m_audioOutput->count() > 0 ? m_audioOutput->currentData().toString() : m_original.audioOutputDevice;
    m_audioOutput->clear();
    m_audioOutput->addItem(tr("Default (from Preferences)"), QString());
    for (const QString &name : names) {
        if (!name.isEmpty())
            m_audioOutput->addItem(name, name);
    }
    int index = m_audioOutput->findData(selected);
    if (index < 0 && !selected.isEmpty()) {
        // A device that is unplugged now stays the line's choice unless the user picks another.
        m_audioOutput->addItem(tr("%1 (not connected)").arg(selected), selected);
        index = m_audioOutput->count() - 1;
    }
    m_audioOutput->setCurrentIndex(std::max(0, index));
}

QStringList LineDialog::problems() const
{
    QStringList problems;
    for (const QString &problem :
         {LineValidation::extensionProblem(m_extension->text()), LineValidation::serverProblem(m_server->text()),
          LineValidation::authUserProblem(m_authUser->text()), LineValidation::proxyProblem(m_outboundProxy->text()),
          LineValidation::expiryProblem(m_expires->value())}) {
        if (!problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

void LineDialog::validate()
{
    const QStringList problems = this->problems();
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problems.isEmpty());
    const Sip::HostPort server = Sip::HostPort::parse(m_server->text());
    m_address->setText(m_extension->text().isEmpty() || !server.valid ? tr("New address")
                                                                      : m_extension->text() + u'@' + server.host);
}

} // namespace Gui
