// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/PidfBuilder.h"

#include <QCryptographicHash>
#include <QXmlStreamWriter>

namespace Sip {

namespace {

const QString pidfNs = QStringLiteral("urn:ietf:params:xml:ns:pidf");
const QString dataModelNs = QStringLiteral("urn:ietf:params:xml:ns:pidf:data-model");
const QString rpidNs = QStringLiteral("urn:ietf:params:xml:ns:pidf:rpid");

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
QString withoutNonXmlChars(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed =
            u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) || (u >= 0xE000 && u <= 0xFFFD);
        if (allowed)
            out.append(c);
    }
    return out;
}

// RPID activity for a status; empty for none.
QString activityFor(OwnStatus status)
{
    switch (status) {
    case OwnStatus::Away:
        return QStringLiteral("away");
    case OwnStatus::Busy:
    case OwnStatus::DoNotDisturb:
        return QStringLiteral("busy");
    default:
        return {};
    }
}

} // namespace

PidfBuilder::PidfBuilder(const QString &entity) : m_entity(withoutNonXmlChars(entity.trimmed()))
{
    // Ids are XML NCNames: a letter, then hex.
    const QByteArray digest = QCryptographicHash::hash(m_entity.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    m_tupleId = QStringLiteral("t") + QString::fromLatin1(digest);
    m_personId = QStringLiteral("p") + QString::fromLatin1(digest);
}

QString PidfBuilder::sanitizeNote(const QString &note)
{
    QString cleaned = withoutNonXmlChars(note).simplified();
    if (cleaned.size() > maxNoteChars) {
        cleaned.truncate(maxNoteChars);
        if (cleaned.back().isHighSurrogate())
            cleaned.chop(1);
        cleaned = cleaned.trimmed();
    }
    return cleaned;
}

QByteArray PidfBuilder::build(OwnStatus status, const QString &note) const
{
    if (status == OwnStatus::Invalid || m_entity.isEmpty())
        return {};
    const QString text = sanitizeNote(note);
    const QString activity = activityFor(status);

    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(pidfNs);
    xml.writeNamespace(dataModelNs, QStringLiteral("dm"));
    xml.writeNamespace(rpidNs, QStringLiteral("rpid"));
    xml.writeStartElement(pidfNs, QStringLiteral("presence"));
    xml.writeAttribute(QStringLiteral("entity"), m_entity);

    xml.writeStartElement(pidfNs, QStringLiteral("tuple"));
    xml.writeAttribute(QStringLiteral("id"), m_tupleId);
    xml.writeStartElement(pidfNs, QStringLiteral("status"));
    xml.writeTextElement(pidfNs, QStringLiteral("basic"),
                         status == OwnStatus::Offline ? QStringLiteral("closed") : QStringLiteral("open"));
    xml.writeEndElement(); // status
    if (!text.isEmpty())
        xml.writeTextElement(pidfNs, QStringLiteral("note"), text);
    xml.writeEndElement(); // tuple

    xml.writeStartElement(dataModelNs, QStringLiteral("person"));
    xml.writeAttribute(QStringLiteral("id"), m_personId);
    if (!activity.isEmpty()) {
        xml.writeStartElement(rpidNs, QStringLiteral("activities"));
        xml.writeEmptyElement(rpidNs, activity);
        xml.writeEndElement(); // activities
    }
    if (!text.isEmpty())
        xml.writeTextElement(dataModelNs, QStringLiteral("note"), text);
    xml.writeEndElement(); // person

    xml.writeEndElement(); // presence
    xml.writeEndDocument();
    return body;
}

} // namespace Sip
