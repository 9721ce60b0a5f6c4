// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Test {

/// Paths of the files in tests/data (Kamailio configuration, sipp scenarios).
class TestData
{
public:
    /// tests/data of the source tree: $OFFHOOK_SOURCE_DIR/tests/data when set (ctest sets it),
    /// otherwise the directory this library was configured from.
    static QString directory();

    /// `relativePath` inside tests/data, e.g. "sipp/uas_401_twice.xml".
    static QString path(const QString &relativePath);
};

} // namespace Test
