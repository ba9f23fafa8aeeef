// The GIL: invariant read from the trace, forced switching, free-threaded overlap, stats.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <thread>

#include "engine/gil.hpp"
#include "engine/kernels.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {

struct Interval {
    int64_t b, e;
    uint16_t worker;
};

// Intervals in which each worker was `running`, from the whole trace.
std::vector<Interval> running_intervals(const Run& run) {
    auto ev = run.tracer().all_sorted();
    std::map<uint16_t, int64_t> open;
    std::vector<Interval> out;
    for (auto& e : ev) {
        const bool is_state = e.kind == EventKind::state;
        const bool ends = e.kind == EventKind::worker_exit ||
                          (is_state && static_cast<WorkerState>(e.arg) != WorkerState::running);
        if (open.count(e.worker) && ends) {
            out.push_back({open[e.worker], e.t_ns, e.worker});
            open.erase(e.worker);
        }
        if (is_state && static_cast<WorkerState>(e.arg) == WorkerState::running &&
            !open.count(e.worker))
            open[e.worker] = e.t_ns;
    }
    for (auto& [w, b] : open) out.push_back({b, INT64_MAX, w});
    return out;
}

int64_t overlap_ns(std::vector<Interval> iv) {
    std::sort(iv.begin(), iv.end(), [](auto& a, auto& b) { return a.b < b.b; });
    int64_t total = 0, max_end = INT64_MIN;
    for (auto& i : iv) {
        if (i.b < max_end) total += std::min(max_end, i.e) - i.b;
        max_end = std::max(max_end, i.e);
    }
    return total;
}

void two_cpu_threads(double ms) {
    Thread a([ms] { cpu(ms); }), b([ms] { cpu(ms); });
    a.start();
    b.start();
    a.join();
    b.join();
}

}  // namespace

TEST_CASE("gil: never two workers running at once with the GIL on" * doctest::timeout(60)) {
    for (int rep = 0; rep < reps(10); ++rep) {
        auto run = run_sync([](Runtime&) {
            Lock l;
            Thread a([] { cpu(20); }), b([] { cpu(20); });
            Thread c([&] {
                for (int i = 0; i < 20; ++i) {
                    std::lock_guard<Lock> g(l);
                    print("c");
                    io(0.3);
                }
            });
            a.start();
            b.start();
            c.start();
            cpu(5);
            a.join();
            b.join();
            c.join();
        });
        REQUIRE(run->status() == RunStatus::finished);
        CHECK(overlap_ns(running_intervals(*run)) == 0);
        CHECK(run->stats().busy_cores_max <= 1.0001);
    }
}

// On the simulated machine: forced switching needs two threads really contending for the GIL,
// which a busy real machine does not promise (REVIEW §2.12).
TEST_CASE("gil: a CPU-bound waiter gets the GIL by forced switching" * doctest::timeout(60)) {
    RunConfig cfg;
    cfg.machine.kind = MachineKind::simulated;
    cfg.switch_interval_ms = 2;
    auto run = run_sync([](Runtime&) { two_cpu_threads(40); }, cfg);
    REQUIRE(run->status() == RunStatus::finished);
    auto ev = run->tracer().all_sorted();
    // After a requested drop (state gil_wait then gil_release), the next acquire is by another
    // worker: the dropper never wins its own GIL back first.
    std::map<uint16_t, WorkerState> state;
    int forced = 0, requests = 0;
    for (size_t i = 0; i < ev.size(); ++i) {
        auto& e = ev[i];
        if (e.kind == EventKind::state) state[e.worker] = static_cast<WorkerState>(e.arg);
        if (e.kind == EventKind::gil_drop_request) ++requests;
        if (e.kind == EventKind::gil_release && state[e.worker] == WorkerState::gil_wait) {
            ++forced;
            for (size_t j = i + 1; j < ev.size(); ++j)
                if (ev[j].kind == EventKind::gil_acquire) {
                    CHECK(ev[j].worker != e.worker);
                    break;
                }
        }
    }
    CHECK(requests > 0);
    CHECK(forced > 0);
    auto st = run->stats();
    CHECK(st.gil_switches > 0);
    CHECK(st.gil_wait_ms > 0);
    CHECK(st.cpu_ms == doctest::Approx(80).epsilon(0.05));
}

TEST_CASE("gil: per-thread stats" * doctest::timeout(60)) {
    auto run = Run::start([](Runtime& rt) {
        two_cpu_threads(30);
        auto ws = rt.worker_stats();
        REQUIRE(ws.size() == 3);
        for (int i = 1; i <= 2; ++i) {
            CHECK(ws[i].gil_hold_ms > 0);
            CHECK(ws[i].gil_wait_ms > 0);
            CHECK(ws[i].cpu_ms == doctest::Approx(30).epsilon(0.05));
        }
        CHECK(ws[1].gil_switches + ws[2].gil_switches > 0);
        CHECK(ws[1].gil_drop_requests + ws[2].gil_drop_requests > 0);
    });
    CHECK(run->wait(30));
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("gil: sleep and blocking waits release it" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime& rt) {
        Gil* gil = rt.gil_for(0);
        REQUIRE(gil != nullptr);
        CHECK(gil->holder() == current_worker()->worker());
        Event started, done;
        int seen_holder = -2;
        Thread t([&] {
            started.set();
            done.wait();
        });
        t.start();
        started.wait();
        {
            GilReleased nogil;
            CHECK_FALSE(current_worker()->holds_gil());
        }
        CHECK(current_worker()->holds_gil());
        int probe_worker = -1;
        Thread probe([&] {
            probe_worker = current_worker()->worker();
            seen_holder = rt.gil_for(0)->holder();
        });
        probe.start();
        probe.join();  // while we join, the probe thread holds the GIL, not us
        CHECK(seen_holder == probe_worker);
        done.set();
        t.join();
    });
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
}

// On the simulated machine's 4 cores: a real machine's cores may all be busy with other work.
TEST_CASE("gil: free-threaded runs overlap on >= 2 cores" * doctest::timeout(60)) {
    RunConfig cfg;
    cfg.machine.kind = MachineKind::simulated;
    cfg.gil = false;
    auto run = run_sync(
        [](Runtime& rt) {
            CHECK(rt.gil_for(0) == nullptr);
            CHECK_FALSE(current_worker()->holds_gil());
            two_cpu_threads(150);
        },
        cfg);
    REQUIRE(run->status() == RunStatus::finished);
    // Two threads of 150 ms each on 4 cores: they run side by side the whole time.
    CHECK(overlap_ns(running_intervals(*run)) >= 149'000'000);
    CHECK(run->stats().gil_switches == 0);
    CHECK(run->stats().wall_ms < 151);
}

TEST_CASE("gil: each process has its own GIL" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime& rt) {
        const uint16_t p = rt.new_process();
        CHECK(p == 1);
        CHECK(rt.gil_for(p) != nullptr);
        CHECK(rt.gil_for(p) != rt.gil_for(0));
        int holder_in_p = -2;
        auto th = rt.spawn_worker("Process-1", WorkerKind::process_main, p, [&] {
            holder_in_p = rt.gil_for(p)->holder();
            cpu(1);
        });
        th.join();  // plain OS join is fine here: the worker never waits on us
        CHECK(holder_in_p >= 0);
        CHECK(rt.gil_for(0)->holder() == current_worker()->worker());
    });
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
}
