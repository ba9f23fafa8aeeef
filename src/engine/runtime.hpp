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

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/clock.hpp"
#include "engine/run.hpp"
#include "engine/trace.hpp"

namespace interleave::engine {

class Gil;
class Machine;
struct WorkerRecord;  // runtime_impl.hpp: per-worker stats and task stack

// Thrown at cancellation points once stop() was requested (or a limit ended the run).
struct RunStopped {};

// The calling thread's identity in a run. Set by WorkerScope; nullptr outside any run.
// Only the owning thread touches it.
struct WorkerContext {
    Runtime* runtime = nullptr;
    uint16_t worker = 0;
    uint16_t process = 0;                   // simulated process: 0 = the run's main process
    uint32_t task = 0;                      // task currently running on this worker (0 = none)
    Gil* gil = nullptr;                     // this process's GIL; nullptr when free-threaded
    bool holds_gil = false;                 // engine-maintained
    WorkerState state = WorkerState::idle;  // last traced state
    WorkerRecord* record = nullptr;         // engine-internal
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

    // --- Time (clock.hpp: the run's one clock) ---------------------------------------------
    static constexpr int64_t kNever = Clock::kNever;  // a deadline that never comes
    // ns since the run started: host time on the real machine, the calling worker's virtual
    // time on the simulated one. Any thread; one clock read.
    int64_t now_ns() const;
    // now_ns() + seconds, clamped to [0, about a year] (NaN: 0). Any thread.
    int64_t deadline_after(double seconds) const;
    // Unix time (ns) of the run's t = 0: time.time() == (epoch_ns() + now_ns()) / 1e9.
    int64_t epoch_ns() const;
    Clock& clock();
    // The machine the run executes on: cores and the cost of work (machine.hpp). Any thread.
    const Machine& machine() const;

    // --- Workers ---------------------------------------------------------------------------
    // A new simulated process (own GIL, own worker ids). Returns its id (> 0). Any thread.
    uint16_t new_process();
    Gil* gil_for(uint16_t process);  // nullptr when the run is free-threaded

    // Starts an OS thread running `fn` as a new worker (WorkerScope made for you; RunStopped
    // and exceptions caught — an exception becomes a notice "Exception in <name>: what").
    // Prefer this to a bare std::thread: the deadlock detector is told a worker is on its way
    // before the thread exists, so a join() racing the thread's start-up is never a false
    // "deadlock". The caller must join the returned thread. Any worker of this run.
    // `daemon`: Python's daemon thread: once the main thread and every other non-daemon worker
    // has ended, it is stopped (its cancellation points throw RunStopped) and the run finishes.
    std::thread spawn_worker(std::string name, WorkerKind kind, uint16_t process,
                             std::function<void()> fn, bool daemon = false);
    // Takes a daemon worker's thread whose owner went away; joined when the run ends.
    void adopt_thread(std::thread t);
    // For code that makes its own std::thread: call announce_worker() before creating it and
    // construct WorkerScope(..., /*announced=*/true) in it (exactly once per announce).
    void announce_worker();
    std::string worker_name(uint16_t worker) const;  // any thread
    std::vector<WorkerStats> worker_stats() const;   // any thread
    uint32_t next_thread_number();                   // "Thread-N" numbering, per run, from 1
    // Per-run counters for other Python-style names ("ThreadPoolExecutor-N", "Process-N"):
    // 0, 1, 2, ... for each `key`. Any thread. (Added by engine-parallel.)
    uint32_t next_serial(const std::string& key);

    // Task registry: ids for trace and output. Counts toward RunLimits::tasks (throws RunStopped
    // after ending the run with status `limit` and a notice when exceeded).
    uint32_t new_task(std::string name);
    // Same, for numbered names (prefix + number, e.g. "Task 17"): `prefix` from task_prefix()
    // (intern once, e.g. per executor). No lock, no allocation: the pool's per-item path.
    uint32_t task_prefix(std::string prefix);
    uint32_t new_task(uint32_t prefix, uint64_t number);
    // Task begin/end on the current worker (trace + WorkerContext::task, nestable). Tasks left
    // open when a worker exits are closed by WorkerScope.
    void begin_task(uint32_t task);
    void end_task();
    // end_task() then begin_task(task) at one instant, one clock read: a pool worker going
    // from one item to the next, an event loop switching tasks. begin_task() if none is open.
    void switch_task(uint32_t task);

