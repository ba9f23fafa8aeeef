// Interleave engine — the runtime: what every primitive, every sample body and the Python
// interpreter stand on.
//
// A Runtime is the inside of one Run: its clock, its machine, its tracer, its output, its
// simulated processes (each with a GIL and an eval-breaker word), its stop flag, its limits and
// its registry of blocked workers (deadlock detection). Each OS thread a run uses is a *worker*
// of it, described by a WorkerContext.
//
// [SECTION] The two ways in
//   Hot paths (the interpreter, the kernels) hold the worker's WorkerContext& and call its
//   members: ctx.checkpoint(), ctx.now_ns(), ctx.emit(kind, arg, t), ctx.print(text),
//   ctx.block_until(...) — CPython's shape: the thread state is a parameter (PYTHON.md §6).
//   C++ sample bodies call the free/Runtime functions, which find the calling worker through a
//   thread-local (`print("Thread 1: 0")`, `Lock l; l.acquire()`); they are one-line wrappers.
//
// [SECTION] Contract for every blocking primitive (Lock, Queue, join, Future::result, the event
//   loop's idle wait, the interpreter's own queue.Queue): block through block_until() on a
//   WaitCv. It releases the GIL while blocked (as CPython's blocking calls do), traces the wait
//   state, wakes for stop() within 20 ms, honours timeouts, and registers what the worker waits
//   for so a deadlock is detected exactly, never by a guess. Its `ready` probe is what the
//   simulated machine's scheduler evaluates to find runnable workers: every wait has one.
//
// [SECTION] Cancellation: when the run is stopping, block_until(), checkpoint() and every kernel
//   tick throw RunStopped. Worker entry points (spawn_worker) catch it and exit. Never swallow
//   it in sample code; the interpreter turns it into its Stopped status (PYTHON.md §10).
//
// [SECTION] Ownership (binding for the interpreter and its GC). Engine objects (Lock, Queue,
//   Thread, Process, executors, futures) refer to their run's Runtime. They are destroyed on a
//   worker of their run, before the run ends; interpreter heaps are torn down inside their
//   worker. Destructors and finalisers never block: a GC that drops a Thread, Process or
//   executor handle calls its non-blocking detach() first (thread.hpp, process.hpp,
//   executor.hpp), which hands the OS thread to the run (joined when the run ends).
//
// [SECTION] Thread-safety: WorkerContext members only on the worker itself; Runtime members on
//   any worker of the run unless a comment says "any thread".
#pragma once

#include <algorithm>
#include <atomic>
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
#include "engine/machine.hpp"
#include "engine/run.hpp"
#include "engine/thread_cache.hpp"
#include "engine/trace.hpp"

namespace interleave::engine {

class Gil;
class Runtime;
class Sim;
struct WorkerRecord;  // runtime_impl.hpp: per-worker stats and task stack
struct SimThread;     // sim.hpp: a worker as the simulated machine's scheduler sees it

// Thrown at cancellation points once stop() was requested (or a limit ended the run, or the
// worker's process was terminated, or a daemon is being stopped at shutdown).
struct RunStopped {};

// [SECTION] Eval breaker (PYTHON.md §6, §11): one word per simulated process, polled by the
// interpreter with one relaxed load where CPython 3.11 polls (RESUME, backward jumps, after a
// builtin CALL). Any set bit sends ctx.checkpoint() to its slow path, which handles the
// engine's bits; the interpreter handles gc, line_sample and async_exc itself (and clears
// them with clear_breaker()).
namespace breaker {
inline constexpr uint32_t gil_drop = 1u << 0;      // a waiter asked this process's GIL holder
inline constexpr uint32_t stop = 1u << 1;          // the run (or this process) is stopping
inline constexpr uint32_t kill_daemons = 1u << 2;  // interpreter shutdown: daemons must stop
inline constexpr uint32_t gc = 1u << 3;            // the interpreter wants a collection
inline constexpr uint32_t line_sample = 1u << 4;   // publish the current line (py_line)
inline constexpr uint32_t async_exc = 1u << 5;     // an asynchronous exception is pending
inline constexpr uint32_t sim_switch = 1u << 6;    // simulated machine: time to reschedule
inline constexpr uint32_t heartbeat = 1u << 7;     // real machine: note when you saw this
inline constexpr uint32_t engine_bits = gil_drop | stop | kill_daemons | sim_switch | heartbeat;
}  // namespace breaker

// A condition variable the engine can see: every blocking wait parks on one. notify_one() /
// notify_all() wake real waiters (std::condition_variable underneath) and, on the simulated
// machine, tell the scheduler to re-evaluate the probes of the workers parked on it (there a
// notify_one may wake several: each re-checks its condition under the lock, as after any
// spurious wake-up). Any thread; non-copyable; must outlive every wait on it.
class WaitCv {
  public:
    WaitCv() = default;
    WaitCv(const WaitCv&) = delete;
    WaitCv& operator=(const WaitCv&) = delete;
    void notify_one() noexcept;
    void notify_all() noexcept;

