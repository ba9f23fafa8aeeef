// Interleave engine — the run's one clock. Every time the engine (and the interpreter) reads
// goes through a run's Clock: Runtime::now_ns(), Runtime::deadline_after(), WorkerContext::
// now_ns(). Nothing else in src/engine or src/python reads a host clock; the CTest check
// `engine_one_clock` (cmake/check_clock_reads.cmake) fails when something does.
//
//   int64_t t = clock.now_ns();           // ns since the run started
//   int64_t d = clock.deadline_after(0.5); // now + 0.5 s, as a run time in ns (kNever: none)
//   int64_t e = clock.epoch_ns();          // Unix time of the run's t = 0 (time.time())
//
// Real machine ✓: the host's shared time base (clock_source.hpp). In the browser each read
//   is latched: it returns at least the largest value any thread of the run read before, so an
//   event that happens after another one (through a lock, a join, the GIL) never gets an
//   earlier time even though Web Workers' timers may disagree by a few µs. Natively
//   CLOCK_MONOTONIC is one clock for every CPU and needs no latch.
// Simulated machine ✓: a VirtualTime source (machine_sim) replaces the host clock; now_ns() is
//   then the calling worker's virtual time, and the epoch is fixed (kSimulatedEpochNs), so
//   time.time() prints the same on every machine.
// Resolution: 1 ns natively, 5 µs in a cross-origin-isolated browser.
// Thread-safety: every member from any thread. Cost: one host clock read (~20-100 ns natively,
// a JS call in the browser) plus, in the browser, one atomic max.
#pragma once

#include <atomic>
#include <cstdint>

namespace interleave::engine {

// A virtual clock (the simulated machine): the time of the calling thread's worker, or the
// machine's current time for a thread that is not one of its workers.
class VirtualTime {
  public:
    virtual ~VirtualTime() = default;
    virtual int64_t now_ns() const noexcept = 0;
};

class Clock {
  public:
    static constexpr int64_t kNever = INT64_MAX;  // a deadline that never comes
    static constexpr double kMaxSeconds = 3.2e7;  // about a year: longer waits are clamped
    // 2024-01-01T00:00:00Z: the simulated machine's wall-clock time at t = 0.
    static constexpr int64_t kSimulatedEpochNs = 1'704'067'200'000'000'000;

    Clock() noexcept;
    Clock(const Clock&) = delete;
    Clock& operator=(const Clock&) = delete;

    // Starts the run's time at 0 now. A Run calls it as its MainThread starts running (on the
    // real machine), so the time a browser takes to give the run its first Web Worker is not
    // the run's. Readers racing it see the old or the new origin (never a time below 0), and
    // reads after it start from 0 again: the latch is kept in host time, not in run time.
    void restart() noexcept;
    // Switches to a virtual time source (nullptr: back to the host). Before any worker runs.
    void use_virtual(const VirtualTime* v) noexcept { virtual_ = v; }
    bool is_virtual() const noexcept { return virtual_ != nullptr; }

    // Nanoseconds since the run started. Never decreases for a thread; see the latch above.
    int64_t now_ns() const noexcept {
        if (virtual_) return virtual_->now_ns();
        return host_now();
    }
    // now_ns() + seconds (clamped to [0, kMaxSeconds]; NaN counts as 0).
    int64_t deadline_after(double seconds) const noexcept { return add(now_ns(), seconds); }
    // Unix time (ns since 1970) of the run's t = 0.
    int64_t epoch_ns() const noexcept;
    // Real time since the run started, even when the clock is virtual: only for guards that
    // must watch the host (the simulated machine's real-time limit and stop escape hatch).
    int64_t host_ns() const noexcept { return host_now(); }

    // Seconds as nanoseconds, clamped to [0, kMaxSeconds]; NaN counts as 0.
    static int64_t duration_ns(double seconds) noexcept;
    // t + seconds without overflow (kNever stays kNever).
    static int64_t add(int64_t t, double seconds) noexcept;

  private:
    int64_t host_now() const noexcept;
    const VirtualTime* virtual_ = nullptr;
    const bool latch_;
    std::atomic<int64_t> t0_{0};              // host monotonic ns at run start
    std::atomic<int64_t> epoch_{0};           // host Unix ns at run start
    mutable std::atomic<int64_t> latest_{0};  // the latest host monotonic ns read (latch)
};

}  // namespace interleave::engine
