// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/RegistrationState.h"
#include "sipcore/internal/SessionCore.h"

#include <functional>

namespace Sip::Internal {

/// One REGISTER about the extension's other bindings, on a handle of its own (RFC 3261 10.2): a query
/// (no Contact: the registrar lists every binding and changes none) or a removal (the given Contacts with
/// Expires: 0). Challenged like any REGISTER; reports the registrar's list once and is done. Engine thread
/// only.
class BindingSession : public SessionCore
{
public:
    using Report = std::function<void(const BindingsEvent &)>;

    /// ownContact: our registration's Contact, to mark our binding in the list.
    BindingSession(EngineThread &engine, const LineContext &line, QByteArray ownContact, Report report);

    void query(const QByteArray &registrarUri);
    void remove(const QByteArray &registrarUri, const QStringList &contacts);
    bool isFinished() const { return m_finished; }

    void onNuaEvent(const NuaEvent &event) override;

private:
    void finish(const NuaEvent &event, bool ok, const QString &diagnosis);

    QByteArray m_ownContact;
    Report m_report;
    QStringList m_removing;
    bool m_finished = false;
};

} // namespace Sip::Internal