  private:
    friend class Runtime;
    friend class Sim;
    std::condition_variable cv_;
    std::atomic<Sim*> sim_{nullptr};  // set by the first simulated park on it
};

// A non-owning reference to a `bool()` callable that outlives it (a probe on the waiter's
// frame). Two words, no allocation.
class ProbeRef {
  public:
    ProbeRef() = default;
    template <class F>
    explicit ProbeRef(F& f) noexcept
        : obj_(&f), call_([](void* o) { return static_cast<bool>((*static_cast<F*>(o))()); }) {}
    bool operator()() const { return call_(obj_); }
    explicit operator bool() const noexcept { return call_ != nullptr; }

  private:
    void* obj_ = nullptr;
    bool (*call_)(void*) = nullptr;
};

// What a blocked worker waits for, for the deadlock report:
// "Thread-1 waits for Lock lock_b held by Thread-2".
struct WaitTarget {
    std::string what;                     // "Lock lock_b", "Queue.get()", "Thread-2.join()"
    std::function<std::string()> holder;  // current holder's name, or "" (may be empty)
};

// The calling thread's identity in a run, and the handle hot paths use. Made by the engine for
// each worker (spawn_worker); only that worker's thread calls its members.
class WorkerContext {
  public:
    WorkerContext(const WorkerContext&) = delete;
    WorkerContext& operator=(const WorkerContext&) = delete;

    // --- Identity (engine-maintained) ------------------------------------------------------
    Runtime& runtime() const noexcept { return *runtime_; }
    uint16_t worker() const noexcept { return worker_; }    // id in the trace, 0 = MainThread
    uint16_t process() const noexcept { return process_; }  // simulated process, 0 = main
    uint32_t task() const noexcept { return task_; }        // task running now (0 = none)
    Gil* gil() const noexcept { return gil_; }              // nullptr when free-threaded
    bool holds_gil() const noexcept { return holds_gil_; }
    WorkerState state() const noexcept { return state_; }  // last traced state
    bool is_daemon() const noexcept;                       // Python's daemon thread
    bool simulated() const noexcept { return sim_ != nullptr; }

    // The interpreter's per-thread state (its ThreadState*). The engine never touches it.
    void* user = nullptr;
    // Called on this worker's own thread as it starts to wait (for a lock, a queue, a
    // future, I/O or a sleep, or the GIL) - before the state event - so the interpreter can
    // publish the line the thread waits at (a py_line event): a blocked thread's line marker
    // is then exact rather than its last periodic sample. The engine only stores and calls it.
    // Must not block or take an engine primitive's lock. nullptr: nothing is called.
    void (*on_wait)(WorkerContext&) = nullptr;
    // The source line this worker waits at, as its interpreter knows it (from on_wait; 0:
    // unknown). A deadlock report names it beside the waiter. Own thread; one relaxed store.
    void set_wait_line(int line) noexcept;

