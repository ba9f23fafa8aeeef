// Run: the controller thread (watchdog: wall limit, deadlock detection, end of run) and the
// snapshot readers the UI polls.
#include "engine/run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "engine/other_work.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"
#include "engine/trace_export.hpp"
#include "engine/usage.hpp"

namespace interleave::engine {

const char* to_string(MachineKind k) {
    return k == MachineKind::simulated ? "simulated" : "real";
}

const char* to_string(RunStatus s) {
    switch (s) {
        case RunStatus::running:
            return "running";
        case RunStatus::finished:
            return "finished";
        case RunStatus::stopped:
            return "stopped";
        case RunStatus::deadlock:
            return "deadlock";
        case RunStatus::limit:
            return "limit";
        case RunStatus::error:
            return "error";
    }
    return "?";
}

struct Run::Impl {
    RunConfig config;
    Body body;
    std::unique_ptr<Runtime> rt;
    // Detached at once: nobody ever joins the controller. Emscripten's pthread_detach of a
    // thread that already ended is a join, which the browser's main thread must not do, so
    // the controller waits until it is detached before it can end.
    std::atomic<bool> detached{false};
    std::atomic<RunStatus> status{RunStatus::running};
    std::atomic<int64_t> end_ns{-1};
    std::atomic<double> other_busy_cores{-1};  // RunStats::other_busy_cores, set before done
    std::mutex done_mu;
    std::condition_variable done_cv;
    CpuSampler sampler{50};
    OtherWorkProbe probe;  // controller thread only
    bool probing = false;  // real machine, and no /proc/stat (or RunConfig::probe_other_work)

    mutable std::mutex acc_mu;  // guards the incremental usage below
    mutable UsageBuilder acc{10};
    mutable Tracer::Cursor cursor;
    mutable std::vector<TraceEvent> scratch;

