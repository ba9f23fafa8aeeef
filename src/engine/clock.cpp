// The run's clock (see clock.hpp): host time since the run started, latched in the browser.
#include "engine/clock.hpp"

#include <algorithm>
#include <cmath>

#include "engine/clock_source.hpp"

namespace interleave::engine {

Clock::Clock() noexcept : latch_(platform::monotonic_needs_latch()) {
    restart();
}

void Clock::restart() noexcept {
    const int64_t now = platform::monotonic_ns();
    // The latch keeps host time, not run time: a thread that read the old origin just before
    // this cannot leave a stale run time behind that later reads would be held at.
    int64_t seen = latest_.load(std::memory_order_relaxed);
    while (now > seen && !latest_.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
    }
    epoch_.store(platform::unix_ns(), std::memory_order_relaxed);
    t0_.store(std::max(now, seen), std::memory_order_relaxed);
}

int64_t Clock::host_now() const noexcept {
    int64_t t = platform::monotonic_ns();
    if (latch_) {
        // Relaxed is enough: the events this orders are already ordered by a lock, a join or
        // the GIL, and a read that happens after our update sees it (read-after-write
        // coherence).
        int64_t seen = latest_.load(std::memory_order_relaxed);
        while (t > seen && !latest_.compare_exchange_weak(seen, t, std::memory_order_relaxed)) {
        }
        t = std::max(t, seen);
    }
    // Never before t = 0: a read racing restart() may pair a new origin with an older time.
    return std::max<int64_t>(0, t - t0_.load(std::memory_order_relaxed));
}

int64_t Clock::epoch_ns() const noexcept {
    return virtual_ ? kSimulatedEpochNs : epoch_.load(std::memory_order_relaxed);
}

int64_t Clock::duration_ns(double seconds) noexcept {
    if (!(seconds > 0)) return 0;  // negative, zero or NaN
    if (seconds > kMaxSeconds) seconds = kMaxSeconds;
    return static_cast<int64_t>(std::llround(seconds * 1e9));
}

int64_t Clock::add(int64_t t, double seconds) noexcept {
    if (t == kNever) return kNever;
    return t + duration_ns(seconds);  // t is a run time (< ~300 years): no overflow
}

}  // namespace interleave::engine
