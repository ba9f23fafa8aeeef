// Interleave engine — a Run: one execution of one program (a sample's body) with its limits.
//
// start() returns at once: the body runs on the run's own controller thread as "MainThread".
// Everything a UI needs is a snapshot read (output, events, stats, status) that never blocks
// for long and never waits for a worker, so the browser's main thread can poll every frame.
// stop() is a request: every worker sees it at its next tick or wait and exits within 100 ms.
// status() leaves `running` only once every worker has ended, so done() means "no thread of
// this run is left" but the controller, which then only returns. Destroying a done Run never
// blocks (the controller is let go); destroying a running one stops it and joins its threads.
// So only wait() and destroying a running Run block — never on the browser main thread.
// OS threads per run: a controller (watchdog: wall limit, deadlock detection), MainThread, one
// per Thread / process / pool worker, and natively a /proc/stat sampler. Size the wasm
// PTHREAD_POOL_SIZE for the largest sample plus these.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "engine/usage.hpp"

namespace interleave::engine {

enum class RunStatus : uint8_t {
    running,
    finished,  // the body returned and every worker ended
    stopped,   // stop() was called
    deadlock,  // every live worker blocked on an engine primitive, no timer pending
    limit,     // a limit was hit (wall time, output, trace events, tasks, memory)
    error,     // the body threw; the message is in notices()
};
const char* to_string(RunStatus s);  // "running", "finished", ...

struct RunLimits {
    double wall_s = 60.0;
    size_t output_lines = 10'000;  // then a truncation notice; later lines are counted, not stored
#ifdef __EMSCRIPTEN__
    size_t trace_events = 1'000'000;  // 24 MB: the web heap is small (a 60 s run needs ~100k)
#else
    size_t trace_events = 4'000'000;  // 96 MB at most; drops past it are counted and shown
#endif
    size_t tasks = 10'000;
    size_t memory_bytes = 256u << 20;  // engine-tracked bytes: queues, channels, output
    // Live workers at once (threads, processes, pool workers; MainThread included). Past it,
    // starting one raises Python's RuntimeError("can't start new thread"). In the browser each
    // is a Web Worker: the page's pool is sized for this (PYTHON.md §11: >= 64 Python threads).
#ifdef __EMSCRIPTEN__
    size_t threads = 128;
#else
    size_t threads = 512;
#endif
};

// Where a line was written: Python's sys.stdout (print) or sys.stderr (tracebacks, warnings).
enum class Stream : uint8_t { out, err };

struct OutputLine {
    double t_ms = 0;  // since run start (t_ns / 1e6)
    uint32_t task = 0;
    uint16_t worker = 0;
    std::string text;
    int64_t t_ns = 0;  // since run start: lines are stored in time order
    Stream stream = Stream::out;
    bool newline = true;  // false: a last partial line (the program ended without a newline)
};

struct RunStats {
    double wall_ms = 0;         // elapsed so far, or total once done
    double cpu_ms = 0;          // CPU work done by kernels (sum over workers)
    double busy_cores_avg = 0;  // mean number of workers running at once
    double busy_cores_max = 0;
    double gil_wait_ms = 0;       // sum over workers
    uint64_t gil_switches = 0;    // GIL hand-offs between workers
    uint32_t tasks = 0;           // tasks registered
    uint64_t dropped_events = 0;  // tracer drops
    uint64_t output_lines = 0;    // lines printed, including those past the output limit
    // Real machine, once the run is done: the mean number of cores other work kept busy
    // meanwhile (other programs, and this program's own threads that are not the run's, such
    // as a window drawing). Natively: /proc/stat's busy time on all CPUs minus the run's
    // workers' CPU time, over the run's duration. In the browser (or with
    // RunConfig::probe_other_work): the CPU other work took from the run's running workers,
    // from heartbeats they answer (other_work.hpp; work on cores the run left idle is not
    // seen). -1: unknown (simulated machine, a run shorter than Run::kOtherWorkMinS, or still
    // running). Past Run::kDisturbedCores its
    // times are disturbed: front ends say so (samples::disturbance_note), the engine does not
    // (a Python program's stderr stays python3's).
    double other_busy_cores = -1;
    // Simulated machine: times the scheduler passed the baton from one OS thread to another
    // (each an OS thread switch: the run's real cost on a busy host; sim.hpp, lookahead). A
    // figure of the run like the others: the same for the same program, knobs and seed. 0 on
    // the real machine.
    uint64_t sim_handoffs = 0;
};

// Per-worker figures (GIL and kernels). Snapshot; any thread.
struct WorkerStats {
    uint16_t worker = 0;
    std::string name;
    uint16_t process = 0;
    double gil_hold_ms = 0;          // time holding the GIL
    double gil_wait_ms = 0;          // time waiting for it
    uint64_t gil_switches = 0;       // times it took the GIL from another worker
    uint64_t gil_drop_requests = 0;  // times it asked the holder to drop it
    double cpu_ms = 0;               // kernel CPU work done
    double running_ms = 0;           // time in busy states (running, starting, serialising)
    bool alive = false;
};

class Runtime;  // runtime.hpp: what primitives and sample bodies use

// The machine a run executes on (machine.hpp). Real: this computer's cores and clock.
// Simulated: `cores` virtual cores, a virtual clock and a scheduler seeded with `seed`, so
// the same program, knobs and seed give the same run, byte for byte, everywhere.
enum class MachineKind : uint8_t { real, simulated };
const char* to_string(MachineKind k);  // "real", "simulated"

struct MachineConfig {
    MachineKind kind = MachineKind::real;
    unsigned cores = 4;  // simulated only: 1..kMaxCores
    uint32_t seed = 1;   // simulated only: tie-breaks between simultaneous events
    static constexpr unsigned kMaxCores = 64;
};

// A run's local time zone: what time.localtime(), time.strftime(), time.ctime() and
// datetime.now() show. Fixed for the run: the offset in force when it started.
// ✗ No DST rule: local times of another season (time.localtime(secs) for a date half a year
//   away, or a run that spans a DST change) use the run start's offset too, an hour off where
//   the host observes DST.
struct LocalZone {
    int32_t utc_offset_s = 0;  // local time minus UTC, seconds (struct tm's tm_gmtoff)
    bool dst = false;          // daylight saving time in force (tm_isdst)
    std::string name = "UTC";  // the zone's abbreviation (tm_zone): "CET", "EDT", "GMT+2"...
    // The zone near this year's January 1 and July 1 (local time minus UTC, and the name), as
    // CPython 3.11's init_timezone reads them on glibc for time.timezone, altzone, daylight
    // and tzname. Unset: the zone has one offset all year, the one above.
    struct Season {
        int32_t utc_offset_s = 0;
        std::string name = "UTC";
    };
    std::optional<Season> january, july;
};

// This computer's zone now: libc's localtime_r (natively TZ or /etc/localtime; in the browser
// the page's JS Date). Only on a thread where that is immediate: natively any thread; in the
// browser the page's main thread (in a Web Worker Emscripten 3.1.6 proxies tzset to the main
// thread and waits for it, seconds on a busy page). Cost: a few µs. No zone known: UTC.
LocalZone host_local_zone();

struct RunConfig {
    bool gil = true;                  // false = free-threaded (Python 3.13t)
    double switch_interval_ms = 5.0;  // sys.setswitchinterval
    RunLimits limits;
    MachineConfig machine;
    // Line samples for the editor's markers (py_line events): a new sample period every
    // line_sample_ms of run time (virtual on the simulated machine); 0 = off.
    double line_sample_ms = 0;
    // The run's local time zone. Unset: Run::start fills it, on its caller's thread (never a
    // worker's: see host_local_zone), with host_local_zone() on the real machine and UTC on the
    // simulated one (its output is the same on every machine, whatever the host's zone).
    std::optional<LocalZone> local_zone;
    // OS threads started with the run, by the caller of Run::start, for workers to start on
    // without creating one (ThreadCache). In the browser a thread created by another thread
    // waits for the page's main thread (17-36 ms under load); each is a Web Worker of the page's
    // pool (PTHREAD_POOL_SIZE) while the run lasts.
    // Measure other work from the run's own running workers (other_work.hpp) even where the
    // OS's counters can be read (tests). Where they cannot (the browser) it is always so.
    bool probe_other_work = false;
#ifdef __EMSCRIPTEN__
    size_t prestart_threads = 6;
#else
    size_t prestart_threads = 2;
#endif
};

class Run {
  public:
    using Body = std::function<void(Runtime&)>;
    // RunStats::other_busy_cores: measured for runs at least this long (/proc/stat counts in
    // 10 ms steps); from this many cores on, a run's times are disturbed.
    static constexpr double kOtherWorkMinS = 0.2;
    static constexpr double kDisturbedCores = 0.25;