    // Sets the current worker's traced state (no event if unchanged). With the GIL on, only
    // set `running` while holding the GIL (the engine's own waits do this for you).
    void set_state(WorkerState s);
    // Same, stamped `t` (a now_ns() the caller read: one transition, one clock read).
    void set_state(WorkerState s, int64_t t);
    // Emits a raw event for the current worker (task = its current task). Current worker only.
    void emit(EventKind kind, uint64_t arg = 0);
    void emit(EventKind kind, uint64_t arg, int64_t t);  // stamped `t`

    // --- Output ----------------------------------------------------------------------------
    // Python's print: stores the line with time, task, worker. Past RunLimits::output_lines the
    // line is counted, not stored, and one truncation notice is added. A cancellation point
    // and a GIL check (throws RunStopped when stopping). Any worker.
    void print(std::string text);
    // The same for a line of the program's stdout or stderr (tracebacks go to err);
    // newline=false for a final partial line (the program wrote no newline after it).
    void print(std::string text, OutputStream stream, bool newline = true);
    void notice(std::string text);  // a line for the user about the run itself. Any thread.

    // --- Stop, limits ----------------------------------------------------------------------
    // The run is stopping, or (asked on a daemon thread) the daemon threads are being stopped.
    bool stop_requested() const;
    void check_stop();  // throws RunStopped if stopping
    // A cancellation point plus a GIL check: drops and re-takes the GIL when another worker
    // asked for it (CPython's eval-breaker). Call it in any long-running loop. Current worker.
    void checkpoint();
    // Engine-tracked memory (queue items, channel bytes). Over the limit: ends the run with
    // status `limit` and throws RunStopped. Negative to give back.
    void charge_memory(std::ptrdiff_t bytes);
    // Ends the run with `status` (first caller wins) and asks every worker to stop. `notice`
    // (if not empty) is shown to the user. Any thread, never blocks.
    void end_run(RunStatus status, std::string notice);

    // --- Blocking --------------------------------------------------------------------------
    // Blocks the current worker until `ready()` (evaluated with `lock` held) is true, waiting on
    // `cv`. Releases the GIL while blocked and re-takes it before returning; traces `state`;
    // registers `target` for deadlock detection (untimed waits only); throws RunStopped if
    // the run stops. timeout_s < 0: no timeout. Returns ready() (false = timed out), with
    // `lock` held in both cases. When it throws, `lock` may be unlocked.
    // Wakers change the condition with `lock`'s mutex held and notify `cv`; no extra call.
    // Rules for `ready`: no side effects, reads only state guarded by `lock`'s mutex, and every
    // thread that can make it true is a worker of this run (else deadlock detection lies).
    template <class Ready>
    bool block_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                     WorkerState state, const WaitTarget& target, double timeout_s, Ready ready);
    // Same with an absolute deadline (a now_ns() time from deadline_after(); kNever: none).
    template <class Ready>
    bool block_until_deadline(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                              WorkerState state, const WaitTarget& target, int64_t deadline_ns,
                              Ready ready);

    // A timed wait with the GIL released (sleep, I/O). Wakes early only for stop (throws).
    void timed_wait(double seconds, WorkerState state = WorkerState::io_wait);

    // Implementation details used by block_until and WorkerScope.
    struct Impl;
    Impl& impl() { return *impl_; }
    explicit Runtime(std::unique_ptr<Impl> impl);
    ~Runtime();

  private:
    friend class WorkerScope;
    struct WaitRecord;
    std::shared_ptr<WaitRecord> enter_wait(WorkerState state, const WaitTarget& target, bool timed,
                                           std::function<bool()> probe);
    // Returns false when the run stopped while re-taking the GIL (GIL not held then).
    bool leave_wait(const std::shared_ptr<WaitRecord>& rec);
    void count_task();  // RunLimits::tasks: ends the run and throws RunStopped past it
    std::unique_ptr<Impl> impl_;
};

