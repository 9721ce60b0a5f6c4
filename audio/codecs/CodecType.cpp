// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/CodecType.h"

namespace Audio {

QString codecName(CodecType codec)
{
    switch (codec) {
    case CodecType::Opus:
        return QStringLiteral("opus");
    case CodecType::Pcmu:
        return QStringLiteral("PCMU");
    case CodecType::Pcma:
        return QStringLiteral("PCMA");
    case CodecType::Invalid:
        break;
    }
    return {};
}

CodecType codecFromName(const QString &name)
{
    for (CodecType codec : {CodecType::Opus, CodecType::Pcmu, CodecType::Pcma}) {
        if (name.compare(codecName(codec), Qt::CaseInsensitive) == 0)
            return codec;
    }
    return CodecType::Invalid;
}

int codecClockRateHz(CodecType codec)
{
    switch (codec) {
    case CodecType::Opus:
        return 48000;
    case CodecType::Pcmu:
    case CodecType::Pcma:
        return 8000;
    case CodecType::Invalid:
        break;
    }
    return 0;
}

} // namespace Audio