    // --- Eval breaker (hot) ----------------------------------------------------------------
    // This process's eval-breaker word, one relaxed load (see namespace breaker).
    uint32_t breaker() const noexcept { return breaker_->load(std::memory_order_relaxed); }
    // The eval loop's periodic check. Nothing pending: one relaxed load. Otherwise: throws
    // RunStopped when stopping; drops the GIL and re-takes it when a waiter asked (CPython's
    // forced switching); on the simulated machine, lets the scheduler run an earlier event.
    // Never called with an engine primitive's mutex (or an interpreter lock) held.
    void checkpoint() {
        if (breaker() & breaker::engine_bits) [[unlikely]]
            checkpoint_slow();
    }
    // Says this worker is on a CPU now: answers the run's other-work heartbeat if one is
    // pending (OtherWorkProbe, other_work.hpp). For long stretches of C++ work that cannot take
    // checkpoint()'s side effects (the interpreter's collector and compiler): without it a
    // worker busy there looks descheduled. Owner thread; nothing pending: one relaxed load.
    void answer_heartbeat() noexcept {
        if (breaker() & breaker::heartbeat) [[unlikely]]
            answer_heartbeat_slow();
    }
    // Sets / clears the interpreter's bits (gc, line_sample, async_exc) in this process's word.
    void set_breaker(uint32_t bits) noexcept;
    void clear_breaker(uint32_t bits) noexcept;

    // --- Time, work, trace -----------------------------------------------------------------
    // ns since the run started: this worker's virtual time on the simulated machine.
    int64_t now_ns() const noexcept;
    // Interpreted instructions just executed: on the simulated machine they advance this
    // worker's time by n * Machine::kInstructionNs (checked at the next checkpoint, which may
    // switch). No-op on the real machine. ~1 ns. Interpreted code may run ahead of other
    // simulated processes by a bounded amount of virtual time (sim.hpp: lookahead); what it
    // does that they can see waits for them.
    void charge_instructions(uint64_t n) noexcept {
        if (sim_) charge_interpreted_ns(static_cast<int64_t>(n) * Machine::kInstructionNs);
    }
    // CPU work worth `ns` of one core, without spinning: virtual time on the simulated machine
    // (builtins "by the work done"), nothing on the real one (the work itself took the time).
    void charge_ns(int64_t ns) noexcept;
    // CPU work worth `ns` of one core, done in GIL-checked ticks of 0.1 ms: spins on the real
    // machine, advances virtual time on the simulated one. Counts toward cpu_ms. cpu(ms) uses it.
    void work(int64_t ns);
    // Adds to this worker's counted CPU work (WorkerStats::cpu_ms, RunStats::cpu_ms).
    void add_cpu_ns(int64_t ns) noexcept;
    // This worker's running time (time.thread_time()): CPU time on the real machine natively,
    // time spent in busy states (running, starting, serialising) in the browser and on the
    // simulated machine.
    int64_t thread_time_ns() const noexcept;

    // Trace events for this worker, stamped now or at `t` (a now_ns() you read: one transition,
    // one clock read). set_state emits nothing if the state is unchanged. With the GIL on, only
    // set `running` while holding the GIL (the engine's own waits do this for you).
    void emit(EventKind kind, uint64_t arg = 0);
    void emit(EventKind kind, uint64_t arg, int64_t t);
    void set_state(WorkerState s);
    void set_state(WorkerState s, int64_t t);
    // Task spans on this worker (nestable); see Runtime::begin_task.
    void begin_task(uint32_t task);
    void end_task();
    void switch_task(uint32_t task);
    // Python's print: Runtime::print for this worker.
    void print(std::string text, Stream stream = Stream::out);
    // Simulated machine: call before touching state another simulated process can see (a
    // process channel, a process's status, a multiprocessing handle's object): if this worker
    // ran ahead in interpreted code (sim.hpp: lookahead), every earlier event of the other
    // workers happens first, so the access is in virtual-time order. Never with an engine
    // primitive's mutex held (it may wait for the baton). Real machine, or nothing earlier
    // pending: a branch. Own thread.
    void sync_shared();

