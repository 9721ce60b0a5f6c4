// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/codecs/AudioCodec.h"

#include "audio/codecs/G711Codec.h"
#include "audio/codecs/OpusCodec.h"

namespace Audio {

AudioCodec::~AudioCodec() = default;

std::unique_ptr<AudioCodec> AudioCodec::create(CodecType type, const CodecOptions &options)
{
    switch (type) {
    case CodecType::Opus: {
        auto codec = std::make_unique<OpusCodec>(options);
        if (!codec->isValid())
            return nullptr;
        return codec;
    }
    case CodecType::Pcmu:
        return std::make_unique<G711Codec>(G711Codec::Law::MuLaw);
    case CodecType::Pcma:
        return std::make_unique<G711Codec>(G711Codec::Law::ALaw);
    case CodecType::Invalid:
        break;
    }
    return nullptr;
}

} // namespace Audio
