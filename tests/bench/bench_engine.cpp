// The engine's benchmark: the same program natively and in wasm under node. Prints one JSON
// object on stdout (progress on stderr); tests/bench/report.py turns it, the peers' figures and
// CPython's into the table. Figures only: nothing is asserted, no timed checks.
//
//   bench_engine [--sections exec,coro,tracer,cpu] [--tasks N] [--switches N] [--events N]
//                [--cpu-ms MS] [--reps R]
//
// Sections (each figure is the median of R repetitions):
//   exec    submit+wait of N empty tasks on ThreadPoolExecutor(2), GIL on (as CPython) and off.
//           Timed like CPython's peer: executor made, then submit N, then wait(fs).
//   coro    asyncio switches/s: one coroutine doing `co_await asyncio::sleep(0)` N times.
//   tracer  Tracer::emit ns/event in a tight loop, 1 worker and 2 workers at once (each its own
//           buffer), plus Runtime::emit (what engine code calls: clock read + TLS + emit).
//   cpu     2 jobs of cpu(MS) each: sequential vs each model with 2 workers (speed-up = seq/model).
//   sim     the simulated machine's real cost: ns per checkpoint that stays on the fast path
//           (one worker charging instructions); ns per 0.1 ms tick of two free-threaded workers
//           computing side by side on 4 cores (lookahead: they need not take turns); ns per
//           hand-off of the baton (two threads waking each other through Events, each hand-off
//           an OS thread switch); and the same job as `cpu` (2 threads x cpu(MS) under the GIL)
//           run real vs simulated: the real run's wall time, the simulated run's real time to
//           finish, and their ratio. For the two CPU jobs also the real ms a virtual second
//           costs and the baton hand-offs (OS thread switches) the scheduler made.
#include <time.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "engine/executor.hpp"
#include "engine/future.hpp"
#include "engine/kernels.hpp"
#include "engine/process.hpp"
#include "engine/run.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine/trace.hpp"

#if __has_include("engine/asyncio.hpp")
#include "engine/asyncio.hpp"
#define BENCH_HAVE_ASYNCIO 1
#endif

namespace eng = interleave::engine;

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU time of the calling thread (ns): on a shared machine it leaves out the time other
// processes took the core. Not meaningful under wasm (NaN there).
double thread_cpu_ns() {
#if defined(__EMSCRIPTEN__) || !defined(CLOCK_THREAD_CPUTIME_ID)
    return kNaN;
#else
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
#endif
}

