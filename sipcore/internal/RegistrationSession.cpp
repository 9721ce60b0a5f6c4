// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/internal/RegistrationSession.h"

#include "sipcore/Diagnosis.h"
#include "sipcore/SipLog.h"
#include "sipcore/internal/EngineThread.h"

#include <QRandomGenerator>

namespace Sip::Internal {
namespace {

QByteArray newCallId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex() + "@offhook";
}

QString phraseOf(const NuaEvent &event)
{
    return QString::fromUtf8(event.phrase ? event.phrase : "");
}

} // namespace

RegistrationSession::RegistrationSession(EngineThread &engine, QString lineId)
    : m_engine(engine)
    , m_lineId(std::move(lineId))
{
}

RegistrationSession::~RegistrationSession()
{
    releaseHandle();
}

void RegistrationSession::start(const RegistrationRequest &request)
{
    releaseHandle();
    m_request = request;
    m_registered = false;
    m_unregistering = false;
    m_auth = ChallengeResponder();
    m_callId = newCallId();
    m_engine.clearTransportError();
    m_engine.attributeCallId(m_callId, m_lineId);

    const QByteArray to = "<" + request.addressOfRecord + ">";
    const QByteArray from = request.displayName.isEmpty()
                                ? to
                                : "\"" + QByteArray(request.displayName).replace('"', "'") + "\" " + to;
    m_handle = nua_handle(m_engine.nua(), this, NUTAG_PROXY(request.nextHopUri.constData()),
                          SIPTAG_TO_STR(to.constData()), SIPTAG_FROM_STR(from.constData()),
                          SIPTAG_CALL_ID_STR(m_callId.constData()), TAG_END());
    if (!m_handle) {
        report(RegistrationState::NetworkFailed, 900, QStringLiteral("Internal error"),
               QStringLiteral("The SIP stack could not create a request handle."), FailureKind::Other);
        return;
    }
    step(QStringLiteral("Registering %1 at %2 via %3 (expires %4 s)")
             .arg(QString::fromUtf8(request.addressOfRecord), QString::fromUtf8(request.registrarUri),
                  request.peerDescription, QString::fromUtf8(request.expires)));
    nua_register(m_handle, NUTAG_REGISTRAR(request.registrarUri.constData()),
                 NUTAG_M_USERNAME(request.contactUser.constData()),
                 TAG_IF(!request.displayName.isEmpty(), NUTAG_M_DISPLAY(request.displayName.constData())),
                 SIPTAG_EXPIRES_STR(request.expires.constData()), TAG_END());
    report(RegistrationState::Registering);
}

