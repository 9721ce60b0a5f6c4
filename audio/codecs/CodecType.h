// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <QString>

namespace Audio {

/// Audio codecs the media layer can run, as negotiated in SDP (rtpmap encoding names).
enum class CodecType
{
    Invalid = 0,
    Opus, ///< opus/48000/2, sent mono at 48 kHz
    Pcmu, ///< PCMU/8000 (G.711 µ-law)
    Pcma, ///< PCMA/8000 (G.711 A-law)
};

/// SDP encoding name ("opus", "PCMU", "PCMA"); empty for Invalid.
QString codecName(CodecType codec);
/// Parses an SDP encoding name, case-insensitively; Invalid when unknown.
CodecType codecFromName(const QString &name);
/// RTP clock rate of the codec (48000 for Opus, 8000 for G.711).
int codecClockRateHz(CodecType codec);

} // namespace Audio