    // Starts `body` on a new controller thread. Any thread; never blocks. In the browser call
    // it on the page's main thread when config.local_zone is unset (host_local_zone).
    [[nodiscard]] static std::shared_ptr<Run> start(Body body, RunConfig config = {});
    ~Run();  // stops and joins

    RunStatus status() const;  // any thread, lock-free
    bool done() const { return status() != RunStatus::running; }
    void stop();  // any thread, never blocks
    // Blocks until done or `timeout_s` passes; returns done(). Tests and CLI only.
    bool wait(double timeout_s);

    // --- Snapshots (any thread, short internal locks, never wait for workers) ---
    // Appends output lines [from, end) to `out`, returns end. Stored lines only (see limits).
    size_t read_output(size_t from, std::vector<OutputLine>& out) const;
    // Appends events since the cursor's last read, at most `max_events` (Tracer::read).
    void read_events(Tracer::Cursor& cursor, std::vector<TraceEvent>& out,
                     size_t max_events = SIZE_MAX) const;
    std::vector<WorkerInfo> workers() const;
    std::vector<TaskInfo> tasks() const;
    RunStats stats() const;
    // stats() without busy_cores_avg/max (left 0): no trace events are processed, so the cost
    // does not grow with the run's event rate (a UI that derives usage from events itself).
    RunStats counters() const;
    std::vector<WorkerStats> worker_stats() const;  // per worker: GIL hold/wait/switches, cpu
    Usage usage() const;                       // busy-worker bins, per-worker busy fraction, cores
    std::vector<std::string> notices() const;  // limits hit, truncation, deadlock report, errors
    const RunConfig& config() const;
    const Tracer& tracer() const;  // for export; read-only

    // Chrome Trace Event JSON (Perfetto, chrome://tracing). Any thread; complete once done().
    std::string export_chrome_trace() const;

  private:
    Run() = default;
    struct Impl;
    std::shared_ptr<Impl> impl_;  // shared with the controller thread, which may outlive us
};

}  // namespace interleave::engine