    // Line samples (PYTHON.md §10, REVIEW §2.9): while a line_sample bit is set, a running
    // thread publishes its line once per sample period: true if this worker has not published
    // in the current period (and marks it published); then emit(EventKind::py_line,
    // py_line_arg(code, line)).
    bool line_sample_due() noexcept;

    // --- Blocking (see Runtime::block_until) ------------------------------------------------
    template <class Ready>
    bool block_until(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                     const WaitTarget& target, double timeout_s, Ready ready);
    template <class Ready>
    bool block_until_deadline(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                              const WaitTarget& target, int64_t deadline_ns, Ready ready);

  private:
    friend class Runtime;
    friend class WorkerScope;
    friend class Gil;
    friend class Sim;
    friend class GilReleased;
    WorkerContext() = default;
    void checkpoint_slow();
    void answer_heartbeat_slow() noexcept;
    void charge_interpreted_ns(int64_t ns) noexcept;

    Runtime* runtime_ = nullptr;
    WorkerRecord* record_ = nullptr;
    std::atomic<uint32_t>* breaker_ = nullptr;  // this process's word
    Gil* gil_ = nullptr;
    SimThread* sim_ = nullptr;  // the simulated machine's view of this worker, or nullptr
    uint32_t task_ = 0;
    uint16_t worker_ = 0;
    uint16_t process_ = 0;
    WorkerState state_ = WorkerState::idle;
    bool holds_gil_ = false;
    uint64_t line_epoch_ = 0;  // the sample period this worker last published in
    int64_t cpu_base_ns_ =
        0;  // the OS thread's CPU clock at this worker's start (threads are reused)
};

// The calling thread's WorkerContext, or nullptr outside any run (a thread-local read).
WorkerContext* current_worker();

// WorkerContext::answer_heartbeat() for the calling thread; a no-op outside a run. For code
// that has no WorkerContext at hand (a collector, a compiler). Cost: a thread-local read and a
// relaxed load.
inline void answer_heartbeat() noexcept {
    if (WorkerContext* c = current_worker()) c->answer_heartbeat();
}

// A worker's OS thread, as spawn_worker returns it (std::thread's shape). Movable.
class WorkerThread {
  public:
    WorkerThread() = default;
    WorkerThread(WorkerThread&&) noexcept = default;
    WorkerThread& operator=(WorkerThread&& o) noexcept;
    // A joinable handle that is dropped is detached (never std::terminate, never a block).
    ~WorkerThread();
    bool joinable() const noexcept { return job_ != nullptr; }
    uint16_t worker() const noexcept { return worker_; }
    // Waits until the worker has ended and its body has returned on its OS thread. On a worker
    // of the run the wait goes through block_until (GIL released, state lock_wait,
    // deadlock-visible), and through a stop too (it never throws RunStopped: owners join in
    // destructors); elsewhere (the controller, tests) it is an OS wait.
    void join();
    // Lets the worker go on by itself; its OS thread is the run's (joined when the run ends).
    // Never blocks.
    void detach() noexcept { job_.reset(); }

  private:
    friend class Runtime;
    std::shared_ptr<ThreadCache::Job> job_;  // the worker's body on one of the run's OS threads
    Runtime* rt_ = nullptr;
    uint16_t worker_ = 0;
};

class Runtime {
  public:
    // The runtime of the calling worker. Throws std::logic_error outside a run.
    static Runtime& current();

    const RunConfig& config() const;  // any thread
    Tracer& tracer();                 // any thread

