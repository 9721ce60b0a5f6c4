// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QtGlobal>

namespace Sip {

/// Bounds for one presence document. NOTIFY bodies come from the network, so every parser refuses documents
/// beyond these before they can cost time or memory. Plain value; any thread.
struct PresenceParseLimits
{
    qsizetype maxBytes = 64 * 1024; ///< Whole body, before parsing
    int maxDepth = 32;              ///< Element nesting; the root is depth 1
    int maxElements = 4096;         ///< Elements in the whole document
    int maxTextChars = 512;         ///< Text kept per element (notes are cut here); longer text is not an error

    bool operator==(const PresenceParseLimits &other) const = default;
};

} // namespace Sip
