// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <cstdint>
#include <memory>
#include <span>

struct JitterBuffer_;

namespace Audio {

/// Adaptive jitter buffer over libspeexdsp's JitterBuffer. Packets go in as they arrive, keyed by RTP
/// timestamp; the playout side asks for one frame per frame interval and learns whether a packet is there,
/// missing (decoder PLC should fill in) or whether the buffer wants a frame inserted to grow its delay.
/// Timestamps wrap modulo 2^32. Media thread only.
class JitterBuffer
{
public:
    enum class Result
    {
        Invalid = 0,
        Packet,    ///< payload holds the packet for this frame
        Missing,   ///< nothing for this frame: conceal
        Insertion, ///< the buffer grows its delay: play a concealed/silent frame
    };

    /// frameTimestampUnits: RTP timestamp units per frame (e.g. 960 for 20 ms Opus).
    explicit JitterBuffer(int frameTimestampUnits);
    ~JitterBuffer();
    JitterBuffer(const JitterBuffer &) = delete;
    JitterBuffer &operator=(const JitterBuffer &) = delete;

    /// Stores a packet; spanUnits is its duration in timestamp units.
    void put(std::span<const std::uint8_t> payload, std::uint32_t timestamp, std::uint32_t spanUnits,
             std::uint16_t sequenceNumber);
    /// Takes the next frame's packet into payload (resized to the bytes copied) and advances one frame.
    Result get(std::span<std::uint8_t> buffer, std::span<std::uint8_t> &payload, std::uint32_t &timestamp);
    void reset();
    /// Packets buffered and not yet played.
    int bufferedPackets() const;
    int frameTimestampUnits() const { return m_frameUnits; }

private:
    struct Deleter
    {
        void operator()(JitterBuffer_ *buffer) const;
    };
    int m_frameUnits;
    std::unique_ptr<JitterBuffer_, Deleter> m_buffer;
};

} // namespace Audio
