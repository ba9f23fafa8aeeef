// Interleave engine — the tracer: what every worker did, and when.
//
// Each worker appends fixed-size TraceEvents to its own buffer, without locks (single writer,
// readers see a prefix published with a release store). Readers (the UI, the CLI, export) pull
// events incrementally with a TraceCursor. A full buffer never loses silently: it counts drops,
// and Tracer::dropped() reports them.
//
// Thread-safety: emit() only from the worker that owns the buffer (on the simulated machine
// also the scheduler for a parked worker, which is not running: still one writer at a time,
// ordered by the scheduler's mutex); everything else from any thread. Times are nanoseconds since
// the run started (steady clock). The browser's timer has 5 µs resolution: nothing here assumes
// finer ticks.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace interleave::engine {

// What a worker is doing. A worker is in exactly one state at a time; a `state` event starts
// a new one and ends the previous one.
enum class WorkerState : uint8_t {
    idle,  // alive, nothing to do (a pool worker between tasks, an event loop with no ready task)
    running,      // executing Python-level work (holds the GIL when the GIL is on)
    gil_wait,     // wants the GIL, someone else holds it
    lock_wait,    // blocked on Lock/RLock/Condition/Semaphore/Barrier/Event
    queue_wait,   // blocked on Queue get/put, or on a Future's result
    io_wait,      // timed wait: I/O, sleep (GIL released)
    starting,     // process start-up: a fresh worker, copying its state
    serialising,  // pickling arguments/results across a process channel
    ready,        // runnable, waiting for a core (simulated machine: more runnable than cores)
    count_
};
const char* to_string(WorkerState s);

enum class EventKind : uint8_t {
    task_begin,   // worker starts running task `task` (nested spans are allowed: a Thread's task,
                  // then a pool task inside)
    task_end,     // ends the innermost open task on that worker
    state,        // arg = WorkerState
    gil_acquire,  // worker now holds the GIL of process `arg`
    gil_release,  // worker dropped the GIL of process `arg`
    gil_drop_request,  // worker asked the holder of GIL `arg` to drop it (waited one switch
                       // interval)
    print,             // arg = index of the output line
    worker_exit,       // the worker ended; no more events from it
    // The interpreter's (PYTHON.md §10, REVIEW §2.9). Readers that draw states, GIL or tasks
    // ignore them; the Chrome export draws py_span, the editor's line markers read py_line.
    py_span,  // a Python call that took long enough ended: arg = py_span_arg(code, duration),
              // t_ns = its end (so per-worker time order holds); it began at t_ns - duration
    py_line,  // a line sample: arg = py_line_arg(code, line), at the sample's time
};
const char* to_string(EventKind k);

// `code`: a name id from Tracer::intern (the code object's qualified name).
inline constexpr uint64_t kPySpanDurationBits = 40;  // durations up to ~18 minutes
inline constexpr uint64_t py_span_arg(uint32_t code, int64_t duration_ns) {
    const uint64_t d = duration_ns < 0 ? 0 : static_cast<uint64_t>(duration_ns);
    const uint64_t max = (uint64_t{1} << kPySpanDurationBits) - 1;
    return (uint64_t{code} << kPySpanDurationBits) | (d > max ? max : d);
}
inline constexpr uint32_t py_span_code(uint64_t arg) {
    return static_cast<uint32_t>(arg >> kPySpanDurationBits);
}
inline constexpr int64_t py_span_duration(uint64_t arg) {
    return static_cast<int64_t>(arg & ((uint64_t{1} << kPySpanDurationBits) - 1));
}
inline constexpr uint64_t py_line_arg(uint32_t code, uint32_t line) {
    return (uint64_t{code} << 32) | line;
}
inline constexpr uint32_t py_line_code(uint64_t arg) { return static_cast<uint32_t>(arg >> 32); }
inline constexpr uint32_t py_line_line(uint64_t arg) { return static_cast<uint32_t>(arg); }

