// Every figure the UI and `--json` print, against a measure the engine does not compute itself:
// the thread's own CPU clock, the test's own clock around the run, counts re-derived from the
// trace. Tolerances hold on a busy machine (the CPU clock does not count time the OS gives to
// other programs; the test's clock only bounds from outside) and still catch a figure that is
// off by a factor (issue #8 item 1: cpu(ms) took twice `ms`).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <vector>

#include "engine/clock_source.hpp"
#include "engine/kernels.hpp"
#include "engine/spans.hpp"
#include "engine/thread.hpp"
#include "engine/usage.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Per worker: time spent in each GIL hold, re-derived from the trace's acquire/release pairs.
std::map<uint16_t, int64_t> gil_hold_from_trace(const Run& run) {
    SpanBuilder sb;
    Tracer::Cursor c;
    std::vector<TraceEvent> ev;
    run.tracer().read(c, ev);
    sb.add(ev);
    std::map<uint16_t, int64_t> hold;
    for (const auto& g : sb.gil()) hold[g.worker] += g.end_ns - g.begin_ns;
    return hold;
}

// GIL hand-offs re-derived from the trace: acquires by a different worker than the previous
// acquire of the same GIL.
uint64_t switches_from_trace(const Run& run) {
    std::map<uint64_t, int> last;  // process -> worker
    uint64_t n = 0;
    for (const auto& e : run.tracer().all_sorted()) {
        if (e.kind != EventKind::gil_acquire) continue;
        auto it = last.find(e.arg);
        if (it != last.end() && it->second != e.worker) ++n;
        last[e.arg] = e.worker;
    }
    return n;
}

}  // namespace

// Measured with the worker's thread_time_ns() (time.thread_time): the thread's CPU clock
// natively, the engine's per-worker running time in the browser. The tolerance: the CPU clock
// counts only this thread's own running time, so other programs on the machine cannot stretch
// it; what remains is the CPU's speed while spinning (frequency changes, a busy hyperthread
// sibling), against a calibration that kept the fastest of several rounds. That moves the
// ratio by tens of percent at most, never by 2x. In the browser (no CPU clock: the running
// time includes preemption) the fastest of many 2 ms pieces is used: with other programs
// running, some pieces are preempted, but not every one of them.
TEST_CASE("figures: cpu(ms) costs ms of the thread's own CPU time" * doctest::timeout(60)) {
    std::vector<double> ratios;
    bool cpu_clock = false;
    auto run = run_sync([&](Runtime&) {
        WorkerContext& c = *current_worker();
        cpu_clock = platform::thread_cpu_ns() >= 0;
        for (int i = 0; i < (cpu_clock ? 7 : 25); ++i) {
            const double ms = cpu_clock ? 20 : 2;
            const int64_t t0 = c.thread_time_ns();
            cpu(ms);
            const int64_t t1 = c.thread_time_ns();
            ratios.push_back(static_cast<double>(t1 - t0) / (ms * 1e6));
        }
    });
    REQUIRE(run->status() == RunStatus::finished);
    std::sort(ratios.begin(), ratios.end());
    INFO("ratios of measured to asked: min " << ratios.front() << ", median " << median(ratios));
    if (cpu_clock) {
        CHECK(median(ratios) >= 0.9);
        CHECK(median(ratios) <= 1.3);
        CHECK(run->stats().cpu_ms == doctest::Approx(7 * 20).epsilon(0.001));
    } else {
        CHECK(ratios.front() >= 0.85);
        CHECK(ratios.front() <= 1.5);
    }
}

TEST_CASE("figures: busy_cores_avg never exceeds busy_cores_max" * doctest::timeout(60)) {
    const int64_t ms = 1'000'000;
    auto st = [](int64_t t, uint16_t w, WorkerState s) {
        return TraceEvent{t, 0, w, EventKind::state, 0, uint64_t(s)};
    };
    // Issue #8 item 10, exactly: the run ends 4 ms into its second 10 ms bin and was busy
    // mostly there. The peak used to skip that sliver while the average counted it.
    UsageBuilder b(10);
    b.add({st(0, 0, WorkerState::idle), st(5 * ms, 0, WorkerState::running),
           st(10 * ms, 1, WorkerState::running)});
    const int64_t end = 14 * ms;
    CHECK(b.busy_avg(end) == doctest::Approx((9.0 + 4.0) / 14.0));
    CHECK(b.busy_avg(end) <= b.busy_max(end) + 1e-12);
    // The sliver is merged into the bin before it: one value, busy time over the 14 ms covered.
    Usage u = b.result(end, 2);
    REQUIRE(u.busy_workers.size() == 1);
    CHECK(u.busy_workers[0] == doctest::Approx(13.0 / 14.0));

    // And on real runs stopped at once (the CLI's --timeout=0.001), many times.
    for (int i = 0; i < reps(20); ++i) {
        auto run = Run::start([](Runtime&) {
            Thread a([] { cpu(50); }), c([] { sleep(0.05); });
            a.start();
            c.start();
            cpu(50);
            a.join();
            c.join();
        });
        run->stop();
        REQUIRE(run->wait(10));
        const RunStats s = run->stats();
        INFO("avg " << s.busy_cores_avg << " max " << s.busy_cores_max << " wall " << s.wall_ms);
        CHECK(s.busy_cores_avg <= s.busy_cores_max + 1e-9);
    }
}

