// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/GuardedXmlReader.h"

namespace Sip::Internal {

GuardedXmlReader::GuardedXmlReader(const QByteArray &data, const PresenceParseLimits &limits) : m_limits(limits)
{
    if (data.size() > m_limits.maxBytes) {
        fail(QStringLiteral("document too large: %1 bytes, at most %2 accepted")
                 .arg(data.size())
                 .arg(m_limits.maxBytes));
        return;
    }
    if (data.trimmed().isEmpty()) {
        fail(QStringLiteral("empty document"));
        return;
    }
    // Refused before Qt sees them: entity declarations only exist to be expanded, and no presence
    // document needs one. The DTD token check below still catches encodings this scan cannot see.
    if (data.contains("<!DOCTYPE") || data.contains("<!ENTITY")) {
        fail(QStringLiteral("document type declarations are not accepted"));
        return;
    }
    m_xml.addData(data);
    m_xml.setNamespaceProcessing(true);
    m_xml.setEntityExpansionLimit(0);
}

bool GuardedXmlReader::readNext()
{
    if (m_done || hasError())
        return false;
    if (m_endElementPending) {
        m_endElementPending = false;
        --m_depth;
    }
    while (true) {
        switch (m_xml.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++m_elements > m_limits.maxElements) {
                fail(QStringLiteral("too many elements: more than %1").arg(m_limits.maxElements));
                return false;
            }
            if (++m_depth > m_limits.maxDepth) {
                fail(QStringLiteral("elements nested too deeply: more than %1 levels").arg(m_limits.maxDepth));
                return false;
            }
            return true;
        case QXmlStreamReader::EndElement:
            m_endElementPending = true; // depth() still names the closing element's level
            return true;
        case QXmlStreamReader::Characters:
            return true;
        case QXmlStreamReader::DTD:
            fail(QStringLiteral("document type declarations are not accepted"));
            return false;
        case QXmlStreamReader::EntityReference:
            fail(QStringLiteral("unresolved entity reference '%1'").arg(m_xml.name()));
            return false;
        case QXmlStreamReader::Invalid:
            if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
                fail(QStringLiteral("truncated document") + position());
            else
                fail(QStringLiteral("not well-formed XML") + position() + QStringLiteral(": ") + m_xml.errorString());
            return false;
        case QXmlStreamReader::EndDocument:
            m_done = true;
            return false;
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::StartDocument:
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            break;
        }
    }
}

void GuardedXmlReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

QString GuardedXmlReader::position() const
{
    return QStringLiteral(" at line %1, column %2").arg(m_xml.lineNumber()).arg(m_xml.columnNumber());
}

namespace {
// Cuts without leaving half of a surrogate pair behind.
void truncateText(QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return;
    text.truncate(qMax<qsizetype>(0, maxChars));
    if (!text.isEmpty() && text.back().isHighSurrogate())
        text.chop(1);
}
} // namespace

int rawTextBudget(const PresenceParseLimits &limits)
{
    return int(qBound<qint64>(0, qint64(limits.maxTextChars) * 4, limits.maxBytes));
}

void appendBounded(QString &target, QStringView text, int maxChars)
{
    const qsizetype room = maxChars - target.size();
    if (room <= 0)
        return;
    target.append(text.left(room)); // a pair cut here is mended by cleanText()
}

QString cleanText(const QString &text, int maxChars)
{
    QString cleaned = text.simplified();
    if (cleaned.size() > maxChars) {
        truncateText(cleaned, maxChars);
        cleaned = cleaned.trimmed(); // the cut may land just after a space
    }
    return cleaned;
}

} // namespace Sip::Internal