    // --- Time (clock.hpp: the run's one clock) ---------------------------------------------
    static constexpr int64_t kNever = Clock::kNever;  // a deadline that never comes
    // ns since the run started: host time on the real machine, the calling worker's virtual
    // time on the simulated one (the machine's current time for other threads). Any thread.
    int64_t now_ns() const;
    // now_ns() + seconds, clamped to [0, about a year] (NaN: 0). Any thread.
    int64_t deadline_after(double seconds) const;
    // Unix time (ns) of the run's t = 0: time.time() == (epoch_ns() + now_ns()) / 1e9.
    int64_t epoch_ns() const;
    const Clock& clock() const;
    // The machine the run executes on: cores and what work costs (machine.hpp). Any thread.
    const Machine& machine() const;

    // --- Workers ---------------------------------------------------------------------------
    // A new simulated process (own GIL, own eval-breaker word). Returns its id (> 0).
    uint16_t new_process();
    Gil* gil_for(uint16_t process);  // nullptr when the run is free-threaded. Any thread.

    // Starts `fn` on a new OS thread as a new worker: the only way workers are born. The
    // worker is registered (trace id, deadlock bookkeeping, the simulated machine's admission)
    // before this returns, so its id is known at once and a join() racing its start-up is never
    // a false "deadlock". Catches what `fn` throws: RunStopped ends the worker quietly, another
    // exception becomes a notice "Exception in <name>: <what>". `daemon`: Python's daemon
    // thread (see stop_lone_daemons in runtime_impl.hpp). Past RunLimits::threads live workers,
    // or when the OS (the browser's worker pool) has no thread to give, throws
    // std::system_error and registers nothing. Any worker of this run, or the controller.
    WorkerThread spawn_worker(std::string name, WorkerKind kind, uint16_t process,
                              std::function<void()> fn, bool daemon = false);
    // Blocks (block_until) until `worker` has ended or timeout_s passes; true if it ended.
    bool wait_worker_exit(uint16_t worker, double timeout_s = -1);
    bool worker_alive(uint16_t worker) const;        // any thread
    bool worker_is_daemon(uint16_t worker) const;    // any thread
    std::string worker_name(uint16_t worker) const;  // any thread
    std::vector<WorkerStats> worker_stats() const;   // any thread
    uint32_t next_thread_number();                   // "Thread-N" numbering, per run, from 1
    // Per-run counters for other Python-style names ("ThreadPoolExecutor-N", "Process-N",
    // "Lock#N"): 0, 1, 2, ... for each `key`. Any thread.
    uint32_t next_serial(const std::string& key);

    // Task registry: ids for trace and output. Counts toward RunLimits::tasks (throws RunStopped
    // after ending the run with status `limit` and a notice when exceeded).
    uint32_t new_task(std::string name);
    // Same, for numbered names (prefix + number, e.g. "Task 17"): `prefix` from task_prefix()
    // (intern once, e.g. per executor). No lock, no allocation: the pool's per-item path.
    uint32_t task_prefix(std::string prefix);
    uint32_t new_task(uint32_t prefix, uint64_t number);
    // Task begin/end on the current worker (trace + WorkerContext::task, nestable). Tasks left
    // open when a worker exits are closed for it.
    void begin_task(uint32_t task);
    void end_task();
    // end_task() then begin_task(task) at one instant, one clock read: a pool worker going
    // from one item to the next, an event loop switching tasks. begin_task() if none is open.
    void switch_task(uint32_t task);

    // The current worker's traced state and raw events (see WorkerContext). Current worker.
    void set_state(WorkerState s);
    void set_state(WorkerState s, int64_t t);
    void emit(EventKind kind, uint64_t arg = 0);
    void emit(EventKind kind, uint64_t arg, int64_t t);

    // --- Output ----------------------------------------------------------------------------
    // Python's print (stream out) or a write to sys.stderr (err: tracebacks): stores the line
    // with time, task, worker and stream. Past RunLimits::output_lines the line is counted, not
    // stored, and one truncation notice is added. A checkpoint first (throws RunStopped when
    // stopping; lets the GIL go when asked). Any worker.
    // newline=false for a final partial line (the program wrote no newline after it).
    void print(std::string text, Stream stream = Stream::out, bool newline = true);
    void notice(std::string text);  // a line for the user about the run itself. Any thread.