void RegistrationSession::stop()
{
    if (!m_handle) {
        report(RegistrationState::Unregistered);
        return;
    }
    if (m_registered && !m_unregistering) {
        m_unregistering = true;
        m_auth.reset();
        step(QStringLiteral("Unregistering %1 (Expires: 0)").arg(QString::fromUtf8(m_request.addressOfRecord)));
        nua_unregister(m_handle, TAG_END());
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
    if (!m_handle)
        return;
    step(why, true);
    releaseHandle();
    m_registered = false;
}

bool RegistrationSession::isBusy() const
{
    return m_handle && m_unregistering;
}

void RegistrationSession::onNuaEvent(const NuaEvent &event)
{
    if (event.handle != m_handle)
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
        step(QStringLiteral("Outbound: %1 %2").arg(event.status).arg(phraseOf(event)));
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
        const bool refresh = m_registered;
        m_registered = true;
        m_auth.reset(); // a later refresh may be challenged anew and answered once again
        int expires = m_request.expires.toInt();
        QString contact;
        if (event.sip) {
            if (event.sip->sip_expires)
                expires = static_cast<int>(event.sip->sip_expires->ex_delta);
            for (const sip_contact_t *item = event.sip->sip_contact; item; item = item->m_next) {
                if (item->m_url->url_user && m_request.contactUser == item->m_url->url_user) {
                    if (item->m_expires)
                        expires = QByteArray(item->m_expires).toInt();
                    su_home_t home[1] = {SU_HOME_INIT(home)};
                    char *text = url_as_string(home, item->m_url);
                    contact = QString::fromUtf8(text ? text : "");
                    su_home_deinit(home);
                    break;
                }
            }
        }
        m_expiresGranted = expires;
        m_contact = contact;
        step(refresh ? QStringLiteral("Registration of %1 refreshed (expires %2 s)")
                           .arg(QString::fromUtf8(m_request.addressOfRecord))
                           .arg(expires)
                     : QStringLiteral("REGISTER succeeded for %1 (expires %2 s)")
                           .arg(QString::fromUtf8(m_request.addressOfRecord))
                           .arg(expires));
        RegistrationEvent registered;
        registered.state = RegistrationState::Registered;
        registered.statusCode = event.status;
        registered.reasonPhrase = phraseOf(event);
        registered.expiresSeconds = expires;
        registered.contact = contact;
        registered.diagnosis = QStringLiteral("Registered; the server keeps this binding for %1 s and Offhook "
                                              "refreshes it before then.")
                                   .arg(expires);
        registered.realm = m_auth.realm();
        registered.algorithm = m_auth.algorithm();
        registered.lineId = m_lineId;
        registered.timestamp = QDateTime::currentDateTimeUtc();
        m_engine.reportRegistration(m_lineId, m_request.attempt, registered);
        return;
    }
    if ((event.status == 401 || event.status == 407) && answerChallenge(event))
        return;
    Diagnosis::Context context;
    context.credentialsSent = m_auth.answered();
    context.proxyChallenge = event.status == 407;
    context.stackGenerated = stackGenerated(event);
    context.algorithm = m_auth.algorithm();
    if (context.stackGenerated)
        context.detail = m_engine.lastTransportError();
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

bool RegistrationSession::answerChallenge(const NuaEvent &event)
{
    const ChallengeResponder::Outcome outcome =
        m_auth.respond(m_handle, event.sip, m_request.authUser, m_request.password);
    step(QStringLiteral("recv %1 %2: challenge %3").arg(event.status).arg(phraseOf(event), m_auth.describe()));
    if (outcome != ChallengeResponder::Outcome::Answered)
        return false;
    step(QStringLiteral("Retrying REGISTER with updated authentication (Auth User %1)").arg(m_request.authUser));
    RegistrationEvent authenticating;
    authenticating.state = RegistrationState::Authenticating;
    authenticating.statusCode = event.status;
    authenticating.reasonPhrase = phraseOf(event);
    authenticating.realm = m_auth.realm();
    authenticating.algorithm = m_auth.algorithm();
    authenticating.lineId = m_lineId;
    authenticating.timestamp = QDateTime::currentDateTimeUtc();
    m_engine.reportRegistration(m_lineId, m_request.attempt, authenticating);
    return true;
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
    if ((event.status == 401 || event.status == 407) && answerChallenge(event))
        return;
    m_registered = false;
    m_unregistering = false;
    if (event.status < 300)
        step(QStringLiteral("Unregistered %1").arg(QString::fromUtf8(m_request.addressOfRecord)));
    else
        step(QStringLiteral("un-REGISTER of %1 failed (status code: %2 %3); the server drops the binding when "
                            "it expires")
                 .arg(QString::fromUtf8(m_request.addressOfRecord))
                 .arg(event.status)
                 .arg(phraseOf(event)),
             true);
    releaseHandle();
    report(RegistrationState::Unregistered, event.status, phraseOf(event));
}

void RegistrationSession::fail(const NuaEvent &event, RegistrationState state, FailureKind kind,
                               const QString &diagnosis)
{
    const QString aor = QString::fromUtf8(m_request.addressOfRecord);
    if (m_registered)
        step(QStringLiteral("Registration refresh failed for %1 (status code: %2)").arg(aor).arg(event.status), true);
    step(QStringLiteral("REGISTER failed for %1 (status code: %2): %3").arg(aor).arg(event.status).arg(diagnosis),
         true);
    m_registered = false;
    m_unregistering = false;
    releaseHandle();
    report(state, event.status, phraseOf(event), diagnosis, kind);
}

void RegistrationSession::report(RegistrationState state, int status, const QString &phrase,
                                 const QString &diagnosis, FailureKind kind)
{
    RegistrationEvent event;
    event.lineId = m_lineId;
    event.state = state;
    event.failure = kind;
    event.statusCode = status;
    event.reasonPhrase = phrase;
    event.diagnosis = diagnosis;
    event.realm = m_auth.realm();
    event.algorithm = m_auth.algorithm();
    event.timestamp = QDateTime::currentDateTimeUtc();
    m_engine.reportRegistration(m_lineId, m_request.attempt, event);
}

void RegistrationSession::step(const QString &text, bool error)
{
    m_engine.log()->appendStep(m_lineId, text, error ? LogEntry::Kind::Error : LogEntry::Kind::Step);
}

void RegistrationSession::releaseHandle()
{
    destroyHandle(m_handle);
}

bool RegistrationSession::stackGenerated(const NuaEvent &event) const
{
    // Responses made up by the stack (timeouts, transport errors) never appear on the wire.
    return m_engine.lastReceivedStatus(m_callId) != event.status;
}

} // namespace Sip::Internal
