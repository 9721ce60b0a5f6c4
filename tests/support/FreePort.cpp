// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/FreePort.h"

#include <QHostAddress>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QUdpSocket>

namespace Test {

namespace {
constexpr quint16 firstPort = 20000;
constexpr quint16 lastPort = 32767;
constexpr int attempts = 200;
} // namespace

bool FreePort::isUdpFree(quint16 port)
{
    QUdpSocket udp;
    // No address sharing: a bind must fail while anyone else holds the port.
    return udp.bind(QHostAddress::LocalHost, port, QAbstractSocket::DontShareAddress);
}

bool FreePort::isTcpFree(quint16 port)
{
    QTcpServer tcp;
    return tcp.listen(QHostAddress::LocalHost, port);
}

bool FreePort::isFree(quint16 port)
{
    return port != 0 && isUdpFree(port) && isTcpFree(port);
}

quint16 FreePort::pick()
{
    static QMutex mutex;
    static QSet<quint16> handedOut;
    const QMutexLocker locker(&mutex);
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const auto port = quint16(QRandomGenerator::global()->bounded(int(firstPort), int(lastPort) + 1));
        if (handedOut.contains(port) || !isFree(port))
            continue;
        handedOut.insert(port);
        return port;
    }
    return 0;
}

} // namespace Test
