// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/LogFilter.h"

#include <algorithm>
#include <functional>

namespace Gui {

namespace {
char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}
struct LowerHash
{
    std::size_t operator()(char c) const { return std::hash<char>()(lowerAscii(c)); }
};
struct LowerEqual
{
    bool operator()(char a, char b) const { return lowerAscii(a) == lowerAscii(b); }
};
} // namespace

bool containsCaseInsensitive(QByteArrayView haystack, QByteArrayView needleLower)
{
    if (needleLower.isEmpty())
        return true;
    if (haystack.size() < needleLower.size())
        return false;
    // Boyer-Moore-Horspool skips most of each message; the filter runs over every held entry.
    const std::boyer_moore_horspool_searcher searcher(needleLower.begin(), needleLower.end(), LowerHash(),
                                                      LowerEqual());
    return std::search(haystack.begin(), haystack.end(), searcher) != haystack.end();
}

LogFilterMatcher::LogFilterMatcher(const LogFilter &filter) : m_filter(filter)
{
    const QString method = filter.methodOrStatus.trimmed();
    if (method.isEmpty()) {
        m_mode = MethodMode::Any;
    } else if (method.size() == 3 && method.at(0).isDigit() && method.mid(1).compare(u"xx", Qt::CaseInsensitive) == 0) {
        m_mode = MethodMode::StatusClass;
        m_status = method.at(0).digitValue();
    } else if (bool ok = false; (m_status = method.toInt(&ok)), ok) {
        m_mode = MethodMode::Status;
    } else {
        m_mode = MethodMode::Method;
        m_filter.methodOrStatus = method.toUpper();
    }
    m_needle = filter.text.trimmed().toUtf8().toLower();
}

bool LogFilterMatcher::matches(const Sip::LogEntry &entry, const QString &cseqMethod, int statusCode) const
{
    if (!m_filter.lineId.isEmpty() && entry.lineId != m_filter.lineId)
        return false;
    if (!entry.isMessage()) {
        if (!m_filter.showSteps || m_mode != MethodMode::Any)
            return false;
    } else {
        switch (m_mode) {
        case MethodMode::Any:
            break;
        case MethodMode::Method:
            if (cseqMethod.compare(m_filter.methodOrStatus, Qt::CaseInsensitive) != 0)
                return false;
            break;
        case MethodMode::Status:
            if (statusCode != m_status)
                return false;
            break;
        case MethodMode::StatusClass:
            if (statusCode / 100 != m_status)
                return false;
            break;
        }
    }
    if (m_needle.isEmpty())
        return true;
    if (entry.isMessage())
        return containsCaseInsensitive(entry.raw, m_needle) || containsCaseInsensitive(entry.peer.toUtf8(), m_needle);
    return containsCaseInsensitive(entry.text.toUtf8(), m_needle);
}

} // namespace Gui
