// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace App {

namespace {
constexpr qsizetype kMaxMessageBytes = 4096;
}

SingleInstance::SingleInstance(const QString &key, QObject *parent) : QObject(parent)
{
    const QByteArray scope = QDir::homePath().toUtf8() + '\n' + QDir::cleanPath(key).toUtf8();
    m_serverName = QStringLiteral("offhook-") +
                   QString::fromLatin1(QCryptographicHash::hash(scope, QCryptographicHash::Sha256).toHex().left(16));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::sendToRunning(const QString &dialTarget, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(QByteArray("open ") + dialTarget.toUtf8().left(kMaxMessageBytes) + '\n');
    return socket.waitForBytesWritten(timeoutMs);
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        // A socket left by a crashed instance: nobody answered sendToRunning(), so it is stale.
        QLocalServer::removeServer(m_serverName);
        if (!m_server->listen(m_serverName))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                if (!socket->canReadLine()) {
                    if (socket->bytesAvailable() > kMaxMessageBytes + 8)
                        socket->abort();
                    return;
                }
                const QByteArray line = socket->readLine(kMaxMessageBytes + 8).trimmed();
                socket->disconnectFromServer();
                if (line == "open" || line.startsWith("open "))
                    Q_EMIT activationRequested(QString::fromUtf8(line.mid(5)).trimmed());
            });
        }
    });
    return true;
}

} // namespace App
