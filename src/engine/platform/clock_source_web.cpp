// Host clocks in the browser and under node (see clock_source.hpp). The one JS function is in
// clock_source_web.js (linked with --js-library by CMake), so no Emscripten header is needed.
#include <cmath>

#include "engine/clock_source.hpp"

// performance.timeOrigin + performance.now(), in ms since 1970 (a double: at ~1.8e12 ms its
// step is ~0.24 µs, finer than the browser's 5 µs timer).
extern "C" double interleave_host_now_ms(void);

namespace interleave::engine::platform {

int64_t monotonic_ns() noexcept {
    return static_cast<int64_t>(std::llround(interleave_host_now_ms() * 1e6));
}
int64_t unix_ns() noexcept {
    return monotonic_ns();  // timeOrigin is since the Unix epoch
}
int64_t thread_cpu_ns() noexcept {
    return -1;  // a Web Worker cannot see its CPU time
}
bool monotonic_needs_latch() noexcept {
    return true;  // timer clamping may differ by a few µs between workers
}

}  // namespace interleave::engine::platform