TEST_CASE("figures: wall, cpu, GIL hold/wait/switches and busy cores against outside measures" *
          doctest::timeout(60)) {
    struct Seen {
        int64_t begin = 0, end = 0, cpu = -1;
        uint16_t worker = 0;
    };
    Seen seen[2];
    RunConfig cfg;
    cfg.switch_interval_ms = 1;
    const int64_t t0 = platform::monotonic_ns();
    auto run = run_sync(
        [&](Runtime&) {
            auto work = [&](Seen& s) {
                s.worker = current_worker()->worker();
                s.begin = platform::monotonic_ns();
                const int64_t c0 = platform::thread_cpu_ns();
                cpu(30);
                if (c0 >= 0) s.cpu = platform::thread_cpu_ns() - c0;
                s.end = platform::monotonic_ns();
            };
            Thread a([&] { work(seen[0]); }), b([&] { work(seen[1]); });
            a.start();
            b.start();
            a.join();
            b.join();
        },
        cfg);
    const double outside_ms = static_cast<double>(platform::monotonic_ns() - t0) / 1e6;
    REQUIRE(run->status() == RunStatus::finished);
    const RunStats st = run->stats();

    // Wall time: inside the test's own measurement, and at least as long as each thread's work.
    CHECK(st.wall_ms <= outside_ms + 0.01);
    for (const Seen& s : seen) CHECK(st.wall_ms >= static_cast<double>(s.end - s.begin) / 1e6);

    // CPU work: the knob's figure, and the threads' own CPU clocks agree with it.
    CHECK(st.cpu_ms == doctest::Approx(60).epsilon(0.001));
    if (seen[0].cpu >= 0) {
        const double measured = static_cast<double>(seen[0].cpu + seen[1].cpu) / 1e6;
        CHECK(measured >= 0.9 * 60);
        CHECK(measured <= 1.3 * 60);
        // A running worker uses at most one CPU: busy time covers the CPU time.
        CHECK(st.busy_cores_avg * st.wall_ms >= 0.95 * measured);
    }

    // GIL: each thread holds or waits for it through all of its work (the GIL is on and the
    // work needs it): its hold and wait intervals tile that time (one clock read per
    // transition), so their sum covers the work's span however the OS scheduled the thread;
    // and hold + wait per thread cannot exceed the run's wall time.
    const auto ws = run->worker_stats();
    const auto trace_hold = gil_hold_from_trace(*run);
    double wait_sum = 0;
    for (const Seen& s : seen) {
        REQUIRE(s.worker < ws.size());
        const WorkerStats& w = ws[s.worker];
        const double life = static_cast<double>(s.end - s.begin) / 1e6;
        INFO(w.name << ": hold " << w.gil_hold_ms << " wait " << w.gil_wait_ms << " life "
                    << life);
        CHECK(w.gil_hold_ms + w.gil_wait_ms >= life - 0.001);
        CHECK(w.gil_hold_ms + w.gil_wait_ms <= st.wall_ms + 0.01);
        // The counters and the trace's GIL spans are two records of the same holds.
        CHECK(w.gil_hold_ms ==
              doctest::Approx(static_cast<double>(trace_hold.at(s.worker)) / 1e6).epsilon(0.01));
        wait_sum += w.gil_wait_ms;
    }
    CHECK(st.gil_wait_ms >= wait_sum - 1e-9);
    CHECK(st.gil_switches == switches_from_trace(*run));
    CHECK(st.gil_switches > 0);

    // Busy cores: under the GIL at most one worker runs; the usage bins and per-worker
    // fractions add up to the same busy time as the average.
    CHECK(st.busy_cores_avg <= st.busy_cores_max + 1e-9);
    CHECK(st.busy_cores_max <= 1.0 + 1e-6);
    const Usage u = run->usage();
    double frac_sum = 0;
    for (float f : u.busy_fraction) frac_sum += f;
    CHECK(frac_sum == doctest::Approx(st.busy_cores_avg).epsilon(0.001));
}
