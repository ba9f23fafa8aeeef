// Interleave engine — Runtime internals shared by the engine's own files (runtime.cpp, wait.cpp,
// shutdown.cpp, gil.cpp, run.cpp, sim). Not a public header: primitives and the interpreter
// use runtime.hpp; this one is reached through impl_of(), a friend of Runtime.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/gil.hpp"
#include "engine/machine.hpp"
#include "engine/runtime.hpp"
#include "engine/thread_cache.hpp"

namespace interleave::engine {

// Per worker, registered by spawn_worker before its OS thread exists. Counters are atomics so
// stats() can read them while the worker runs.
struct WorkerRecord {
    uint16_t id = 0;
    std::string name;
    WorkerKind kind = WorkerKind::thread;
    uint16_t process = 0;
    bool daemon = false;              // set at registration (under reg_mu)
    std::atomic<bool> alive{true};    // false once the worker ended (after its last event)
    std::atomic<bool> killed{false};  // a daemon thread told to stop at interpreter shutdown
    std::atomic<int64_t> gil_hold_ns{0}, gil_wait_ns{0}, cpu_ns{0}, busy_ns{0};
    std::atomic<uint64_t> gil_switches{0}, gil_drop_requests{0};
    std::atomic<int> wait_line{0};  // WorkerContext::set_wait_line (read by deadlock reports)
    // OtherWorkProbe (other_work.hpp): odd while in state `running`, +1 at every entry and exit
    // (owner thread writes); the last heartbeat this worker answered, and when (run time).
    std::atomic<uint32_t> running_gen{0};
    std::atomic<uint32_t> heartbeat_epoch{0};
    std::atomic<int64_t> heartbeat_ns{-1};
    int64_t busy_since = -1;           // owner thread: start of the open busy interval
    std::vector<uint32_t> task_stack;  // owner thread only
};

// Per simulated process: its GIL and its eval-breaker word.
struct ProcessRecord {
    std::unique_ptr<Gil> gil;  // null when free-threaded
    std::atomic<uint32_t> breaker{0};
    std::atomic<int> kill_signal{0};  // terminate(): 15, kill(): 9; its workers stop
};

struct Runtime::WaitRecord {
    uint16_t worker = 0;
    WaitTarget target;
    ProbeRef probe;
    std::mutex mu;       // guards `active` and calls of probe/holder by the detector
    bool active = true;  // false once the waiter left (its frame may be gone)
    bool released_gil = false;
    WorkerState previous = WorkerState::running;
};

struct Runtime::Impl {
    explicit Impl(RunConfig c);
    ~Impl();

    RunConfig config;
    Clock clock;
    Machine machine;
    // Set as MainThread starts running (WorkerScope), which on the real machine restarts the
    // clock there: the run's t = 0 is its first instruction, not the moment the controller
    // asked for the thread (a browser hands out a Web Worker only between two frames of its
    // main thread, 17-36 ms later under load). Until then the run's time reads 0 (Run).
    std::atomic<bool> time_started{false};
    // When the last worker so far ended (run time, its own clock read): the run's end.
    std::atomic<int64_t> last_exit_ns{-1};
    Tracer tracer;
    std::unique_ptr<Sim> sim;  // the simulated machine's scheduler, or null (real machine)

    // Stop / end of run. `end_status` is RunStatus::running until the first end_run().
    std::atomic<bool> stop{false};
    std::atomic<RunStatus> end_status{RunStatus::running};
    std::mutex stop_mu;
    WaitCv stop_cv;                  // timed waits park on it (notified on stop and kills)
    std::condition_variable ctl_cv;  // the controller sleeps on it (stop, worker exit, waits)

    // Workers and waits (deadlock detection). Lock order: a primitive's mutex, then reg_mu.
    mutable std::mutex reg_mu;
    std::deque<WorkerRecord> workers;  // index = worker id; stable addresses
    int live = 0;                      // registered and not yet ended
    uint64_t epoch = 0;                // bumped on every wait enter/leave and worker come/go
    std::vector<std::shared_ptr<WaitRecord>> waits;  // untimed waits only
    std::mutex exit_mu;  // wait_worker_exit's lock (the flag is WorkerRecord::alive)
    WaitCv exit_cv;      // a worker ended
    std::atomic<uint32_t> thread_numbers{0};
    std::mutex serial_mu;
    std::map<std::string, uint32_t> serials;

