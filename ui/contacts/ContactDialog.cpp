// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/contacts/ContactDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Gui {

ContactDialog::ContactDialog(QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_address(new QLineEdit(this)),
      m_busyLamp(new QCheckBox(tr("Also show when the contact's phone rings or is in a call (busy lamp)"), this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("contactDialog"));
    setWindowTitle(tr("Contact"));
    m_name->setObjectName(QStringLiteral("contactNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Reception"));
    m_address->setObjectName(QStringLiteral("contactAddressEdit"));
    m_address->setPlaceholderText(tr("Extension (1002) or address (1002@pbx.example.com)"));
    m_busyLamp->setObjectName(QStringLiteral("contactBusyLampCheck"));
    m_problem->setObjectName(QStringLiteral("contactProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(QString(), m_busyLamp);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_address, &QLineEdit::textChanged, this, &ContactDialog::validate);
    validate();
}

void ContactDialog::setContact(const Sip::WatchedContact &contact)
{
    m_contact = contact;
    m_name->setText(contact.name);
    m_address->setText(contact.uri);
    m_busyLamp->setChecked(contact.busyLamp);
    validate();
}

Sip::WatchedContact ContactDialog::contact() const
{
    Sip::WatchedContact result = m_contact;
    result.name = m_name->text().trimmed();
    result.uri = m_address->text().trimmed();
    result.presence = true;
    result.busyLamp = m_busyLamp->isChecked();
    return result;
}

QString ContactDialog::addressProblem(const QString &address)
{
    const QString trimmed = address.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the contact's extension or address.");
    static const QRegularExpression bad(QStringLiteral(R"([\s<>"])"));
    if (trimmed.contains(bad))
        return tr("An address cannot contain spaces, quotes or angle brackets.");
    QString rest = trimmed;
    rest.remove(QRegularExpression(QStringLiteral("^sips?:"), QRegularExpression::CaseInsensitiveOption));
    if (rest.startsWith(QLatin1Char('@')) || rest.endsWith(QLatin1Char('@')) || rest.count(QLatin1Char('@')) > 1)
        return tr("Write the address as EXTENSION or EXTENSION@SERVER.");
    return {};
}

void ContactDialog::validate()
{
    const QString problem = addressProblem(m_address->text());
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Gui
