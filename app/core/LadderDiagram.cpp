// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/LadderDiagram.h"

#include <QDateTime>

namespace Gui {

LadderDiagram LadderDiagram::build(const QList<Sip::LogEntry> &entries, const QString &cseqMethod)
{
    LadderDiagram diagram;
    diagram.lanes.append(QStringLiteral("Offhook"));
    QDateTime first;
    for (const Sip::LogEntry &entry : entries) {
        if (!entry.isMessage())
            continue;
        if (!cseqMethod.isEmpty() && entry.cseqMethod().compare(cseqMethod, Qt::CaseInsensitive) != 0)
            continue;
        const QString peer = entry.peer.isEmpty() ? QStringLiteral("?") : entry.peer;
        qsizetype lane = diagram.lanes.indexOf(peer);
        if (lane < 0) {
            diagram.lanes.append(peer);
            lane = diagram.lanes.size() - 1;
        }
        if (!first.isValid())
            first = entry.timestamp;
        Arrow arrow;
        const bool sent = entry.kind == Sip::LogEntry::Kind::Sent;
        arrow.from = sent ? 0 : int(lane);
        arrow.to = sent ? int(lane) : 0;
        // The engine's entry text drops "SIP/2.0"; the raw first line says what the message is.
        const qsizetype lineEnd = entry.raw.indexOf('\n');
        const QString firstLine =
            entry.raw.isEmpty() ? entry.text
                                : QString::fromUtf8((lineEnd < 0 ? entry.raw : entry.raw.left(lineEnd)).trimmed());
        const bool response = firstLine.startsWith(u"SIP/2.0 ");
        arrow.label = response ? firstLine.mid(8).trimmed() : firstLine.section(u' ', 0, 0);
        const QString cseq = QString::fromLatin1(entry.header("CSeq"));
        arrow.detail = (cseq.isEmpty() ? QString() : QStringLiteral("CSeq ") + cseq + QStringLiteral(" · ")) +
                       entry.transport.toUpper();
        if (!response && (!entry.header("Authorization").isEmpty() || !entry.header("Proxy-Authorization").isEmpty()))
            arrow.label += QStringLiteral(" (with digest)");
        arrow.offsetMs = first.msecsTo(entry.timestamp);
        arrow.sequence = entry.sequence;
        arrow.kind = entry.kind;
        diagram.arrows.append(arrow);
    }
    return diagram;
}

} // namespace Gui