    // --- Stop, limits ----------------------------------------------------------------------
    // The run is stopping, or the calling worker's process was terminated, or (asked on a
    // daemon thread) the daemon threads are being stopped. Any thread.
    bool stop_requested() const;
    void check_stop();  // throws RunStopped if stop_requested()
    // The whole run is stopping (stop(), a limit, an error, a deadlock), as opposed to only
    // the calling worker's process or daemon thread. Any thread.
    bool run_stopping() const;
    // Stops every worker of simulated process `process` (multiprocessing's terminate(): 15,
    // kill(): 9): their cancellation points throw RunStopped from now on. Any thread.
    void kill_process(uint16_t process, int signal);
    int process_kill_signal(uint16_t process) const;  // 0 unless killed. Any thread.
    // The calling worker's WorkerContext::checkpoint() (a cancellation point plus a GIL check).
    // Call it in any long-running loop of a C++ body.
    void checkpoint();
    // Engine-tracked memory (queue items, channel bytes). Over the limit: ends the run with
    // status `limit` and throws RunStopped. Negative to give back (never throws then).
    void charge_memory(std::ptrdiff_t bytes);
    // Ends the run with `status` (first caller wins) and asks every worker to stop. `notice`
    // (if not empty) is shown to the user. Any thread, never blocks.
    void end_run(RunStatus status, std::string notice);
    // Line samples: starts a new sample period (sets breaker::line_sample in every process).
    // The controller calls it every RunConfig::line_sample_ms on the real machine; the
    // simulated machine at each period of virtual time. Any thread.
    void request_line_samples();

    // --- Blocking --------------------------------------------------------------------------
    // Blocks the current worker until `ready()` (evaluated with `lock` held) is true, parked on
    // `cv`. Releases the GIL while blocked and re-takes it before returning; traces `state`;
    // registers `target` for deadlock detection (untimed waits); throws RunStopped if the run
    // stops. timeout_s < 0: no timeout. Returns ready() (false = timed out), with `lock` held in
    // both cases. When it throws, `lock` may be unlocked. Wakers change the condition with
    // `lock`'s mutex held and notify `cv`; nothing else.
    // Rules for `ready`: no side effects, reads only state guarded by `lock`'s mutex, and every
    // thread that can make it true is a worker of this run (else deadlock detection lies and
    // the simulated machine never wakes the waiter).
    template <class Ready>
    bool block_until(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                     const WaitTarget& target, double timeout_s, Ready ready);
    // Same with an absolute deadline (a now_ns() time from deadline_after(); kNever: none).
    template <class Ready>
    bool block_until_deadline(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                              const WaitTarget& target, int64_t deadline_ns, Ready ready);

    // A timed wait with the GIL released (time.sleep, I/O). Wakes early only for stop (throws).
    // Costs no real time on the simulated machine.
    void timed_wait(double seconds, WorkerState state = WorkerState::io_wait);

    // One wait of `c` on `cv` (the engine's park/unpark service; block_until and the GIL use
    // it): returns with `lock` held, true after a wake-up (maybe spurious: re-check), false
    // once `deadline_ns` has passed. `probe` (callable with `lock` *not* held; it takes the
    // lock itself) tells the simulated scheduler when this worker can run. Real machine: an OS
    // wait of at most 20 ms (stop is seen within that).
    bool park(WorkerContext& c, std::unique_lock<std::mutex>& lock, WaitCv& cv, int64_t deadline_ns,
              ProbeRef probe);

    explicit Runtime(RunConfig config);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    struct Impl;  // runtime_impl.hpp; engine-internal

