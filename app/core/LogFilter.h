// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QByteArray>
#include <QString>

namespace Gui {

/// What the log pane shows: by line, by method or status, by free text. Pure value; GUI thread.
struct LogFilter
{
    QString lineId;         ///< Empty = every line
    QString methodOrStatus; ///< "REGISTER" (requests and their responses), "401", "4xx"; empty = all
    QString text;           ///< Case-insensitive, searched in the first line, the raw message and the peer
    bool showSteps = true;  ///< Engine steps and errors (hidden whenever a method/status is chosen)

    bool isEmpty() const { return lineId.isEmpty() && methodOrStatus.isEmpty() && text.isEmpty() && showSteps; }
    bool operator==(const LogFilter &other) const = default;
};

/// A filter prepared for matching many entries quickly.
class LogFilterMatcher
{
public:
    explicit LogFilterMatcher(const LogFilter &filter);
    /// cseqMethod and statusCode are the entry's precomputed CSeq method and status (0 for requests).
    bool matches(const Sip::LogEntry &entry, const QString &cseqMethod, int statusCode) const;

private:
    enum class MethodMode
    {
        Any,
        Method,
        Status,
        StatusClass
    };
    LogFilter m_filter;
    MethodMode m_mode = MethodMode::Any;
    int m_status = 0;
    QByteArray m_needle; ///< Lower-case UTF-8
};

/// ASCII case-insensitive substring search; needleLower must already be lower case.
bool containsCaseInsensitive(QByteArrayView haystack, QByteArrayView needleLower);

} // namespace Gui
