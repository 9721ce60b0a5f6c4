// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <vector>

namespace Audio {

/// Lock-free single-producer single-consumer ring of samples between a real-time device callback and the
/// media thread. Storage is allocated once in the constructor; write() and read() never allocate or block,
/// so either side may be the real-time thread. Exactly one thread writes and one thread reads.
template <typename T> class SpscRingBuffer
{
public:
    explicit SpscRingBuffer(std::size_t capacity) : m_buffer(capacity + 1) {}

    SpscRingBuffer(const SpscRingBuffer &) = delete;
    SpscRingBuffer &operator=(const SpscRingBuffer &) = delete;

    std::size_t capacity() const { return m_buffer.size() - 1; }

    /// Samples ready to read. Exact for the reader, a lower bound for the writer's view.
    std::size_t available() const
    {
        const std::size_t write = m_writeIndex.load(std::memory_order_acquire);
        const std::size_t read = m_readIndex.load(std::memory_order_acquire);
        return write >= read ? write - read : write + m_buffer.size() - read;
    }

    /// Free space. Exact for the writer.
    std::size_t space() const { return capacity() - available(); }

    /// Writes up to count samples; returns how many fitted. Producer thread only.
    std::size_t write(const T *data, std::size_t count)
    {
        const std::size_t write = m_writeIndex.load(std::memory_order_relaxed);
        const std::size_t read = m_readIndex.load(std::memory_order_acquire);
        const std::size_t size = m_buffer.size();
        const std::size_t freeSpace = (read + size - write - 1) % size;
        count = std::min(count, freeSpace);
        const std::size_t first = std::min(count, size - write);
        std::copy_n(data, first, m_buffer.data() + write);
        std::copy_n(data + first, count - first, m_buffer.data());
        m_writeIndex.store((write + count) % size, std::memory_order_release);
        return count;
    }

    /// Reads up to count samples; returns how many were read. Consumer thread only.
    std::size_t read(T *data, std::size_t count)
    {
        const std::size_t read = m_readIndex.load(std::memory_order_relaxed);
        const std::size_t write = m_writeIndex.load(std::memory_order_acquire);
        const std::size_t size = m_buffer.size();
        const std::size_t filled = (write + size - read) % size;
        count = std::min(count, filled);
        const std::size_t first = std::min(count, size - read);
        std::copy_n(m_buffer.data() + read, first, data);
        std::copy_n(m_buffer.data(), count - first, data + first);
        m_readIndex.store((read + count) % size, std::memory_order_release);
        return count;
    }

    /// Drops up to count samples. Consumer thread only.
    std::size_t discard(std::size_t count)
    {
        const std::size_t read = m_readIndex.load(std::memory_order_relaxed);
        const std::size_t write = m_writeIndex.load(std::memory_order_acquire);
        const std::size_t size = m_buffer.size();
        count = std::min(count, (write + size - read) % size);
        m_readIndex.store((read + count) % size, std::memory_order_release);
        return count;
    }

private:
    std::vector<T> m_buffer;
    alignas(64) std::atomic<std::size_t> m_writeIndex{0};
    alignas(64) std::atomic<std::size_t> m_readIndex{0};
};

} // namespace Audio