  private:
    friend Impl& impl_of(Runtime& rt) noexcept;
    friend class WorkerContext;
    friend class WorkerScope;
    friend class GilReleased;
    friend class Gil;  // stop_requested(c) for a waiter whose step the scheduler runs
    struct WaitRecord;
    std::shared_ptr<WaitRecord> enter_wait(WorkerContext& c, WorkerState state,
                                           const WaitTarget& target, bool timed, ProbeRef probe);
    // Returns false when the run stopped while re-taking the GIL (GIL not held then).
    bool leave_wait(WorkerContext& c, const std::shared_ptr<WaitRecord>& rec);
    bool stop_requested(const WorkerContext& c) const;
    [[noreturn]] static void no_worker();
    void count_task();  // RunLimits::tasks: ends the run and throws RunStopped past it
    std::unique_ptr<Impl> impl_;
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
// Why this shape (the deadlock detector's exactness and the scheduler's determinism rest on it):
// - Lock order is GIL before any primitive mutex. The GIL is released with `lock` held (release
//   never blocks) but re-taken only after `lock` is dropped.
// - The probe re-evaluates `ready` under the primitive's mutex; the detector and the simulated
//   scheduler call it only while the record is active / the worker is parked, so the lambda on
//   this frame is alive whenever it runs.
// - enter_wait/leave_wait bump the runtime's wait epoch; the detector declares a deadlock only
//   if every live worker is in an untimed wait, no worker is starting, every probe is false
//   and the epoch did not move while it probed. No timing guess is involved.
template <class Ready>
bool Runtime::block_until(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                          const WaitTarget& target, double timeout_s, Ready ready) {
    if (ready()) return true;  // fast path: no allocation, no clock read, no GIL traffic
    return block_until_deadline(lock, cv, state, target,
                                timeout_s >= 0 ? deadline_after(timeout_s) : kNever, ready);
}

template <class Ready>
bool Runtime::block_until_deadline(std::unique_lock<std::mutex>& lock, WaitCv& cv,
                                   WorkerState state, const WaitTarget& target, int64_t deadline_ns,
                                   Ready ready) {
    WorkerContext* c = current_worker();
    if (!c || c->runtime_ != this) no_worker();
    return c->block_until_deadline(lock, cv, state, target, deadline_ns, ready);
}

template <class Ready>
bool WorkerContext::block_until(std::unique_lock<std::mutex>& lock, WaitCv& cv, WorkerState state,
                                const WaitTarget& target, double timeout_s, Ready ready) {
    if (ready()) return true;
    return block_until_deadline(
        lock, cv, state, target,
        timeout_s >= 0 ? runtime_->deadline_after(timeout_s) : Runtime::kNever, ready);
}

template <class Ready>
bool WorkerContext::block_until_deadline(std::unique_lock<std::mutex>& lock, WaitCv& cv,
                                         WorkerState state, const WaitTarget& target,
                                         int64_t deadline_ns, Ready ready) {
    Runtime& rt = *runtime_;
    const bool timed = deadline_ns != Runtime::kNever;
    std::mutex* m = lock.mutex();
    // The probe as the detector and the scheduler call it: under the primitive's mutex.
    auto locked_ready = [m, &ready]() {
        std::lock_guard<std::mutex> g(*m);
        return static_cast<bool>(ready());
    };
    for (;;) {
        if (ready()) return true;  // only ever true with `lock` held: callers may consume it
        if (timed && now_ns() >= deadline_ns) return false;
        if (rt.stop_requested(*this)) throw RunStopped{};
        auto rec = rt.enter_wait(*this, state, target, timed, ProbeRef(locked_ready));
        bool stopping = false;
        while (!ready()) {
            if ((stopping = rt.stop_requested(*this))) break;
            if (!rt.park(*this, lock, cv, deadline_ns, ProbeRef(locked_ready))) break;
        }
        lock.unlock();
        const bool ok = rt.leave_wait(*this, rec);
        if (stopping || !ok) throw RunStopped{};
        lock.lock();
    }
}

}  // namespace interleave::engine
