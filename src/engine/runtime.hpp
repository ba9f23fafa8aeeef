// Interleave engine — the runtime: what every primitive and every sample body stands on.
//
// A Runtime is the inside of one Run: its tracer, its output, its GILs (one per simulated
// process), its stop flag, its limits and its registry of blocked workers (deadlock detection).
// Each OS thread a run uses is a *worker* of it; the engine binds the thread to the runtime with
// a thread-local WorkerContext, so Python-shaped code (`print("Thread 1: 0")`, `Lock l;
// l.acquire()`) needs no runtime argument.
//
// Contract for every blocking primitive (Lock, Queue, join, Future::result, event loop idle,
// ...): block through Runtime::block_until(). It releases the GIL while blocked (as CPython's
// blocking calls do), traces the wait state, wakes for stop() within 100 ms, honours timeouts,
// and registers what the worker waits for so a deadlock is detected exactly, never by a guess.
//
// Cancellation: when the run is stopping, block_until() and every kernel tick throw RunStopped.
// Worker entry points (WorkerScope users) catch it and exit. Never swallow it in sample code.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "engine/run.hpp"
#include "engine/trace.hpp"

namespace interleave::engine {

class Gil;

// Thrown at cancellation points once stop() was requested (or a limit ended the run).
struct RunStopped {};

// The calling thread's identity in a run. Set by WorkerScope; nullptr outside any run.
struct WorkerContext {
    Runtime* runtime = nullptr;
    uint16_t worker = 0;
    uint16_t process = 0;  // simulated process: 0 = the run's main process
    uint32_t task = 0;     // task currently running on this worker (0 = none)
    Gil* gil = nullptr;    // this process's GIL; nullptr when free-threaded
};
WorkerContext* current_worker();

// What a blocked worker waits for, for the deadlock report:
// "Thread-1 waits for Lock lock_b held by Thread-2".
struct WaitTarget {
    std::string what;                     // "Lock lock_b", "Queue.get()", "Thread-2.join()"
    std::function<std::string()> holder;  // current holder's name, or "" (may be empty)
};

class Runtime {
public:
    // The runtime of the calling worker. Throws std::logic_error outside a run.
    static Runtime& current();

    const RunConfig& config() const;
    Tracer& tracer();
    int64_t now_ns() const;  // since run start (steady clock)

    // --- Workers ---------------------------------------------------------------------------
    // A new simulated process (own GIL, own worker ids). Returns its id (> 0).
    uint16_t new_process();
    Gil* gil_for(uint16_t process);  // nullptr when the run is free-threaded

    // Task registry: ids for trace and output. Counts toward RunLimits::tasks (throws RunStopped
    // after ending the run with status `limit` and a notice when exceeded).
    uint32_t new_task(std::string name);
    // Task begin/end on the current worker (trace + WorkerContext::task, nestable).
    void begin_task(uint32_t task);
    void end_task();

    // Sets the current worker's traced state.
    void set_state(WorkerState s);

    // --- Output ----------------------------------------------------------------------------
    // Python's print: stores the line with time, task, worker. Past RunLimits::output_lines the
    // line is counted, not stored, and one truncation notice is added. Holds the GIL briefly.
    void print(std::string text);
    void notice(std::string text);  // a line for the user about the run itself

    // --- Stop, limits ----------------------------------------------------------------------
    bool stop_requested() const;
    void check_stop();  // throws RunStopped if stopping
    // Engine-tracked memory (queue items, channel bytes). Over the limit: ends the run with
    // status `limit` and throws RunStopped.
    void charge_memory(std::ptrdiff_t bytes);

    // --- Blocking --------------------------------------------------------------------------
    // Blocks the current worker until `ready()` (evaluated with `lock` held) is true, waiting on
    // `cv`. Releases the GIL while blocked and re-takes it before returning; traces `state`;
    // registers `target` for deadlock detection (untimed waits only); throws RunStopped if
    // the run stops. timeout_s < 0: no timeout. Returns ready() (false = timed out).
    // Wakers just notify `cv` as usual; no extra call is needed.
    template <class Ready>
    bool block_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                     WorkerState state, const WaitTarget& target, double timeout_s, Ready ready);

    // A timed wait with the GIL released (sleep, I/O). Wakes early only for stop (throws).
    void timed_wait(double seconds, WorkerState state = WorkerState::io_wait);

    // Implementation details used by block_until and WorkerScope.
    struct Impl;
    Impl& impl() { return *impl_; }
    explicit Runtime(std::unique_ptr<Impl> impl);
    ~Runtime();

private:
    struct WaitRecord;
    std::shared_ptr<WaitRecord> enter_wait(WorkerState state, const WaitTarget& target, bool timed,
                                           std::function<bool()> probe);
    void leave_wait(const std::shared_ptr<WaitRecord>& rec);
    std::unique_ptr<Impl> impl_;
};

// Binds the calling OS thread to `rt` as a new worker for its lifetime: registers it in the
// tracer, takes the process's GIL (Python code runs holding it), and on destruction releases
// the GIL, traces worker_exit and unregisters. Construct first thing in a worker thread.
class WorkerScope {
public:
    WorkerScope(Runtime& rt, std::string name, WorkerKind kind, uint16_t process);
    ~WorkerScope();
    WorkerScope(const WorkerScope&) = delete;
    WorkerScope& operator=(const WorkerScope&) = delete;
    WorkerContext& context() { return ctx_; }

private:
    WorkerContext ctx_;
    WorkerContext* previous_ = nullptr;
};

// Releases the current worker's GIL for its lifetime (Py_BEGIN_ALLOW_THREADS).
class GilReleased {
public:
    GilReleased();
    ~GilReleased();

private:
    bool released_ = false;
};

// ---------------------------------------------------------------------------------------------
template <class Ready>
bool Runtime::block_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                          WorkerState state, const WaitTarget& target, double timeout_s,
                          Ready ready) {
    using clock = std::chrono::steady_clock;
    const auto deadline = timeout_s >= 0
                              ? clock::now() + std::chrono::duration_cast<clock::duration>(
                                                   std::chrono::duration<double>(timeout_s))
                              : clock::time_point::max();
    std::mutex* m = lock.mutex();
    for (;;) {
        if (ready()) return true;  // only ever true with `lock` held: callers may consume it
        if (clock::now() >= deadline) return false;
        check_stop();
        // The probe lets the deadlock detector re-check this wait's condition under the
        // primitive's own mutex; it is only called while this worker is registered as waiting.
        // enter_wait releases the GIL (releasing never blocks, so holding `lock` is fine).
        auto rec = enter_wait(state, target, timeout_s >= 0, [m, ready]() mutable {
            std::lock_guard<std::mutex> g(*m);
            return static_cast<bool>(ready());
        });
        bool stopping = false;
        // Slices of 20 ms: stop() is seen within 100 ms without a registry of condition vars.
        while (!ready() && clock::now() < deadline) {
            if ((stopping = stop_requested())) break;
            auto slice = std::min<clock::duration>(deadline - clock::now(),
                                                   std::chrono::milliseconds(20));
            cv.wait_for(lock, slice);
        }
        // Lock order is GIL before any primitive mutex: drop `lock` while leave_wait re-takes
        // the GIL, then loop to re-check, since another worker may have consumed the condition.
        lock.unlock();
        leave_wait(rec);
        lock.lock();
        if (stopping) throw RunStopped{};
    }
}

}  // namespace interleave::engine
