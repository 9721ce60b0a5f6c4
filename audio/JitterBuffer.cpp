// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "audio/JitterBuffer.h"

#include <speex/speex_jitter.h>

#include <algorithm>

namespace Audio {

void JitterBuffer::Deleter::operator()(JitterBuffer_ *buffer) const
{
    jitter_buffer_destroy(buffer);
}

JitterBuffer::JitterBuffer(int frameTimestampUnits)
    : m_frameUnits(frameTimestampUnits), m_buffer(jitter_buffer_init(frameTimestampUnits))
{
    // Allow a few late packets per hundred before growing the delay; trades latency against loss.
    spx_int32_t maxLateRate = 4;
    jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_SET_MAX_LATE_RATE, &maxLateRate);
    spx_int32_t concealment = frameTimestampUnits;
    jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_SET_CONCEALMENT_SIZE, &concealment);
}

JitterBuffer::~JitterBuffer() = default;

void JitterBuffer::put(std::span<const std::uint8_t> payload, std::uint32_t timestamp, std::uint32_t spanUnits,
                       std::uint16_t sequenceNumber)
{
    JitterBufferPacket packet{};
    // speexdsp copies the data; it takes a non-const pointer only for historical reasons.
    packet.data = reinterpret_cast<char *>(const_cast<std::uint8_t *>(payload.data()));
    packet.len = static_cast<spx_uint32_t>(payload.size());
    packet.timestamp = timestamp;
    packet.span = spanUnits;
    packet.sequence = sequenceNumber;
    jitter_buffer_put(m_buffer.get(), &packet);
}

JitterBuffer::Result JitterBuffer::get(std::span<std::uint8_t> buffer, std::span<std::uint8_t> &payload,
                                       std::uint32_t &timestamp)
{
    JitterBufferPacket packet{};
    packet.data = reinterpret_cast<char *>(buffer.data());
    packet.len = static_cast<spx_uint32_t>(buffer.size());
    spx_int32_t startOffset = 0;
    const int status = jitter_buffer_get(m_buffer.get(), &packet, m_frameUnits, &startOffset);
    jitter_buffer_tick(m_buffer.get());
    switch (status) {
    case JITTER_BUFFER_OK:
        payload = buffer.first(std::min<std::size_t>(packet.len, buffer.size()));
        timestamp = packet.timestamp;
        return Result::Packet;
    case JITTER_BUFFER_INSERTION:
        return Result::Insertion;
    default:
        return Result::Missing;
    }
}

void JitterBuffer::reset()
{
    jitter_buffer_reset(m_buffer.get());
}

int JitterBuffer::bufferedPackets() const
{
    spx_int32_t count = 0;
    jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_GET_AVAILABLE_COUNT, &count);
    return count;
}

} // namespace Audio
