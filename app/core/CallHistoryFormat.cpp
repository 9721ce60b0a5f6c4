// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/core/CallHistoryFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Gui::CallHistoryFormat {

namespace {

const QString kFormatName = QStringLiteral("offhook-call-history");

QString directionName(Sip::CallDirection direction)
{
    return direction == Sip::CallDirection::Incoming ? QStringLiteral("incoming") : QStringLiteral("outgoing");
}

Sip::CallDirection directionFromName(const QString &name)
{
    if (name == QLatin1String("incoming"))
        return Sip::CallDirection::Incoming;
    if (name == QLatin1String("outgoing"))
        return Sip::CallDirection::Outgoing;
    return Sip::CallDirection::Invalid;
}

QJsonObject toJson(const CallHistoryEntry &entry)
{
    QJsonObject object;
    object.insert(QStringLiteral("started"), entry.startedUtc.toUTC().toString(Qt::ISODate));
    object.insert(QStringLiteral("line"), entry.lineId);
    object.insert(QStringLiteral("lineLabel"), entry.lineLabel);
    object.insert(QStringLiteral("peer"), entry.peer);
    if (!entry.peerDisplayName.isEmpty())
        object.insert(QStringLiteral("name"), entry.peerDisplayName);
    object.insert(QStringLiteral("direction"), directionName(entry.direction));
    object.insert(QStringLiteral("outcome"), callOutcomeName(entry.outcome));
    object.insert(QStringLiteral("durationSeconds"), entry.durationSeconds);
    object.insert(QStringLiteral("status"), entry.statusCode);
    object.insert(QStringLiteral("reason"), entry.endReason);
    object.insert(QStringLiteral("seen"), entry.seen);
    return object;
}

bool fromJson(const QJsonValue &value, CallHistoryEntry *entry)
{
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    entry->startedUtc = QDateTime::fromString(object.value(QStringLiteral("started")).toString(), Qt::ISODate).toUTC();
    entry->lineId = object.value(QStringLiteral("line")).toString();
    entry->lineLabel = object.value(QStringLiteral("lineLabel")).toString();
    entry->peer = object.value(QStringLiteral("peer")).toString();
    entry->peerDisplayName = object.value(QStringLiteral("name")).toString();
    entry->direction = directionFromName(object.value(QStringLiteral("direction")).toString());
    entry->outcome = callOutcomeFromName(object.value(QStringLiteral("outcome")).toString());
    // Out-of-range numbers are clamped rather than trusted: the file may have been edited by hand.
    const double duration = object.value(QStringLiteral("durationSeconds")).toDouble();
    entry->durationSeconds = duration > 0 && duration < 1e9 ? qint64(duration) : 0;
    const int status = object.value(QStringLiteral("status")).toInt();
    entry->statusCode = status >= 100 && status <= 699 ? status : 0;
    entry->endReason = object.value(QStringLiteral("reason")).toString();
    entry->seen = object.value(QStringLiteral("seen")).toBool(true);
    return entry->isValid();
}

} // namespace

QByteArray serialize(const QList<CallHistoryEntry> &entries)
{
    QJsonArray calls;
    for (const CallHistoryEntry &entry : entries)
        calls.append(toJson(entry));
    QJsonObject document;
    document.insert(QStringLiteral("format"), kFormatName);
    document.insert(QStringLiteral("version"), CurrentVersion);
    document.insert(QStringLiteral("calls"), calls);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

ParseResult parse(const QByteArray &bytes)
{
    ParseResult result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        result.status = ParseResult::Status::Corrupt;
        result.error = QStringLiteral("not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset);
        return result;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QStringLiteral("format")).toString() != kFormatName) {
        result.status = ParseResult::Status::Corrupt;
        result.error = QStringLiteral("not an Offhook call history");
        return result;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1) {
        result.status = ParseResult::Status::Corrupt;
        result.error = QStringLiteral("no valid version number");
        return result;
    }
    const QJsonValue calls = root.value(QStringLiteral("calls"));
    if (!calls.isArray()) {
        result.status = ParseResult::Status::Corrupt;
        result.error = QStringLiteral("no list of calls");
        return result;
    }
    for (const QJsonValue &value : calls.toArray()) {
        CallHistoryEntry entry;
        if (fromJson(value, &entry))
            result.entries.append(entry);
        else
            ++result.skippedEntries;
    }
    if (version > CurrentVersion) {
        result.status = ParseResult::Status::NewerVersion;
        result.error = QStringLiteral("written by a newer Offhook (format version %1, this one knows %2)")
                           .arg(version)
                           .arg(CurrentVersion);
        return result;
    }
    result.status = ParseResult::Status::Ok;
    return result;
}

} // namespace Gui::CallHistoryFormat
