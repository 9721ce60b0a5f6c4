// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/PresenceParseLimits.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

namespace Sip::Internal {

/// QXmlStreamReader under the limits of PresenceParseLimits, shared by the presence parsers; not public API.
/// Refuses oversized and empty bodies, any DTD (so no entity can be declared, let alone expanded), undeclared
/// entities, too deep nesting and too many elements. Reading stops at the first error, which says what and
/// where. One per parse, on the caller's thread.
class GuardedXmlReader
{
public:
    GuardedXmlReader(const QByteArray &data, const PresenceParseLimits &limits);

    /// Advances to the next StartElement, EndElement or Characters token (others are skipped).
    /// False at the end of the document or on the first error.
    bool readNext();

    QXmlStreamReader::TokenType tokenType() const { return m_xml.tokenType(); }
    const QXmlStreamReader &xml() const { return m_xml; }
    /// Nesting of the current element: 1 for the root, valid on StartElement and EndElement.
    int depth() const { return m_depth; }

    /// Stops reading with a parser-level error; the first error wins.
    void fail(const QString &message);
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QString position() const;

    QXmlStreamReader m_xml;
    PresenceParseLimits m_limits;
    int m_depth = 0;
    int m_elements = 0;
    bool m_endElementPending = false;
    bool m_done = false;
    QString m_error;
};

/// How much raw text to collect per element: text may be mostly whitespace, and simplifying it must still
/// be able to fill limits.maxTextChars.
int rawTextBudget(const PresenceParseLimits &limits);
/// Appends text to target without letting it grow past maxChars.
void appendBounded(QString &target, QStringView text, int maxChars);
/// Whitespace simplified, cut to maxChars.
QString cleanText(const QString &text, int maxChars);

} // namespace Sip::Internal
