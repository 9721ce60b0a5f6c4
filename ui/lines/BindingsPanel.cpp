// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/lines/BindingsPanel.h"

#include "sipcore/SipEngine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {
namespace {

constexpr int kContactRole = Qt::UserRole;
constexpr int kSelfRole = Qt::UserRole + 1;

} // namespace

BindingsPanel::BindingsPanel(Sip::SipEngine *engine, const QString &lineId, QWidget *parent)
    : QGroupBox(tr("Registered devices on this extension"), parent), m_engine(engine), m_lineId(lineId),
      m_list(new QTreeWidget(this)), m_status(new QLabel(this)), m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_remove(new QPushButton(tr("Re&move"), this)), m_removeOthers(new QPushButton(tr("Remove all &others…"), this))
{
    setObjectName(QStringLiteral("bindingsPanel"));
    m_list->setObjectName(QStringLiteral("bindingsList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Contact"), tr("Expires"), tr("q"), tr("Device")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setMinimumWidth(460);
    m_list->setMinimumHeight(90);
    m_status->setObjectName(QStringLiteral("bindingsStatus"));
    m_status->setWordWrap(true);
    m_refresh->setObjectName(QStringLiteral("refreshBindingsButton"));
    m_refresh->setToolTip(tr("Ask the server for the list again; this changes no registration"));
    m_remove->setObjectName(QStringLiteral("removeBindingButton"));
    m_remove->setToolTip(tr("Take the selected device's registration off the server (it registers again when it "
                            "refreshes, unless it is gone)"));
    m_removeOthers->setObjectName(QStringLiteral("removeOtherBindingsButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    buttons->addWidget(m_removeOthers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Asking the server…"));
        m_engine->queryBindings(m_lineId);
    });
    connect(m_remove, &QPushButton::clicked, this, &BindingsPanel::removeSelected);
    connect(m_removeOthers, &QPushButton::clicked, this, &BindingsPanel::removeOthers);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &BindingsPanel::updateButtons);
    connect(m_engine, &Sip::SipEngine::registrationChanged, this, &BindingsPanel::onRegistration);
    connect(m_engine, &Sip::SipEngine::bindingsListed, this, &BindingsPanel::onBindings);
    showBindings({});
    onRegistration(m_engine->lastEvent(m_lineId));
}

void BindingsPanel::showBindings(const QList<Sip::RegistrationBinding> &bindings)
{
    m_list->clear();
    int others = 0;
    for (const Sip::RegistrationBinding &binding : bindings) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, binding.contact);
        item->setText(1, tr("%1 s").arg(binding.expiresSeconds));
        item->setText(2, binding.q);
        item->setText(3, binding.self ? tr("This phone") : tr("Other device"));
        item->setData(0, kContactRole, binding.contact);
        item->setData(0, kSelfRole, binding.self);
        if (binding.self) {
            QFont font = item->font(0);
            font.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, font);
        } else {
            ++others;
        }
        if (!binding.instance.isEmpty())
            item->setToolTip(0, tr("Instance %1").arg(binding.instance));
    }
    if (bindings.isEmpty())
        m_status->setText(m_registered ? tr("The server listed no registrations.")
                                       : tr("Shown once the line is registered."));
    else if (others == 0)
        m_status->setText(tr("Only this phone is registered on this extension."));
    else
        m_status->setText(others == 1 ? tr("Another device is registered on this extension: calls may ring there "
                                           "too, or there instead of here.")
                                      : tr("%1 other devices are registered on this extension: calls may ring there "
                                           "too, or there instead of here.")
                                            .arg(others));
    updateButtons();
}

void BindingsPanel::onRegistration(const Sip::RegistrationEvent &event)
{
    if (event.lineId != m_lineId)
        return;
    m_registered = event.state == Sip::RegistrationState::Registered;
    if (m_registered || event.state == Sip::RegistrationState::Unregistered || Sip::isFailure(event.state))
        showBindings(m_registered ? event.bindings : QList<Sip::RegistrationBinding>{});
}

void BindingsPanel::onBindings(const Sip::BindingsEvent &event)
{
    if (event.lineId != m_lineId)
        return;
    if (!event.ok) {
        m_status->setText(event.diagnosis);
        return;
    }
    showBindings(event.bindings);
    if (!event.removed.isEmpty())
        m_status->setText((event.removed.size() == 1 ? tr("Removed one registration.")
                                                     : tr("Removed %1 registrations.").arg(event.removed.size())) +
                          QLatin1Char(' ') + m_status->text());
}

void BindingsPanel::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty() || selected.constFirst()->data(0, kSelfRole).toBool())
        return;
    m_status->setText(tr("Removing…"));
    m_engine->removeBindings(m_lineId, {selected.constFirst()->data(0, kContactRole).toString()});
}

void BindingsPanel::removeOthers()
{
    const QStringList others = otherContacts();
    if (others.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Offhook — Remove other registrations"),
                                others.size() == 1
                                    ? tr("Remove the registration of the other device on this extension? Calls then "
                                         "ring only here until it registers again.")
                                    : tr("Remove the registrations of the %1 other devices on this extension? Calls "
                                         "then ring only here until they register again.")
                                          .arg(others.size()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeOtherBindingsConfirmation"));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, others] {
        m_status->setText(tr("Removing…"));
        m_engine->removeBindings(m_lineId, others);
    });
    box->open();
}

void BindingsPanel::updateButtons()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    m_refresh->setEnabled(m_registered);
    m_remove->setEnabled(m_registered && !selected.isEmpty() && !selected.constFirst()->data(0, kSelfRole).toBool());
    m_removeOthers->setEnabled(m_registered && !otherContacts().isEmpty());
}

QStringList BindingsPanel::otherContacts() const
{
    QStringList others;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item->data(0, kSelfRole).toBool())
            others << item->data(0, kContactRole).toString();
    }
    return others;
}

} // namespace Gui