    int64_t now_or_end() const {
        int64_t e = end_ns.load(std::memory_order_acquire);
        if (e >= 0) return e;
        // Before MainThread runs the run's time has not started (Runtime::Impl::time_started).
        return impl_of(*rt).time_started.load(std::memory_order_acquire) ? rt->now_ns() : 0;
    }
    void update_usage() const {
        scratch.clear();
        rt->tracer().read(cursor, scratch);
        acc.add(scratch);
    }
    void controller_main();
    void note_other_work(Runtime& r);
};

// Other work during a real run: everything busy on the host's CPUs minus the run's own workers.
// A window drawing beside the run counts as other work too: it took CPU the run could have had.
void Run::Impl::note_other_work(Runtime& r) {
    if (impl_of(r).sim) return;
    if (probing) {  // -1 for a run shorter than kOtherWorkMinS
        const double run_s = static_cast<double>(end_ns.load(std::memory_order_relaxed)) / 1e9;
        other_busy_cores.store(
            other_cores_from_samples(probe.samples(), r.machine().cpu_count(), run_s),
            std::memory_order_relaxed);
        return;
    }
    double busy_s = 0, elapsed_s = 0;
    if (!sampler.totals(&busy_s, &elapsed_s) || elapsed_s < kOtherWorkMinS) return;
    const double own_s =
        static_cast<double>(impl_of(r).workers_cpu_ns.load(std::memory_order_relaxed)) / 1e9;
    const double other = std::max(0.0, (busy_s - own_s) / elapsed_s);
    other_busy_cores.store(other, std::memory_order_relaxed);
}

void Run::Impl::controller_main() {
    detached.wait(false);
    Runtime& r = *rt;
    Runtime::Impl& ri = impl_of(r);
    ri.machine.prepare();  // e.g. the real machine's spin calibration: before the time starts
    // The run's time starts as MainThread starts running (WorkerScope restarts the clock):
    // not when start() was called, nor when the thread was asked for (a browser may take a
    // frame or more to start either).
    if (ri.sim) ri.clock.use_virtual(ri.sim.get());
    if (!ri.sim) sampler.start();  // the host's CPUs say nothing about a simulated machine
    probing = !ri.sim && (config.probe_other_work || !CpuSampler::available());
    WorkerThread main;
    try {
        main = r.spawn_worker("MainThread", WorkerKind::main, 0, [this, &r] {
            const uint32_t task = r.new_task("MainThread");
            r.begin_task(task);
            try {
                body(r);
            } catch (const RunStopped&) {
                throw;
            } catch (const std::exception& e) {
                r.end_run(RunStatus::error, std::string("Error: ") + e.what());
            } catch (...) {
                r.end_run(RunStatus::error, "Error: unknown exception");
            }
        });
    } catch (const std::exception& e) {
        r.end_run(RunStatus::error, std::string("Error: could not start a thread: ") + e.what());
    }
    // The deadlines below are run times: read once the run's time has started.
    if (main.joinable()) {
        ri.time_started.wait(false, std::memory_order_acquire);
    } else {  // no MainThread: the run's (error) time starts now
        if (!ri.sim) ri.clock.restart();
        ri.time_started.store(true, std::memory_order_release);
    }
    // The trace limit does not end the run (output goes on); it is said once, never silent.
    bool trace_noted = false;
    auto note_trace_drops = [&] {
        if (trace_noted || r.tracer().dropped() == 0) return;
        trace_noted = true;
        r.notice("Trace limit reached (" + std::to_string(config.limits.trace_events) +
                 " events): later events are counted as dropped; the timeline is incomplete.");
    };
    const int64_t wall_deadline = r.deadline_after(config.limits.wall_s);
    // The simulated machine keeps its own virtual wall limit; this is its real-time guard.
    const int64_t real_deadline = Clock::add(ri.clock.host_ns(), config.limits.wall_s);
    int64_t stop_seen = -1;    // real time the stop was first seen (simulated: escape hatch)
    int64_t next_sample = -1;  // next line-sample period (real machine)
    int64_t sleep_ns = 5'000'000;
    for (;;) {
        {
            std::unique_lock<std::mutex> lk(ri.stop_mu);
            ri.ctl_cv.wait_for(lk, std::chrono::nanoseconds(sleep_ns));
        }
        sleep_ns = 5'000'000;
        {
            std::lock_guard<std::mutex> g(ri.reg_mu);
            if (ri.live == 0) break;
        }
        note_trace_drops();
        if (r.run_stopping()) {
            // A simulated run unwinds under the baton; if it has not ended 2 s after the stop,
            // let its threads run freely (a body stuck outside the engine, say).
            if (ri.sim) {
                if (stop_seen < 0)
                    stop_seen = ri.clock.host_ns();
                else if (ri.clock.host_ns() - stop_seen > 2'000'000'000)
                    ri.sim->abandon();
            }
            continue;
        }
        if (ri.sim) {
            if (ri.clock.host_ns() >= real_deadline) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%g s", config.limits.wall_s);
                r.end_run(RunStatus::limit, std::string("Time limit reached (") + buf +
                                                " of real time): the run was stopped.");
            }
            continue;  // daemons, deadlocks and line samples are the scheduler's, in virtual time
        }
        if (probing) sleep_ns = std::clamp<int64_t>(probe.tick(r), 100'000, sleep_ns);
        const int64_t now = r.now_ns();
        if (now >= wall_deadline) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g s", config.limits.wall_s);
            r.end_run(RunStatus::limit,
                      std::string("Time limit reached (") + buf + "): the run was stopped.");
            continue;
        }
        if (config.line_sample_ms > 0 && now >= next_sample) {
            r.request_line_samples();
            next_sample = now + static_cast<int64_t>(config.line_sample_ms * 1e6);
        }
        if (ri.stop_lone_daemons())
            continue;  // before the deadlock check: a daemon may wait forever
        ri.detect_deadlock(r);
    }
    probe.finish(r);
    if (main.joinable()) main.join();
    ri.threads.close_and_join();  // every worker has ended: these joins are brief
    note_trace_drops();
    // Real machine: the run ends when its last worker does (the time that worker read), not
    // when this controller, polling every 5 ms and perhaps descheduled, noticed.
    const int64_t last = ri.last_exit_ns.load(std::memory_order_relaxed);
    int64_t end = ri.sim ? ri.sim->end_ns() : r.now_ns();
    if (!ri.sim && last >= 0) end = last;
    end_ns.store(end, std::memory_order_release);
    sampler.stop();
    note_other_work(r);
    RunStatus s = ri.end_status.load();
    if (s == RunStatus::running) s = RunStatus::finished;
    {
        std::lock_guard<std::mutex> g(done_mu);
        status.store(s, std::memory_order_release);
    }
    done_cv.notify_all();
}

std::shared_ptr<Run> Run::start(Body body, RunConfig config) {
    std::shared_ptr<Run> run(new Run());
    run->impl_ = std::make_shared<Impl>();
    Impl& im = *run->impl_;
    // Here, on the caller's thread: in the browser the page's main thread, where reading the
    // zone is immediate; a worker would wait for that thread (issue #8: tzset is proxied).
    if (!config.local_zone)
        config.local_zone =
            config.machine.kind == MachineKind::real ? host_local_zone() : LocalZone{};
    im.config = config;
    im.body = std::move(body);
    im.rt = std::make_unique<Runtime>(config);
    // The controller keeps Impl alive itself: a Run can go away before its controller ends.
    std::thread([self = run->impl_] { self->controller_main(); }).detach();
    im.detached.store(true);
    im.detached.notify_one();
    return run;
}

Run::~Run() {
    // A done run's controller only has to return: nothing to wait for, no lock to take (the
    // browser's main thread drops finished runs). A running one is stopped and waited for, as
    // the header promises: when this returns, no worker of the run is left.
    if (!impl_ || done()) return;
    stop();
    std::unique_lock<std::mutex> lk(impl_->done_mu);
    impl_->done_cv.wait(lk, [this] { return done(); });
}

RunStatus Run::status() const {
    return impl_->status.load(std::memory_order_acquire);
}

void Run::stop() {
    if (status() != RunStatus::running) return;
    impl_->rt->end_run(RunStatus::stopped, "Stopped.");
}

bool Run::wait(double timeout_s) {
    std::unique_lock<std::mutex> lk(impl_->done_mu);
    impl_->done_cv.wait_for(lk, std::chrono::duration<double>(std::max(0.0, timeout_s)),
                            [&] { return done(); });
    return done();
}

size_t Run::read_output(size_t from, std::vector<OutputLine>& out) const {
    auto& ri = impl_of(*impl_->rt);
    std::lock_guard<std::mutex> g(ri.out_mu);
    size_t end = ri.output.size();
    for (size_t i = from; i < end; ++i) out.push_back(ri.output[i]);
    return std::max(from, end);
}

void Run::read_events(Tracer::Cursor& cursor, std::vector<TraceEvent>& out,
                      size_t max_events) const {
    impl_->rt->tracer().read(cursor, out, max_events);
}

std::vector<WorkerInfo> Run::workers() const {
    return impl_->rt->tracer().workers();
}
std::vector<TaskInfo> Run::tasks() const {
    return impl_->rt->tracer().tasks();
}

RunStats Run::stats() const {
    RunStats s = counters();
    const int64_t now = std::llround(s.wall_ms * 1e6);  // the time counters() read
    std::lock_guard<std::mutex> g(impl_->acc_mu);
    impl_->update_usage();
    s.busy_cores_avg = impl_->acc.busy_avg(now);
    s.busy_cores_max = impl_->acc.busy_max(now);
    return s;
}

RunStats Run::counters() const {
    RunStats s;
    Runtime& r = *impl_->rt;
    auto& ri = impl_of(r);
    const int64_t now = impl_->now_or_end();
    s.wall_ms = now / 1e6;
    for (const auto& w : r.worker_stats()) {
        s.cpu_ms += w.cpu_ms;
        s.gil_wait_ms += w.gil_wait_ms;
    }
    {
        std::lock_guard<std::mutex> g(ri.proc_mu);
        for (auto& p : ri.processes)
            if (p.gil) s.gil_switches += p.gil->switches();
    }
    if (ri.sim) s.sim_handoffs = ri.sim->handoffs();
    s.tasks = static_cast<uint32_t>(r.tracer().task_count());
    s.dropped_events = r.tracer().dropped();
    {
        std::lock_guard<std::mutex> g(ri.out_mu);
        s.output_lines = ri.lines_total;
    }
    // Published before the status (done_mu), so a done run always has it.
    if (done()) s.other_busy_cores = impl_->other_busy_cores.load(std::memory_order_relaxed);
    return s;
}

std::vector<WorkerStats> Run::worker_stats() const {
    return impl_->rt->worker_stats();
}

Usage Run::usage() const {
    const int64_t now = impl_->now_or_end();
    Usage u;
    {
        std::lock_guard<std::mutex> g(impl_->acc_mu);
        impl_->update_usage();
        u = impl_->acc.result(now, impl_->rt->machine().cpu_count());
    }
    u.os_cpu_busy = impl_->sampler.series();
    u.os_bin_ms = 50;
    return u;
}

std::vector<std::string> Run::notices() const {
    auto& ri = impl_of(*impl_->rt);
    std::lock_guard<std::mutex> g(ri.out_mu);
    return ri.notices;
}

const RunConfig& Run::config() const {
    return impl_->config;
}
const Tracer& Run::tracer() const {
    return impl_->rt->tracer();
}

std::string Run::export_chrome_trace() const {
    std::vector<OutputLine> out;
    read_output(0, out);
    return engine::export_chrome_trace(impl_->rt->tracer(), out, impl_->now_or_end());
}

}  // namespace interleave::engine
