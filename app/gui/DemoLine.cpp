// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/DemoLine.h"

namespace App {

Sip::LineConfig demoLine(const QString &server)
{
    Sip::LineConfig line;
    line.id = QStringLiteral("demo-1001");
    line.displayName = QStringLiteral("Offhook demo");
    line.extension = QStringLiteral("1001");
    line.server = server.trimmed().isEmpty() ? QStringLiteral("127.0.0.1:5060") : server.trimmed();
    line.authUser = QStringLiteral("1001");
    line.password = QStringLiteral("demo1001");
    line.transport = Sip::Transport::Udp;
    line.expiresSeconds = 300;
    line.enabled = true;
    return line;
}

} // namespace App
