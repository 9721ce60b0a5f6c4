// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "tests/support/TestData.h"

#include <QDir>
#include <QFileInfo>

namespace Test {

QString TestData::directory()
{
    const QString sourceDir = qEnvironmentVariable("OFFHOOK_SOURCE_DIR");
    if (!sourceDir.isEmpty() && QFileInfo(sourceDir + QStringLiteral("/tests/data")).isDir())
        return QDir::cleanPath(sourceDir + QStringLiteral("/tests/data"));
    return QStringLiteral(OFFHOOK_TEST_DATA_DIR);
}

QString TestData::path(const QString &relativePath)
{
    return directory() + QLatin1Char('/') + relativePath;
}

} // namespace Test
