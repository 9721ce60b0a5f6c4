// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/presence/OwnStatus.h"

#include <QByteArray>
#include <QString>

namespace Sip {

/// Builds the application/pidf+xml body (PIDF + RPID + data model) that a line PUBLISHes for the user's own
/// status. The tuple and person ids derive from the entity, so every PUBLISH of one line describes the same
/// tuple and a presence server replaces it instead of piling up new ones. Output is deterministic (no
/// timestamps) and PidfParser reads it back as presenceStatusFor(status) with the same note.
/// A plain value; any thread.
class PidfBuilder
{
public:
    static constexpr int maxNoteChars = 256; ///< Longer notes are cut

    /// entity: the line's address of record, "sip:EXT@SERVER".
    explicit PidfBuilder(const QString &entity);

    QString entity() const { return m_entity; }
    QString tupleId() const { return m_tupleId; }
    QString personId() const { return m_personId; }

    /// The body for status with an optional note (whitespace simplified, characters XML cannot carry removed,
    /// cut to maxNoteChars, escaped). Empty for OwnStatus::Invalid or an empty entity.
    QByteArray build(OwnStatus status, const QString &note = {}) const;

    /// note as build() writes it, so callers can show what others will read.
    static QString sanitizeNote(const QString &note);

private:
    QString m_entity;
    QString m_tupleId;
    QString m_personId;
};

} // namespace Sip
