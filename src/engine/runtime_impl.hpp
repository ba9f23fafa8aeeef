// Interleave engine — Runtime internals shared by runtime.cpp, gil.cpp, run.cpp, kernels.cpp.
// Not a public header: primitives use runtime.hpp.
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

namespace interleave::engine {

// Per worker. Counters are atomics so stats() can read them while the worker runs.
struct WorkerRecord {
    uint16_t id = 0;
    std::string name;
    WorkerKind kind = WorkerKind::thread;
    uint16_t process = 0;
    std::atomic<bool> alive{true};
    bool daemon = false;              // set at registration (under reg_mu)
    std::atomic<bool> killed{false};  // a daemon thread told to stop at interpreter shutdown
    std::atomic<int64_t> gil_hold_ns{0}, gil_wait_ns{0}, cpu_ns{0};
    std::atomic<uint64_t> gil_switches{0}, gil_drop_requests{0};
    std::vector<uint32_t> task_stack;  // owner thread only
};

struct Runtime::WaitRecord {
    uint16_t worker = 0;
    WaitTarget target;
    std::function<bool()> probe;
    std::mutex mu;       // guards `active` and calls of probe/holder by the detector
    bool active = true;  // false once the waiter left (its frame may be gone)
    bool released_gil = false;
    WorkerState previous = WorkerState::running;
};

struct Runtime::Impl {
    explicit Impl(RunConfig c)
        : config(std::move(c)), machine(config.machine), tracer(config.limits.trace_events) {}

    RunConfig config;
    Clock clock;
    Machine machine;
    Tracer tracer;

    // Stop / end of run. `end_status` is RunStatus::running until the first end_run().
    std::atomic<bool> stop{false};
    std::atomic<RunStatus> end_status{RunStatus::running};
    std::mutex stop_mu;
    std::condition_variable stop_cv;  // timed waits sleep on it (notified on stop only)
    std::condition_variable ctl_cv;   // the controller sleeps on it (stop, worker exit, waits)

    // Workers and waits (deadlock detection). Lock order: a primitive's mutex, then reg_mu.
    mutable std::mutex reg_mu;
    std::deque<WorkerRecord> workers;  // index = worker id; stable addresses
    int live = 0;
    int pending = 0;     // announced, not yet registered
    uint64_t epoch = 0;  // bumped on every wait enter/leave and worker come/go
    std::vector<std::shared_ptr<WaitRecord>> waits;  // untimed waits only
    std::atomic<uint32_t> thread_numbers{0};
    std::vector<std::thread> adopted;  // daemon threads whose Thread object went away (reg_mu)
    std::mutex serial_mu;              // next_serial (engine-parallel)
    std::map<std::string, uint32_t> serials;

    // Processes and their GILs.
    std::mutex proc_mu;
    std::deque<std::unique_ptr<Gil>> gils;  // index = process id; null entries when GIL is off
    uint16_t processes = 0;

    // Output and notices.
    mutable std::mutex out_mu;
    std::vector<OutputLine> output;
    uint64_t lines_total = 0;
    bool truncated = false;
    std::vector<std::string> notices;

    std::atomic<int64_t> memory{0};
    std::atomic<uint32_t> tasks{0};

    // Called by the controller: the deadlock check described in runtime.hpp. Returns true (and
    // ends the run) if the run is deadlocked.
    bool detect_deadlock(Runtime& rt);
    // Called by the controller: when only daemon threads are left (main and every other
    // worker ended), marks them killed (see stop_requested) and wakes their timed waits, as
    // interpreter shutdown stops daemon threads. Returns true if it did.
    bool stop_lone_daemons();
};

}  // namespace interleave::engine
