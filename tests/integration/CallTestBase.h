// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/CallTypes.h"
#include "tests/support/KamailioServer.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <memory>

namespace App {
class CallMedia;
}
namespace Sip {
class CallService;
}

namespace Test {

class EngineHarness;
class SippProcess;

/// What the engine-level call tests share: the test Kamailio, a fresh engine per test function with line
/// "a" (1001) registered, its CallService and CallMedia on null audio devices, every call and transfer
/// event recorded, and sipp peers registered as other extensions. The test classes derive from it and
/// call these helpers from their own initTestCase/init/cleanup slots.
class CallTestBase : public QObject
{
protected:
    CallTestBase();
    ~CallTestBase() override;

    /// Starts Kamailio (no presence); call after checking the tools are there.
    bool startKamailio();
    void stopKamailio();
    /// New engine, services and line "a"; forgets the registrations of forgetExtensions first. With
    /// answerIncoming, every incoming call is answered through CallMedia. False when "a" did not register.
    bool setUpEngine(const QStringList &forgetExtensions = {QStringLiteral("1005")}, bool answerIncoming = true);
    /// Drops the engine; prints its log first when the test function failed.
    void tearDownEngine();

    /// Registers sipp as extension on a free port, then runs scenario there as a UAS. Another port is
    /// tried when the picked one was taken in between by another program ("Address already in use").
    bool startSippAs(const QString &extension, const QString &scenario, SippProcess &sipp,
                     const QMap<QString, QString> &keys = {});
    bool startSippCallee(const QString &scenario, SippProcess &callee, const QMap<QString, QString> &keys = {})
    {
        return startSippAs(QStringLiteral("1005"), scenario, callee, keys);
    }
    /// Runs scenario as a UAC registered as extension, calling target through Kamailio.
    bool startSippCaller(const QString &scenario, SippProcess &caller,
                         const QString &extension = QStringLiteral("1005"),
                         const QString &target = QStringLiteral("1001"));

    QList<Sip::CallState> states(const QString &callId) const;
    bool waitForState(const QString &callId, Sip::CallState state, int timeoutMs = 15000);
    Sip::CallEvent last(const QString &callId) const;

    KamailioServer m_kamailio;
    std::unique_ptr<EngineHarness> m_harness;
    std::unique_ptr<Sip::CallService> m_calls;
    std::unique_ptr<App::CallMedia> m_media;
    QList<Sip::CallEvent> m_events;
    QList<Sip::TransferEvent> m_transfers;
    int m_sippTimeoutSeconds = 40; ///< How long a sipp scenario may run
};

} // namespace Test
