// Interleave engine — other work during a real run where the OS's counters cannot be read (the
// browser): RunStats::other_busy_cores from the run's own running workers (issue #11 item 5).
//
// Why the run's workers and not a probe thread: a fair scheduler favours a thread that mostly
// sleeps. Measured on Linux 6.18 (EEVDF), 2 cores, 4 busy loops beside: a 50 µs kernel timed
// every 20 ms, and a 2 ms one every 200 ms, both ran at their idle speed (median stretch 1.00):
// a light probe is never made to wait, so it cannot see the contention it is meant to measure.
// The run's computing workers are exactly the threads that other work slows down.
//
// How: every kProbePeriodNs of run time the run's controller notes which workers are in state
// `running`, then raises the `heartbeat` eval-breaker bit. A worker on a CPU answers at its next
// checkpoint (the interpreter's eval breaker, or a cpu() tick: microseconds apart); one the OS
// has descheduled answers only when it runs again. An answer later than kLateNs (or none, from a
// worker still running) is a worker that was waiting for a CPU at that moment. A fair scheduler
// gives every runnable thread the same share, so when the run's workers lose CPU the cores are
// all busy and the rest went to other work:
//     other cores ≈ cores − (running workers' observations − late ones) / samples
// per window of kWindowSamples samples, averaged over the run; a window with too few late answers
// (kMinLate, kMinLateShare: a single one can be a long builtin call) counts as undisturbed.
// ✓ other programs, other tabs, the page's own drawing (its main thread and the browser's
//   rasteriser) count when they take CPU from the run's workers.
// ✗ other work on cores the run left idle is not seen (it did not disturb the run); a run that
//   only waits (sleep, I/O) measures 0.
// ✓ the interpreter's collector and compiler, long stretches without a checkpoint, answer
//   heartbeats themselves (answer_heartbeat(), runtime.hpp).
// ✓ the page's own drawing counts: without a GPU the browser rasterises on the CPU, in bursts
//   on every core (backend_web.cpp draws a run's progress only as often as the GPU affords).
// ✗ a worker inside another builtin that runs > kLateNs without a checkpoint (sorting a huge
//   list) looks descheduled for that sample.
// Cost: the controller wakes once more per period (~1 µs of work per worker), each running worker
// reads the clock once per period; the bit is set for about kLateNs per period.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace interleave::engine {

class Runtime;

// One heartbeat: workers running throughout it, and how many of them answered late.
struct ProbeSample {
    uint16_t running = 0;
    uint16_t late = 0;
};

// Mean cores other work kept busy, from a run's samples (one per kProbePeriodNs, fewer when the
// controller itself was kept waiting) on a machine of `cores`, for a run that lasted `run_s`
// seconds of run time (see the header comment for the formula). -1 for a run shorter than
// Run::kOtherWorkMinS (kWindowSamples periods) or without samples; a long enough run whose
// controller woke for fewer than a window's samples (a machine so busy that its wake-ups came
// late) judges them as one window. Pure arithmetic; any thread.
double other_cores_from_samples(const std::vector<ProbeSample>& samples, unsigned cores,
                                double run_s);

// The controller's side. Single-threaded: the run's controller only.
class OtherWorkProbe {
  public:
    static constexpr int64_t kProbePeriodNs = 20'000'000;  // one heartbeat per 20 ms
    static constexpr int64_t kLateNs = 500'000;            // an answer after 0.5 ms: descheduled
    static constexpr size_t kWindowSamples = 10;           // 200 ms (Run::kOtherWorkMinS)
    static constexpr unsigned kMinLate = 2;
    static constexpr double kMinLateShare = 0.05;

    // Call every time the controller wakes (real machine). Starts a heartbeat when one is due,
    // judges the one in flight once kLateNs has passed. Returns how long the controller may
    // sleep before calling again (ns): shorter while a heartbeat is in flight.
    int64_t tick(Runtime& rt);
    // Clears a heartbeat still in flight (the run is ending).
    void finish(Runtime& rt);
    const std::vector<ProbeSample>& samples() const { return samples_; }

  private:
    struct Watch {
        uint16_t worker;
        uint32_t running_gen;  // WorkerRecord::running_gen when the heartbeat started
    };
    void start(Runtime& rt, int64_t now);
    void judge(Runtime& rt);
    std::vector<ProbeSample> samples_;
    std::vector<Watch> watch_;
    int64_t next_ns_ = 0;      // when the next heartbeat is due
    int64_t started_ns_ = -1;  // the heartbeat in flight, or -1
    uint32_t epoch_ = 0;       // its number (WorkerRecord::heartbeat_epoch)
};

}  // namespace interleave::engine
