// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/RegistrationSession.h"

#include "sipcore/Diagnosis.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"
#include "sipcore/internal/RegistrationBindings.h"

#include "sipcore/internal/SipMessageText.h"

namespace Sip::Internal {
RegistrationSession::RegistrationSession(EngineThread &engine, const QString &lineId, Report report)
    : SessionCore(engine, LineContext::named(lineId)), m_report(std::move(report))
{
}

void RegistrationSession::start(const LineContext &line, const RegistrationRequest &request)
{
    releaseHandle();
    m_request = request;
    m_registered = false;
    m_unregistering = false;
    m_auth = ChallengeResponder();
    engine().clearTransportError();
    m_line = line;
    if (!openHandle(m_line.addressOfRecord)) {
        report(RegistrationState::NetworkFailed, 900, QStringLiteral("Internal error"),
               QStringLiteral("The SIP stack could not create a request handle."), FailureKind::Other);
        return;
    }
    step(QStringLiteral("Registering %1 at %2 via %3 (expires %4 s)")
             .arg(QString::fromUtf8(m_line.addressOfRecord), QString::fromUtf8(request.registrarUri),
                  request.peerDescription, QString::fromUtf8(request.expires)));
    // RFC 5626: the same instance after a restart replaces our stale binding instead of adding one.
    const QByteArray features = m_line.instance.isEmpty() ? QByteArray() : "+sip.instance=\"" + m_line.instance + "\"";
    // Keep-alives (per line): Sofia's outbound engine sends an OPTIONS to our own address-of-record with
    // Max-Forwards: 0 (the registrar answers it itself) every interval, over UDP, TCP and TLS alike, plus a
    // CRLF ping on TCP/TLS connections. Each keeps the NAT mapping open; one that gets no answer at all
    // raises nua_i_outbound.
    // natify is off: Sofia's NAT re-REGISTER sends the new public Contact and the old private one with
    // expires=0, both with our +sip.instance, and a registrar that matches bindings by instance (Kamailio)
    // then removes the binding it just added. Hosted PBXes fix NATed Contacts themselves (received/rport,
    // nathelper, Asterisk's nat=force_rport); Offhook reports the NAT it sees (natView) and keeps the
    // mapping open.
    const bool keepalive = m_line.keepaliveSeconds > 0;
    const unsigned keepaliveMs = keepalive ? static_cast<unsigned>(m_line.keepaliveSeconds) * 1000U : 0U;
    if (keepalive)
        step(QStringLiteral("Keep-alives every %1 s while registered").arg(m_line.keepaliveSeconds));
    nua_register(handle(), NUTAG_REGISTRAR(request.registrarUri.constData()),
                 NUTAG_M_USERNAME(m_line.contactUser.constData()),
                 TAG_IF(!m_line.displayName.isEmpty(), NUTAG_M_DISPLAY(m_line.displayName.constData())),
                 TAG_IF(!features.isEmpty(), NUTAG_M_FEATURES(features.constData())),
                 NUTAG_OUTBOUND(keepalive ? "no-natify no-validate options-keepalive"
                                          : "no-natify no-validate no-options-keepalive"),
                 NUTAG_KEEPALIVE(keepaliveMs), NUTAG_KEEPALIVE_STREAM(keepaliveMs),
                 SIPTAG_EXPIRES_STR(request.expires.constData()), TAG_END());
    report(RegistrationState::Registering);
}

void RegistrationSession::stop()
{
    if (!hasHandle()) {
        report(RegistrationState::Unregistered);
        return;
    }
    if (m_registered && !m_unregistering) {
        m_unregistering = true;
        m_auth.reset();
        step(QStringLiteral("Unregistering %1 (Expires: 0)").arg(QString::fromUtf8(m_line.addressOfRecord)));
        nua_unregister(handle(), TAG_END());
        report(RegistrationState::Unregistering);
        return;
    }
    if (!m_unregistering) {
        releaseHandle();
        report(RegistrationState::Unregistered);
    }
}

void RegistrationSession::abort(const QString &why)
{
    if (!hasHandle())
        return;
    step(why, true);
    releaseHandle();
    m_registered = false;
}

QByteArray RegistrationSession::ownContact() const
{
    return engine().lastSentContact(sipCallId());
}

bool RegistrationSession::isBusy() const
{
    return hasHandle() && m_unregistering;
}

void RegistrationSession::onNuaEvent(const NuaEvent &event)
{
    if (!owns(event))
        return;
    switch (event.event) {
    case nua_r_register:
        onRegisterResult(event);
        break;
    case nua_r_unregister:
        onUnregisterResult(event);
        break;
    case nua_r_authenticate:
        onAuthenticateResult(event);
        break;
    case nua_i_outbound:
        onOutbound(event);
        break;
    default:
        break;
    }
}

void RegistrationSession::onRegisterResult(const NuaEvent &event)
{
    if (event.status < 200) {
        // 100 = Sofia restarted the request itself (cached auth, 423 Min-Expires, NAT detected, redirect).
        if (event.sip && event.sip->sip_status) {
            const int real = event.sip->sip_status->st_status;
            step(QStringLiteral("recv %1 %2; %3")
                     .arg(real)
                     .arg(QString::fromUtf8(event.sip->sip_status->st_phrase ? event.sip->sip_status->st_phrase : ""))
                     .arg(real == 401 || real == 407 ? QStringLiteral("Retrying REGISTER with cached authentication")
                                                     : QStringLiteral("REGISTER restarted: %1").arg(phraseOf(event))));
        }
        return;
    }
    if (event.status < 300) {
        onRegistered(event);
        return;
    }
    if ((event.status == 401 || event.status == 407) && retryWithCredentials(event))
        return;
    Diagnosis::Context context;
    context.credentialsSent = m_auth.answered();
    context.proxyChallenge = event.status == 407;
    context.stackGenerated = stackGenerated(event.status);
    context.algorithm = m_auth.algorithm();
    if (context.stackGenerated)
        context.detail = engine().lastTransportError();
    FailureKind kind = Diagnosis::classify(event.status, context);
    RegistrationState state = RegistrationState::Rejected;
    if (kind == FailureKind::Authentication)
        state = RegistrationState::AuthFailed;
    else if (kind == FailureKind::Timeout)
        state = RegistrationState::TimedOut;
    else if (kind == FailureKind::Network)
        state = RegistrationState::NetworkFailed;
    fail(event, state, kind, Diagnosis::explain(event.status, phraseOf(event), context));
}

void RegistrationSession::onRegistered(const NuaEvent &event)
{
    const bool refresh = m_registered;
    m_auth.reset(); // a later refresh may be challenged anew and answered once again
    int expires = m_request.expires.toInt();
    if (event.sip && event.sip->sip_expires)
        expires = static_cast<int>(event.sip->sip_expires->ex_delta);
    const QByteArray ourContact = ownContact();
    const RegistrationBindings bindings = RegistrationBindings::read(event.sip, ourContact, expires);
    const RegistrationBinding *own = bindings.own();
    const QString aor = QString::fromUtf8(m_line.addressOfRecord);
    if (!own && !bindings.bindings.isEmpty()) {
        // The registrar answered 2xx but does not keep our Contact: incoming calls would never arrive.
        QStringList listed;
        for (const RegistrationBinding &binding : bindings.bindings)
            listed << binding.contact;
        const QString diagnosis =
            refresh
                // Ours was there at the last answer: another device registered since and took its place.
                ? QStringLiteral("Another device registered on %1 (%2) and the server replaced this phone's "
                                 "registration with it: it keeps one binding per extension, so calls now ring "
                                 "there. Unregister the other device, or ask the provider for more registrations "
                                 "on this extension.")
                      .arg(aor, listed.join(QStringLiteral(", ")))
                : QStringLiteral("The server answered %1 %2 but its list of bindings for %3 does not include this "
                                 "phone (sent %4; listed %5), so calls would not reach Offhook. The server may "
                                 "rewrite Contacts or keep only another device's binding.")
                      .arg(event.status)
                      .arg(phraseOf(event), aor, QString::fromUtf8(ourContact), listed.join(QStringLiteral(", ")));
        fail(event, RegistrationState::Rejected, FailureKind::Rejected, diagnosis);
        return;
    }
    m_registered = true;
    if (own)
        expires = own->expiresSeconds;
    else
        step(QStringLiteral("The server listed no bindings in its %1; assuming %2 s").arg(event.status).arg(expires));
    m_expiresGranted = expires;
    m_contact = own ? own->contact : QString();
    const NatView nat = natView(event);
    step(refresh ? QStringLiteral("Registration of %1 refreshed (expires %2 s)").arg(aor).arg(expires)
                 : QStringLiteral("REGISTER succeeded for %1 (expires %2 s)").arg(aor).arg(expires));
    if (bindings.bindings.size() > 1)
        step(QStringLiteral("%1 has %2 bindings: %3 other device(s) registered on the same extension")
                 .arg(aor)
                 .arg(bindings.bindings.size())
                 .arg(bindings.bindings.size() - 1));
    RegistrationEvent registered = newEvent(RegistrationState::Registered, event.status, phraseOf(event));
    registered.expiresSeconds = expires;
    registered.contact = m_contact;
    registered.bindings = bindings.bindings;
    registered.localAddress = nat.localAddress;
    registered.publicAddress = nat.publicAddress;
    registered.diagnosis = QStringLiteral("Registered; the server keeps this binding for %1 s and Offhook "
                                          "refreshes it before then.")
                               .arg(expires);
    if (const qsizetype others = bindings.bindings.size() - (own ? 1 : 0); others > 0)
        registered.diagnosis +=
            others == 1 ? QStringLiteral(" Another device is registered on this extension too: calls may ring there "
                                         "as well, or there instead of here.")
                        : QStringLiteral(" %1 other devices are registered on this extension too: calls may ring "
                                         "there as well, or there instead of here.")
                              .arg(others);
    if (nat.behindNat()) {
        const QString note = natNote(nat);
        step(note, m_line.keepaliveSeconds == 0);
        registered.diagnosis += QLatin1Char(' ') + note;
    }
    m_report(m_request.attempt, registered);
}

void RegistrationSession::onOutbound(const NuaEvent &event)
{
    if (event.status < 300 || !m_registered || m_unregistering) {
        step(QStringLiteral("Outbound: %1 %2").arg(event.status).arg(phraseOf(event)));
        return;
    }
    // A keep-alive that got no answer (or an error): the server or the NAT mapping may be gone while the
    // line still looks registered. Register again now instead of waiting for the refresh.
    step(QStringLiteral("Keep-alive to %1 failed (%2 %3): the server could not be reached through this "
                        "connection; registering again")
             .arg(QString::fromUtf8(m_line.addressOfRecord))
             .arg(event.status)
             .arg(phraseOf(event)),
         true);
    nua_register(handle(), SIPTAG_EXPIRES_STR(m_request.expires.constData()), TAG_END());
    m_report(m_request.attempt, newEvent(RegistrationState::Registering, event.status, phraseOf(event)));
}

bool RegistrationSession::retryWithCredentials(const NuaEvent &event)
{
    if (answerChallenge(event, QStringLiteral("REGISTER")) != ChallengeResponder::Outcome::Answered)
        return false;
    m_report(m_request.attempt, newEvent(RegistrationState::Authenticating, event.status, phraseOf(event)));
    return true;
}

QString RegistrationSession::natNote(const NatView &nat) const
{
    if (m_line.keepaliveSeconds > 0)
        return QStringLiteral("Behind NAT: the server sees you as %1, you sent from %2; keep-alives every %3 s keep "
                              "the line reachable.")
            .arg(nat.publicAddress, nat.localAddress)
            .arg(m_line.keepaliveSeconds);
    return QStringLiteral("Behind NAT: the server sees you as %1, you sent from %2, and keep-alives are off: when "
                          "the router forgets the mapping (often after 30 to 120 s without traffic), calls to you "
                          "stop arriving. Turn keep-alives on in the line's advanced settings.")
        .arg(nat.publicAddress, nat.localAddress);
}

RegistrationSession::NatView RegistrationSession::natView(const NuaEvent &event)
{
    // The response's top Via is our own, as the server received it: sent-by is what we wrote, received/rport
    // what the server saw (RFC 3581). They differ behind NAT.
    NatView view;
    if (!event.sip || !event.sip->sip_via || !event.sip->sip_via->v_host)
        return view;
    const sip_via_t *via = event.sip->sip_via;
    const QString sentHost = QString::fromUtf8(via->v_host);
    const QString sentPort = via->v_port ? QString::fromUtf8(via->v_port) : QStringLiteral("5060");
    const QString seenHost = via->v_received && *via->v_received ? QString::fromUtf8(via->v_received) : sentHost;
    const QString seenPort = via->v_rport && *via->v_rport ? QString::fromUtf8(via->v_rport) : sentPort;
    auto join = [](const QString &host, const QString &port) {
        return host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
                   ? QStringLiteral("[%1]:%2").arg(host, port)
                   : QStringLiteral("%1:%2").arg(host, port);
    };
    view.localAddress = join(sentHost, sentPort);
    view.publicAddress = join(seenHost, seenPort);
    if (view.publicAddress == view.localAddress)
        view.publicAddress.clear();
    return view;
}

void RegistrationSession::onAuthenticateResult(const NuaEvent &event)
{
    // Only failed nua_authenticate() calls report here: 202 nothing to restart, 904 no matching challenge.
    Diagnosis::Context context;
    context.credentialsSent = true;
    const QString algorithm = m_auth.algorithm();
    if (!algorithm.isEmpty() && algorithm.compare(QLatin1String("MD5"), Qt::CaseInsensitive) != 0 &&
        algorithm.compare(QLatin1String("MD5-sess"), Qt::CaseInsensitive) != 0)
        context.algorithm = algorithm;
    const QString diagnosis =
        context.algorithm.isEmpty()
            ? QStringLiteral("The SIP stack could not apply the credentials to the server's challenge (%1 %2).")
                  .arg(event.status)
                  .arg(phraseOf(event))
            : Diagnosis::explain(401, QString(), context);
    fail(event, RegistrationState::AuthFailed, FailureKind::Authentication, diagnosis);
}

void RegistrationSession::onUnregisterResult(const NuaEvent &event)
{
    if (event.status < 200)
        return;
    if ((event.status == 401 || event.status == 407) && retryWithCredentials(event))
        return;
    m_registered = false;
    m_unregistering = false;
    if (event.status < 300)
        step(QStringLiteral("Unregistered %1").arg(QString::fromUtf8(m_line.addressOfRecord)));
    else
        step(QStringLiteral("un-REGISTER of %1 failed (status code: %2 %3); the server drops the binding when "
                            "it expires")
                 .arg(QString::fromUtf8(m_line.addressOfRecord))
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
    releaseHandle();
    report(RegistrationState::Unregistered, event.status, phraseOf(event));
}

void RegistrationSession::fail(const NuaEvent &event, RegistrationState state, FailureKind kind,
                               const QString &diagnosis)
{
    const QString aor = QString::fromUtf8(m_line.addressOfRecord);
    if (m_registered)
        step(QStringLiteral("Registration refresh failed for %1 (status code: %2)").arg(aor).arg(event.status), true);
    step(QStringLiteral("REGISTER failed for %1 (status code: %2): %3").arg(aor).arg(event.status).arg(diagnosis),
         true);
    m_registered = false;
    m_unregistering = false;
    releaseHandle();
    report(state, event.status, phraseOf(event), diagnosis, kind);
}

void RegistrationSession::report(RegistrationState state, int status, const QString &phrase, const QString &diagnosis,
                                 FailureKind kind)
{
    RegistrationEvent event = newEvent(state, status, phrase);
    event.failure = kind;
    event.diagnosis = diagnosis;
    m_report(m_request.attempt, event);
}

RegistrationEvent RegistrationSession::newEvent(RegistrationState state, int status, const QString &phrase) const
{
    RegistrationEvent event;
    event.lineId = lineId();
    event.state = state;
    event.statusCode = status;
    event.reasonPhrase = phrase;
    event.realm = m_auth.realm();
    event.algorithm = m_auth.algorithm();
    event.timestamp = QDateTime::currentDateTimeUtc();
    return event;
}

} // namespace Sip::Internal