double median(std::vector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
    if (v.empty()) return kNaN;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Options {
    std::string sections = "exec,coro,tracer,cpu,sim";
    long tasks = 100000;
    long switches = 200000;
    long events = 2000000;
    double cpu_ms = 200;
    int reps = 5;
    bool has(const char* s) const {
        return ("," + sections + ",").find("," + std::string(s) + ",") != std::string::npos;
    }
};

// Results, in insertion order, as JSON numbers (NaN -> null: a figure we could not measure).
class Json {
  public:
    void num(const std::string& key, double v) {
        char buf[64];
        if (std::isnan(v) || std::isinf(v))
            std::snprintf(buf, sizeof buf, "null");
        else
            std::snprintf(buf, sizeof buf, "%.6g", v);
        items_.emplace_back(key, buf);
    }
    void str(const std::string& key, const std::string& v) {
        items_.emplace_back(key, "\"" + v + "\"");
    }
    std::string dump() const {
        std::string s = "{";
        for (size_t i = 0; i < items_.size(); ++i) {
            if (i) s += ", ";
            s += "\"" + items_[i].first + "\": " + items_[i].second;
        }
        return s + "}";
    }

  private:
    std::vector<std::pair<std::string, std::string>> items_;
};

eng::RunConfig config(bool gil, size_t trace_events = 20'000'000) {
    eng::RunConfig c;
    c.gil = gil;
    c.limits.wall_s = 600;
    c.limits.tasks = 100'000'000;
    c.limits.trace_events = trace_events;
    c.limits.memory_bytes = size_t{1} << 30;
    return c;
}

// Problems seen while benchmarking (a run that ended badly); printed in the JSON as "warnings".
std::vector<std::string> g_warnings;

// Runs `body` as a Run's main thread and waits. `body` stores its figure in `out` as soon as the
// timed region ends. Returns that figure; if the run then ended other than `finished` (say a
// deadlock report while tearing the executor down) the figure is kept but a warning is recorded;
// if the timed region never completed, returns NaN.
double timed_run(const char* what, eng::RunConfig cfg, const std::function<void(double&)>& body) {
    double secs = kNaN;
    auto run = eng::Run::start([&](eng::Runtime&) { body(secs); }, cfg);
    if (!run->wait(300)) {
        run->stop();
        run->wait(30);
        std::fprintf(stderr, "bench: %s: did not finish in 300 s, stopped\n", what);
        g_warnings.push_back(std::string(what) + ": timed out");
        return kNaN;
    }
    if (run->status() != eng::RunStatus::finished) {
        std::string msg =
            std::string(what) + ": run ended '" + eng::to_string(run->status()) + "'" +
            (std::isnan(secs) ? " before the figure was taken" : " after the figure was taken");
        for (const auto& n : run->notices()) msg += "; " + n;
        std::fprintf(stderr, "bench: %s\n", msg.c_str());
        g_warnings.push_back(msg);
    }
    return secs;
}

// --- exec --------------------------------------------------------------------------------------

// CPU time of the whole process (ns), NaN under wasm: with the wall time it shows how much of
// a figure was other processes holding the cores.
double process_cpu_ns() {
#if defined(__EMSCRIPTEN__) || !defined(CLOCK_PROCESS_CPUTIME_ID)
    return kNaN;
#else
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
#endif
}

struct ExecFigure {
    double wall_s = kNaN, cpu_s = kNaN;
};

ExecFigure exec_once(long n, bool gil) {
    ExecFigure f;
    f.wall_s = timed_run("executor", config(gil), [n, &f](double& out) {
        eng::ThreadPoolExecutor ex(2);
        const double c0 = process_cpu_ns();
        const auto t0 = Clock::now();
        std::vector<eng::Future<void>> fs;
        fs.reserve(static_cast<size_t>(n));
        for (long i = 0; i < n; ++i) fs.push_back(ex.submit([] {}));
        auto r = eng::wait(fs);
        const double s = seconds_since(t0);
        if (!r.not_done.empty()) return;
        f.cpu_s = (process_cpu_ns() - c0) * 1e-9;
        out = s;
    });
    return f;
}

void bench_exec(const Options& o, Json& j) {
    std::vector<double> on, off, on_cpu, off_cpu;
    for (int r = 0; r < o.reps; ++r) {
        const ExecFigure a = exec_once(o.tasks, true), b = exec_once(o.tasks, false);
        on.push_back(a.wall_s);
        on_cpu.push_back(a.cpu_s);
        off.push_back(b.wall_s);
        off_cpu.push_back(b.cpu_s);
    }
    j.num("exec_tasks", static_cast<double>(o.tasks));
    j.num("exec_s", median(on));
    j.num("exec_nogil_s", median(off));
    j.num("exec_cpu_s", median(on_cpu));  // all threads of the process, summed
    j.num("exec_nogil_cpu_s", median(off_cpu));
}

// --- coro --------------------------------------------------------------------------------------

#ifdef BENCH_HAVE_ASYNCIO
namespace asyncio = eng::asyncio;

asyncio::Task<void> ping(long n) {
    for (long i = 0; i < n; ++i) co_await asyncio::sleep(0);
}

asyncio::Task<void> pair(long n) {
    co_await asyncio::gather(ping(n), ping(n));
}

void bench_coro(const Options& o, Json& j) {
    std::vector<double> v, v_cpu;
    for (int r = 0; r < o.reps; ++r) {
        double cpu = kNaN;
        v.push_back(timed_run("asyncio", config(true), [&o, &cpu](double& out) {
            const double c0 = process_cpu_ns();
            auto t0 = Clock::now();
            asyncio::run(ping(o.switches));
            out = seconds_since(t0);
            cpu = (process_cpu_ns() - c0) * 1e-9;
        }));
        v_cpu.push_back(cpu);
    }
    // Two tasks alternating (the asyncio sample's shape): every sleep(0) hands over to the other.
    std::vector<double> v2;
    for (int r = 0; r < o.reps; ++r) {
        v2.push_back(timed_run("asyncio pair", config(true), [&o](double& out) {
            auto t0 = Clock::now();
            asyncio::run(pair(o.switches / 2));
            out = seconds_since(t0);
        }));
    }
    j.num("coro_switches", static_cast<double>(o.switches));
    j.num("coro_per_s", static_cast<double>(o.switches) / median(v));
    j.num("coro_cpu_per_s", static_cast<double>(o.switches) / median(v_cpu));
    j.num("coro_pair_per_s", static_cast<double>(o.switches / 2 * 2) / median(v2));
}
#else
void bench_coro(const Options&, Json& j) {
    std::fprintf(stderr, "bench: engine/asyncio.hpp not in this tree: coroutine figures n/a\n");
    j.num("coro_per_s", kNaN);
}
#endif

// --- tracer ------------------------------------------------------------------------------------

// Each of `workers` threads appends n events to its own buffer (threads start together on a
// flag, so the 2-worker figure includes any contention). Per-event cost of the slowest thread:
// wall time, and that thread's own CPU time (leaves out preemption by other processes).
struct TracerFigure {
    double wall_ns = kNaN, cpu_ns = kNaN;
};

TracerFigure tracer_once(int workers, long n) {
    // The budget is granted in slices: leave each worker a chunk of slack.
    eng::Tracer tr(static_cast<size_t>(workers) * (static_cast<size_t>(n) + 8192));
    std::vector<uint16_t> ids;
    for (int w = 0; w < workers; ++w)
        ids.push_back(
            tr.add_worker("bench", eng::WorkerKind::thread, 0));  // names need not be unique
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<TracerFigure> fig(static_cast<size_t>(workers));
    auto body = [&](int w) {
        const uint16_t id = ids[static_cast<size_t>(w)];
        ready.fetch_add(1);
        while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
        const double c0 = thread_cpu_ns();
        const auto t0 = Clock::now();
        for (long i = 0; i < n; ++i)
            tr.emit(id, eng::EventKind::state, 1, static_cast<uint64_t>(i & 7), i);
        auto& f = fig[static_cast<size_t>(w)];
        f.wall_ns = seconds_since(t0) * 1e9 / static_cast<double>(n);
        f.cpu_ns = (thread_cpu_ns() - c0) / static_cast<double>(n);
    };
    std::vector<std::thread> ts;
    for (int w = 1; w < workers; ++w) ts.emplace_back(body, w);
    while (ready.load() < workers - 1) std::this_thread::yield();
    go.store(true, std::memory_order_release);
    body(0);
    for (auto& t : ts) t.join();
    if (tr.dropped() != 0)
        std::fprintf(stderr, "bench: tracer dropped %llu events\n",
                     static_cast<unsigned long long>(tr.dropped()));
    TracerFigure worst;
    for (const auto& f : fig) {
        if (!(f.wall_ns <= worst.wall_ns)) worst.wall_ns = f.wall_ns;  // NaN-aware max
        if (!(f.cpu_ns <= worst.cpu_ns)) worst.cpu_ns = f.cpu_ns;
    }
    return worst;
}

void bench_tracer(const Options& o, Json& j) {
    std::vector<double> one, two, one_cpu, two_cpu, rt, rt_cpus;
    for (int r = 0; r < o.reps; ++r) {
        const TracerFigure a = tracer_once(1, o.events), b = tracer_once(2, o.events);
        one.push_back(a.wall_ns);
        one_cpu.push_back(a.cpu_ns);
        two.push_back(b.wall_ns);
        two_cpu.push_back(b.cpu_ns);
        const long n = o.events;
        double rt_cpu = kNaN;
        rt.push_back(timed_run("Runtime::emit", config(true, static_cast<size_t>(n) + 1000000),
                               [n, &rt_cpu](double& out) {
                                   auto& rtm = eng::Runtime::current();
                                   const double c0 = thread_cpu_ns();
                                   const auto t0 = Clock::now();
                                   for (long i = 0; i < n; ++i)
                                       rtm.emit(eng::EventKind::state,
                                                static_cast<uint64_t>(i & 7));
                                   out = seconds_since(t0) * 1e9 / static_cast<double>(n);
                                   rt_cpu = (thread_cpu_ns() - c0) / static_cast<double>(n);
                               }));
        rt_cpus.push_back(rt_cpu);
    }
    // What one clock read costs here (Runtime::emit reads the clock for every event).
    std::vector<double> clk, clk_cpu;
    for (int r = 0; r < o.reps; ++r) {
        const long n = o.events;
        int64_t sink = 0;
        const double c0 = thread_cpu_ns();
        const auto t0 = Clock::now();
        for (long i = 0; i < n; ++i) sink += Clock::now().time_since_epoch().count();
        clk.push_back(seconds_since(t0) * 1e9 / static_cast<double>(n));
        clk_cpu.push_back((thread_cpu_ns() - c0) / static_cast<double>(n));
        if (sink == 42) std::fputs("", stderr);  // keeps the loop
    }
    j.num("tracer_events", static_cast<double>(o.events));
    j.num("tracer_ns_1w", median(one));
    j.num("tracer_ns_2w", median(two));
    j.num("tracer_cpu_ns_1w", median(one_cpu));
    j.num("tracer_cpu_ns_2w", median(two_cpu));
    j.num("tracer_runtime_ns", median(rt));
    j.num("tracer_runtime_cpu_ns", median(rt_cpus));
    j.num("clock_now_ns", median(clk));
    j.num("clock_now_cpu_ns", median(clk_cpu));
}

// --- cpu ---------------------------------------------------------------------------------------

void burn(double ms) {
    eng::cpu(ms);
}

double cpu_threads(double ms) {
    auto t0 = Clock::now();
    eng::Thread a([ms] { eng::cpu(ms); }), b([ms] { eng::cpu(ms); });
    a.start();
    b.start();
    a.join();
    b.join();
    return seconds_since(t0);
}

double cpu_processes(double ms) {
    auto t0 = Clock::now();
    eng::Process a(burn, ms), b(burn, ms);
    a.start();
    b.start();
    a.join();
    b.join();
    return seconds_since(t0);
}

template <class Pool>
double cpu_pool(double ms) {
    Pool ex(2);
    ex.map(burn, std::vector<double>{0.1, 0.1})
        .wait();  // warm: workers started (as CPython's peer)
    auto t0 = Clock::now();
    ex.map(burn, std::vector<double>{ms, ms}).wait();
    return seconds_since(t0);
}

void bench_cpu(const Options& o, Json& j) {
    (void)eng::cpu_iterations_per_ms();  // calibrate outside the timed runs
    struct M {
        const char* key;
        bool gil;
        std::function<double(double)> fn;
    };
    const std::vector<M> models = {
        {"seq", true,
         [](double ms) {
             auto t0 = Clock::now();
             eng::cpu(ms);
             eng::cpu(ms);
             return seconds_since(t0);
         }},
        {"threads_gil", true, cpu_threads},
        {"threads_nogil", false, cpu_threads},
        {"processes", true, cpu_processes},
        {"process_pool", true, cpu_pool<eng::ProcessPoolExecutor>},
        {"thread_pool", true, cpu_pool<eng::ThreadPoolExecutor>},
        {"thread_pool_nogil", false, cpu_pool<eng::ThreadPoolExecutor>},
    };
    // The ceiling right now: the same spin loop on plain std::threads, no engine at all. On a
    // machine whose cores are busy with other work this falls towards 1.0, and the engine's
    // figures are to be read against it rather than against 2.0.
    const auto iters = static_cast<uint64_t>(o.cpu_ms * eng::cpu_iterations_per_ms());
    auto raw_seq = [iters] {
        auto t0 = Clock::now();
        uint64_t x = eng::cpu_spin(iters, 1);
        x = eng::cpu_spin(iters, x);
        if (x == 42) std::fputs("", stderr);
        return seconds_since(t0);
    };
    auto raw_par = [iters] {
        auto t0 = Clock::now();
        uint64_t a = 0, b = 0;
        std::thread th([&a, iters] { a = eng::cpu_spin(iters, 1); });
        b = eng::cpu_spin(iters, 2);
        th.join();
        if (a == b) std::fputs("", stderr);
        return seconds_since(t0);
    };
    std::map<std::string, std::vector<double>> t;
    // Models interleaved within each repetition, so slow drift on a shared machine hits all alike.
    for (int r = 0; r < o.reps; ++r) {
        t["raw_seq"].push_back(raw_seq());
        t["raw_par"].push_back(raw_par());
        for (const auto& m : models)
            t[m.key].push_back(
                timed_run(m.key, config(m.gil), [&](double& out) { out = m.fn(o.cpu_ms); }));
    }
    j.num("speedup_raw_threads", median(t["raw_seq"]) / median(t["raw_par"]));
    const double seq = median(t["seq"]);
    j.num("cpu_ms", o.cpu_ms);
    j.num("cpu_seq_s", seq);
    for (const auto& m : models) {
        if (std::string(m.key) == "seq") continue;
        j.num(std::string("speedup_") + m.key, seq / median(t[m.key]));
    }
}

// --- sim ---------------------------------------------------------------------------------------

eng::RunConfig sim_config(bool gil, unsigned cores = 4) {
    eng::RunConfig c = config(gil);
    c.machine.kind = eng::MachineKind::simulated;
    c.machine.cores = cores;
    return c;
}

// Real seconds a run takes from start() to done (what a user waits for); `handoffs`: the
// simulated machine's baton hand-offs, read as the body ends.
double run_seconds(const eng::Run::Body& body, eng::RunConfig cfg, double* handoffs = nullptr) {
    auto t0 = Clock::now();
    auto run = eng::Run::start(
        [&](eng::Runtime& rt) {
            body(rt);
            if (handoffs && eng::impl_of(rt).sim)
                *handoffs = static_cast<double>(eng::impl_of(rt).sim->handoffs());
        },
        cfg);
    if (!run->wait(300)) {
        run->stop();
        run->wait(30);
        g_warnings.push_back("sim: a run did not finish in 300 s");
        return kNaN;
    }
    return seconds_since(t0);
}

// A process running interpreted code as the interpreter charges it: 256 instructions (7.7 µs
// of virtual time) per check. A plain function: Process targets cannot capture.
void interpreted_charges(int charges) {
    eng::WorkerContext& c = *eng::current_worker();
    for (int i = 0; i < charges; ++i) {
        c.charge_instructions(256);
        c.checkpoint();
    }
}

void bench_sim(const Options& o, Json& j) {
    const long n = o.switches;
    std::vector<double> fast, tick, tick_handoffs, turn, real_run, sim_run, sim_handoffs;
    std::vector<double> interp_run, interp_handoffs, gil_run, gil_handoffs;
    for (int r = 0; r < o.reps; ++r) {
        // Checkpoints on the fast path: one worker, nothing else to schedule.
        double secs = kNaN;
        auto run = eng::Run::start(
            [&](eng::Runtime&) {
                eng::WorkerContext& c = *eng::current_worker();
                auto t0 = Clock::now();
                for (long i = 0; i < n; ++i) {
                    c.charge_instructions(1);
                    c.checkpoint();
                }
                secs = seconds_since(t0);
            },
            sim_config(true));
        run->wait(300);
        fast.push_back(secs * 1e9 / static_cast<double>(n));
        // Two free-threaded workers computing side by side on 4 cores.
        const long ticks = std::max(1L, n / 20);
        double t2 = kNaN, h2 = kNaN;
        auto run2 = eng::Run::start(
            [&](eng::Runtime& rt) {
                auto t0 = Clock::now();
                eng::Thread a([ticks] { eng::current_worker()->work(ticks * 100'000); });
                eng::Thread b([ticks] { eng::current_worker()->work(ticks * 100'000); });
                a.start();
                b.start();
                a.join();
                b.join();
                t2 = seconds_since(t0);
                h2 = static_cast<double>(eng::impl_of(rt).sim->handoffs());
            },
            sim_config(false));
        run2->wait(300);
        tick.push_back(t2 * 1e9 / static_cast<double>(2 * ticks));
        tick_handoffs.push_back(h2);
        // Baton hand-offs: ping-pong through two Events.
        const long rounds = std::max(1L, n / 200);
        double t3 = kNaN;
        auto run3 = eng::Run::start(
            [&](eng::Runtime&) {
                eng::Event ping, pong;
                eng::Thread other([&] {
                    for (long i = 0; i < rounds; ++i) {
                        ping.wait();
                        ping.clear();
                        pong.set();
                    }
                });
                other.start();
                auto t0 = Clock::now();
                for (long i = 0; i < rounds; ++i) {
                    ping.set();
                    pong.wait();
                    pong.clear();
                }
                t3 = seconds_since(t0);
                other.join();
            },
            sim_config(true));
        run3->wait(300);
        turn.push_back(t3 * 1e9 / static_cast<double>(2 * rounds));
        // The `cpu` job, real and simulated.
        auto job = [ms = o.cpu_ms](eng::Runtime&) {
            eng::Thread a([ms] { eng::cpu(ms); }), b([ms] { eng::cpu(ms); });
            a.start();
            b.start();
            a.join();
            b.join();
        };
        double h = kNaN;
        real_run.push_back(run_seconds(job, config(true)));
        sim_run.push_back(run_seconds(job, sim_config(true), &h));
        sim_handoffs.push_back(h);
        // Four processes of interpreted code side by side on 4 cores: the lookahead (sim.hpp)
        // lets each run ahead of the others, so the baton changes hands about once per
        // Sim::kLookaheadNs of each one's time rather than once per charge.
        const int charges = static_cast<int>(std::max(1L, n / 20));
        double h4 = kNaN;
        interp_run.push_back(run_seconds(
            [charges](eng::Runtime&) {
                std::vector<std::unique_ptr<eng::Process>> ps;
                for (int i = 0; i < 4; ++i)
                    ps.push_back(std::make_unique<eng::Process>(interpreted_charges, charges));
                for (auto& p : ps) p->start();
                for (auto& p : ps) p->join();
            },
            sim_config(true), &h4));
        interp_handoffs.push_back(h4);
        // Four threads of interpreted code under one GIL on 4 cores: one runs, three wait.
        // A waiter's wake-up that only looks at the GIL and waits again (its switch interval
        // ran out, or another thread took the GIL) is run by the scheduler (Gil::rewait):
        // about one baton pass per GIL switch (one per 5 ms), not one per wake-up.
        double h5 = kNaN;
        gil_run.push_back(run_seconds(
            [charges](eng::Runtime&) {
                std::vector<std::unique_ptr<eng::Thread>> ts;
                for (int i = 0; i < 4; ++i)
                    ts.push_back(
                        std::make_unique<eng::Thread>([charges] { interpreted_charges(charges); }));
                for (auto& t : ts) t->start();
                for (auto& t : ts) t->join();
            },
            sim_config(true), &h5));
        gil_handoffs.push_back(h5);
    }
    const long ticks = std::max(1L, n / 20);
    const double parallel_virtual_s = static_cast<double>(ticks) * 1e-4;  // both side by side
    const double job_virtual_s = 2 * o.cpu_ms / 1e3;                      // one after the other
    j.num("sim_checkpoint_ns", median(fast));
    j.num("sim_parallel_tick_ns", median(tick));
    j.num("sim_parallel_real_ms_per_virtual_s",
          median(tick) * 2 * static_cast<double>(ticks) / 1e6 / parallel_virtual_s);
    j.num("sim_parallel_handoffs", median(tick_handoffs));
    j.num("sim_handoff_ns", median(turn));
    j.num("sim_job_real_s", median(real_run));
    j.num("sim_job_sim_s", median(sim_run));
    j.num("sim_job_ratio", median(sim_run) / median(real_run));
    j.num("sim_job_real_ms_per_virtual_s", median(sim_run) * 1e3 / job_virtual_s);
    j.num("sim_job_handoffs", median(sim_handoffs));
    // Virtual time of the four processes' work together (each a start plus its charges).
    const double interp_virtual_s =
        4 *
        (static_cast<double>(std::max(1L, n / 20)) * 256 * eng::Machine::kInstructionNs +
         eng::Machine::kProcessStartNs) /
        1e9;
    j.num("sim_interp_processes_real_ms_per_virtual_s",
          median(interp_run) * 1e3 / interp_virtual_s);
    j.num("sim_interp_processes_handoffs", median(interp_handoffs));
    j.num("sim_interp_processes_handoffs_per_virtual_s",
          median(interp_handoffs) / interp_virtual_s);
    // The same work as four threads under one GIL: one after the other (no start costs).
    const double gil_virtual_s =
        4 * static_cast<double>(std::max(1L, n / 20)) * 256 * eng::Machine::kInstructionNs / 1e9;
    j.num("sim_interp_threads_gil_real_ms_per_virtual_s", median(gil_run) * 1e3 / gil_virtual_s);
    j.num("sim_interp_threads_gil_handoffs", median(gil_handoffs));
    j.num("sim_interp_threads_gil_handoffs_per_virtual_s", median(gil_handoffs) / gil_virtual_s);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--sections")
            o.sections = v;
        else if (k == "--tasks")
            o.tasks = std::atol(v.c_str());
        else if (k == "--switches")
            o.switches = std::atol(v.c_str());
        else if (k == "--events")
            o.events = std::atol(v.c_str());
        else if (k == "--cpu-ms")
            o.cpu_ms = std::atof(v.c_str());
        else if (k == "--reps")
            o.reps = std::max(1, std::atoi(v.c_str()));
        else {
            std::fprintf(stderr, "bench_engine: unknown option %s\n", k.c_str());
            return 2;
        }
    }
    Json j;
#ifdef __EMSCRIPTEN__
    j.str("platform", "wasm");
#else
    j.str("platform", "native");
#endif
    j.num("reps", o.reps);
    j.num("hw_threads", std::thread::hardware_concurrency());
    auto section = [&](const char* name, void (*fn)(const Options&, Json&)) {
        if (!o.has(name)) return;
        std::fprintf(stderr, "bench_engine: %s ...\n", name);
        auto t0 = Clock::now();
        fn(o, j);
        std::fprintf(stderr, "bench_engine: %s done in %.1f s\n", name, seconds_since(t0));
    };
    section("exec", bench_exec);
    section("coro", bench_coro);
    section("tracer", bench_tracer);
    section("cpu", bench_cpu);
    section("sim", bench_sim);
    j.num("warnings", static_cast<double>(g_warnings.size()));
    std::string w;
    for (const auto& x : g_warnings) w += (w.empty() ? "" : " | ") + x;
    for (auto& ch : w)
        if (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ch = '\'';
    j.str("warning_text", w);
    std::puts(j.dump().c_str());
    std::fflush(stdout);
    return 0;
}
