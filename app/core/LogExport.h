// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LogEntry.h"

#include <QList>
#include <QString>

namespace Gui {

/// Saving log entries to local files, never anywhere else. Pure functions; any thread.
namespace LogExport {
/// An entry as text, the raw message below its first line; masked when asked.
QString entryText(const Sip::LogEntry &entry, bool maskCredentials);
/// All entries as text, separated by blank lines, with a short header.
QByteArray toText(const QList<Sip::LogEntry> &entries, bool maskCredentials);
/// Writes text or pcapng (by the path's suffix, ".pcapng" for pcapng). False and a reason on failure.
bool saveToFile(const QString &path, const QList<Sip::LogEntry> &entries, bool maskCredentials, QString *error);
/// Writes pcapng whatever the path's suffix. False and a reason on failure.
bool savePcapng(const QString &path, const QList<Sip::LogEntry> &entries, bool maskCredentials, QString *error);
} // namespace LogExport

} // namespace Gui