struct TraceEvent {
    int64_t t_ns = 0;   // since run start
    uint32_t task = 0;  // task id (0 = none)
    uint16_t worker = 0;
    EventKind kind = EventKind::state;
    uint8_t pad_ = 0;
    uint64_t arg = 0;
};
static_assert(sizeof(TraceEvent) == 24, "TraceEvent must stay small and fixed-size");

enum class WorkerKind : uint8_t {
    main,
    thread,
    process_main,
    pool_thread,
    pool_process,
    event_loop,
    controller
};

struct WorkerInfo {
    uint16_t id = 0;
    std::string
        name;  // Python's: "MainThread", "Thread-1", "Process-1", "ThreadPoolExecutor-0_0", ...
    WorkerKind kind = WorkerKind::thread;
    uint16_t process =
        0;  // 0 = the run's main process; each Process/pool process has its own (own GIL)
};

struct TaskInfo {
    uint32_t id = 0;
    std::string name;  // "Thread 1", "Task 0", "Async Task 2", ...
};

class Tracer {
  public:
    // `max_events` bounds the whole run (all workers); past it, events are counted as dropped.
    // The budget is handed to workers in grants of 512 events, so a worker may leave part of
    // its last grant unused: stored <= max_events, and stored + dropped = emitted, always.
    explicit Tracer(size_t max_events = 4'000'000);
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    // Registers a worker and returns its id. Any thread. Names need not be unique.
    uint16_t add_worker(std::string name, WorkerKind kind, uint16_t process);
    // Registers a task name and returns its id (ids start at 1). Any thread.
    uint32_t add_task(std::string name);
    // Hot path for numbered names ("Task 0", "Task 1", ...): `prefix` from task_prefix(), the
    // name is prefix + number, formatted only when tasks() is read. Lock-free, no allocation
    // (bar one chunk per 16384 tasks). Any thread.
    uint32_t task_prefix(std::string prefix);  // interns; same prefix -> same id (short lock)
    uint32_t add_task(uint32_t prefix, uint64_t number);
    // Interned names for other ids in events (py_span/py_line code ids): same text, same id.
    // Any thread, short lock. name() of an unknown id is "".
    uint32_t intern(std::string name) { return task_prefix(std::move(name)); }
    std::string name(uint32_t id) const;

    // Appends an event to `worker`'s buffer. Only the thread that currently is that worker.
    // Lock-free, no allocation on the fast path: ~6 ns/event natively (tests/bench). Storage
    // grows in segments: 24 KiB first, doubling, then 2 MiB huge-page segments.
    void emit(uint16_t worker, EventKind kind, uint32_t task, uint64_t arg, int64_t t_ns);

    // Copies of the registries (any thread, short lock). tasks() returns every task whose id
    // was handed out before the call (it waits the few instructions a concurrent add_task
    // needs to finish writing its entry).
    std::vector<WorkerInfo> workers() const;
    std::vector<TaskInfo> tasks() const;
    size_t task_count() const;  // lock-free

    // Events appended since `cursor` was last used, per worker in time order, workers
    // concatenated (sort by t_ns if you need a global order). Any thread, never blocks writers.
    // At most `max_events` are appended (the rest stay for the next read: a UI thread can take
    // a big backlog a slice per frame); each worker's events still come in order.
    struct Cursor {
        std::vector<size_t> next;  // per worker: index of the next unread event
    };
    void read(Cursor& cursor, std::vector<TraceEvent>& out, size_t max_events = SIZE_MAX) const;
    // All events so far, sorted by time (export, tests).
    std::vector<TraceEvent> all_sorted() const;

    uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
    // Time of the earliest dropped event, -1 if none: before it the trace is complete, from it
    // on some events are missing (views mark that period instead of guessing). Any thread.
    int64_t first_drop_ns() const { return first_drop_ns_.load(std::memory_order_relaxed); }
    size_t size() const;  // events stored

  private:
    struct Impl;  // engine-core's choice
    std::unique_ptr<Impl> impl_;
    std::atomic<uint64_t> dropped_{0};
    std::atomic<int64_t> first_drop_ns_{-1};
    void drop(int64_t t_ns);
};

}  // namespace interleave::engine
