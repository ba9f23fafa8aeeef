// Host clocks, natively (see clock_source.hpp): clock_gettime.
#include <time.h>

#include "engine/clock_source.hpp"

namespace interleave::engine::platform {

namespace {
int64_t read(clockid_t id) noexcept {
    timespec ts{};
    if (clock_gettime(id, &ts) != 0) return -1;
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
}  // namespace

int64_t monotonic_ns() noexcept {
    return read(CLOCK_MONOTONIC);
}
int64_t unix_ns() noexcept {
    return read(CLOCK_REALTIME);
}
int64_t thread_cpu_ns() noexcept {
    return read(CLOCK_THREAD_CPUTIME_ID);
}
bool monotonic_needs_latch() noexcept {
    return false;  // CLOCK_MONOTONIC is one clock for every CPU (Linux guarantees it)
}

}  // namespace interleave::engine::platform