// Binds the calling OS thread to `rt` as a new worker for its lifetime: registers it in the
// tracer, takes the process's GIL (Python code runs holding it), and on destruction closes
// open tasks, releases the GIL, traces worker_exit and unregisters. Construct first thing in a
// worker thread. Never throws RunStopped (a stopping run starts the worker without the GIL;
// its first cancellation point throws). `announced`: see Runtime::announce_worker().
class WorkerScope {
  public:
    WorkerScope(Runtime& rt, std::string name, WorkerKind kind, uint16_t process,
                bool announced = false, bool daemon = false);
    ~WorkerScope();
    WorkerScope(const WorkerScope&) = delete;
    WorkerScope& operator=(const WorkerScope&) = delete;
    WorkerContext& context() { return ctx_; }

  private:
    WorkerContext ctx_;
    WorkerContext* previous_ = nullptr;
};

// Releases the current worker's GIL for its lifetime (Py_BEGIN_ALLOW_THREADS), tracing `state`
// meanwhile; re-takes it (state `running`) on destruction unless the run is stopping.
class GilReleased {
  public:
    explicit GilReleased(WorkerState state = WorkerState::io_wait);
    ~GilReleased();
    GilReleased(const GilReleased&) = delete;
    GilReleased& operator=(const GilReleased&) = delete;

  private:
    bool released_ = false;
};

// ---------------------------------------------------------------------------------------------
// Why this shape (the deadlock detector's exactness rests on it):
// - Lock order is GIL before any primitive mutex. The GIL is released with `lock` held (release
//   never blocks) but re-taken only after `lock` is dropped.
// - The probe re-evaluates `ready` under the primitive's mutex; the detector calls it only while
//   the record is active (guarded by the record's own mutex, which leave_wait takes without
//   holding `lock`), so captured references to this frame are alive whenever it runs.
// - enter_wait/leave_wait bump the runtime's wait epoch; the detector declares a deadlock only
//   if every live worker is in an untimed wait, no worker is starting, every probe is false
//   and the epoch did not move while it probed. No timing guess is involved.
// - Stop is seen within one 20 ms slice.
template <class Ready>
bool Runtime::block_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                          WorkerState state, const WaitTarget& target, double timeout_s,
                          Ready ready) {
    if (ready()) return true;  // fast path: no allocation, no clock read, no GIL traffic
    return block_until_deadline(lock, cv, state, target,
                                timeout_s >= 0 ? deadline_after(timeout_s) : kNever, ready);
}

template <class Ready>
bool Runtime::block_until_deadline(std::unique_lock<std::mutex>& lock,
                                   std::condition_variable& cv, WorkerState state,
                                   const WaitTarget& target, int64_t deadline_ns, Ready ready) {
    constexpr int64_t kStopSliceNs = 20'000'000;  // stop is seen within one slice
    const bool timed = deadline_ns != kNever;
    std::mutex* m = lock.mutex();
    for (;;) {
        if (ready()) return true;  // only ever true with `lock` held: callers may consume it
        if (timed && now_ns() >= deadline_ns) return false;
        check_stop();
        std::function<bool()> probe;
        if (!timed) {
            probe = [m, ready]() mutable {
                std::lock_guard<std::mutex> g(*m);
                return static_cast<bool>(ready());
            };
        }
        auto rec = enter_wait(state, target, timed, std::move(probe));
        bool stopping = false;
        while (!ready()) {
            if ((stopping = stop_requested())) break;
            int64_t slice = kStopSliceNs;
            if (timed) {
                const int64_t left = deadline_ns - now_ns();
                if (left <= 0) break;
                slice = std::min(slice, left);
            }
            cv.wait_for(lock, std::chrono::nanoseconds(slice));
        }
        lock.unlock();
        const bool ok = leave_wait(rec);
        if (stopping || !ok) throw RunStopped{};
        lock.lock();
    }
}

}  // namespace interleave::engine