    // Simulated processes: GIL and eval breaker. Stable addresses (workers point at them).
    mutable std::mutex proc_mu;
    std::deque<ProcessRecord> processes;  // index = process id

    // Output and notices.
    mutable std::mutex out_mu;
    std::vector<OutputLine> output;
    uint64_t lines_total = 0;
    bool truncated = false;
    std::vector<std::string> notices;

    // Parking lots of the run's futures (future.cpp), picked by the future's address.
    struct alignas(64) FutureLot {
        std::mutex m;
        WaitCv cv;
    };
    FutureLot future_lots[64];

    std::atomic<int64_t> memory{0};
    // Real machine, natively: the OS's CPU time of the run's worker threads that have ended
    // (each reads its own at exit), for "other work" during the run (Run: other_busy_cores).
    std::atomic<int64_t> workers_cpu_ns{0};
    std::atomic<uint32_t> tasks{0};
    std::atomic<uint64_t> line_epoch{0};       // line sample periods started
    std::atomic<uint32_t> heartbeat_epoch{0};  // OtherWorkProbe: the heartbeat in flight

    ProcessRecord& process(uint16_t id) {
        std::lock_guard<std::mutex> g(proc_mu);
        return processes[id];
    }
    // Sets / clears `bits` in every process's eval-breaker word.
    void set_breaker_all(uint32_t bits);
    void clear_breaker_all(uint32_t bits);

    // Called by the controller (real machine) or the scheduler (simulated): the deadlock check
    // described in runtime.hpp. Returns true (and ends the run) if the run is deadlocked.
    bool detect_deadlock(Runtime& rt);
    // The report for a deadlock among `waits` ("Deadlock: Thread-1 waits for ...").
    std::string deadlock_report(Runtime& rt, std::vector<std::shared_ptr<WaitRecord>> waits);
    // When only daemon threads are left (main and every other worker ended), marks them killed
    // (see stop_requested) and wakes their waits, as interpreter shutdown stops daemon threads.
    // Returns true while only daemons are left. The controller calls it (real machine); on the
    // simulated one the last non-daemon worker's exit does, at that virtual instant.
    bool stop_lone_daemons();
    // Wakes every timed and untimed wait so it re-checks stop (after a stop, kill or daemon
    // shutdown).
    void wake_all_waits();
    // Waits until `worker` ended, through a stop (WorkerThread::join's fallback): on the
    // simulated machine a park that ignores stop; on the real one nothing (the OS join that
    // follows is bounded, as the worker stops by itself).
    void await_exit(WorkerContext& c, uint16_t worker);

    // The OS threads workers run on: some started with the run (on the caller of Run::start,
    // the page's main thread in the browser), reused as workers end. Last member: destroyed
    // first, joining its parked threads while everything a worker used still exists.
    ThreadCache threads;
};

Runtime::Impl& impl_of(Runtime& rt) noexcept;

// Binds the calling OS thread to `rt` as the worker spawn_worker registered: context, TLS,
// the simulated machine's baton, the process's GIL (Python code runs holding it). On
// destruction: closes open tasks, releases the GIL, traces worker_exit, marks the worker ended
// and leaves the scheduler. Never throws RunStopped (a stopping run starts the worker without
// the GIL; its first cancellation point throws). Engine-internal (runtime.cpp).
class WorkerScope {
  public:
    WorkerScope(Runtime& rt, uint16_t worker);
    ~WorkerScope();
    WorkerScope(const WorkerScope&) = delete;
    WorkerScope& operator=(const WorkerScope&) = delete;
    WorkerContext& context() { return ctx_; }

  private:
    WorkerContext ctx_;
    WorkerContext* previous_ = nullptr;
};

}  // namespace interleave::engine
