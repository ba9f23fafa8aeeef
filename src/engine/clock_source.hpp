// Interleave engine — the host's clocks, one small platform file each (chosen in CMake):
// platform/clock_source_posix.cpp natively, platform/clock_source_web.cpp (+ its .js library)
// under Emscripten. Only clock.cpp and the work kernels' calibration read these; everything
// else asks the run's Clock (clock.hpp), so a simulated machine can replace time.
//
//   monotonic_ns()   one time base shared by every thread of the process:
//                      native: CLOCK_MONOTONIC (vDSO, ~20-100 ns a read)
//                      web:    performance.timeOrigin + performance.now(), the same absolute
//                              time in every Web Worker (5 µs resolution when cross-origin
//                              isolated). Emscripten 3.1.6's steady_clock/emscripten_get_now in
//                              a pthread subtracts a drift estimated from a message timestamp
//                              instead, and workers disagreed by up to 8 ms (issue #8 item 2).
//                      Per thread it never goes back; across Web Workers the browser's timer
//                      clamping may disagree by a few µs, which Clock's latch absorbs.
//   unix_ns()        wall-clock time since 1970 (time.time on the real machine)
//   thread_cpu_ns()  the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID: a syscall, ~0.2-6
//                    µs on VMs, so never on hot paths), or -1 where the platform has none
//                    (the browser: a Web Worker cannot see its CPU time).
// Any thread; no state.
#pragma once

#include <cstdint>

namespace interleave::engine::platform {

int64_t monotonic_ns() noexcept;
int64_t unix_ns() noexcept;
int64_t thread_cpu_ns() noexcept;
// True where monotonic_ns() may disagree across threads by a few µs (the browser).
bool monotonic_needs_latch() noexcept;

}  // namespace interleave::engine::platform
