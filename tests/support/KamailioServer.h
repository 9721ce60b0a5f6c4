// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "tests/support/ExternalTool.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Test {

/// A private Kamailio PBX on 127.0.0.1 (UDP and TCP, one port) for tests: registrar with digest
/// auth against its own users, call routing between registered users and, optionally, a presence
/// server (PUBLISH/SUBSCRIBE/NOTIFY). It owns a temporary directory with the configuration
/// (rendered from tests/data/kamailio/kamailio.cfg.in), the db_text tables, the log and the kamcmd
/// control socket, and the kamailio process group, which stop() and the destructor end.
///
/// Unknown extensions get 404 to REGISTER; wrong passwords get a new 401/407 challenge (realm =
/// the domain, MD5, qop=auth). Used from the test's thread; needs no event loop.
class KamailioServer
{
public:
    struct Options
    {
        /// Extension -> password. Default: 1001..1005 with passwords demo1001..demo1005.
        QMap<QString, QString> users = defaultUsers();
        /// SIP domain and digest realm.
        QString domain = QStringLiteral("127.0.0.1");
        /// SIP port (UDP and TCP); 0 picks a free one and retries another if binding fails.
        quint16 port = 0;
        /// Registrar limits in seconds: shorter requests are raised to minExpires, longer ones
        /// cut to maxExpires; defaultExpires applies when a REGISTER names none.
        int minExpires = 2;
        int defaultExpires = 300;
        int maxExpires = 3600;
        /// Loads the presence modules (presence, presence_xml with force_active, presence_dialoginfo).
        bool presence = true;
        /// SIP over TLS on a second free port when both are set: PEM server certificate (chain) and key.
        QString tlsCertificateFile;
        QString tlsKeyFile;
        /// How long start() waits for Kamailio to answer.
        int startTimeoutMs = 20000;
    };

    static QMap<QString, QString> defaultUsers();

    KamailioServer();
    ~KamailioServer();
    KamailioServer(const KamailioServer &) = delete;
    KamailioServer &operator=(const KamailioServer &) = delete;

    /// Writes the configuration and starts Kamailio; returns once it answers SIP OPTIONS and
    /// kamcmd. On failure returns false, with the reason and Kamailio's output in stderrText().
    bool start(const Options &options);
    /// start() with the default Options.
    bool start();
    /// SIGTERM, then SIGKILL for whatever of the process group is left; removes the directory.
    void stop();
    bool isRunning() const;

    quint16 port() const;
    quint16 tlsPort() const; ///< SIP over TLS port; 0 without TLS
    /// "127.0.0.1:PORT".
    QString address() const;
    QString domain() const;
    /// Password of a configured extension (empty if unknown).
    QString password(const QString &extension) const;
    /// Why start() failed, and Kamailio's log (its stderr), also after stop().
    QString stderrText() const;
    /// Id of the main kamailio process (leader of its process group), 0 when not running.
    qint64 processId() const;
    /// The temporary directory with kamailio.cfg, db/, kamailio.log and the control socket.
    QString runDirectory() const;

    /// Contact URIs currently bound to an address of record ("sip:1001@127.0.0.1" or "1001").
    QStringList bindings(const QString &aor) const;
    /// Runs kamcmd against this server's control socket; `ok` is false when kamcmd fails or Kamailio
    /// answers with an error. Values that look like numbers must be given as "s:1001" to stay strings.
    QString kamcmd(const QStringList &arguments, bool *ok = nullptr) const;

    static ExternalTool findKamailio();
    static ExternalTool findKamcmd();

private:
    bool fail(const QString &reason);
    QString validate(const Options &options) const;
    bool writeConfiguration(const Options &options, quint16 port, QString *error) const;
    bool launch(const Options &options, quint16 port);
    bool waitUntilReady(const Options &options);
    bool answersOptions() const;
    QString logText() const;

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    QString m_domain;
    QMap<QString, QString> m_users;
    QString m_error;
    QString m_lastLog;
};

} // namespace Test
