// Other work during a real run from the run's own workers' heartbeats (other_work.hpp): the
// estimator's arithmetic, and a live run beside busy threads (the browser's method, forced).
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "engine/kernels.hpp"
#include "engine/other_work.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/usage.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {
// `n` samples of `running` workers, `late` of them late in every sample.
std::vector<ProbeSample> same(size_t n, uint16_t running, uint16_t late) {
    return std::vector<ProbeSample>(n, ProbeSample{running, late});
}
std::vector<ProbeSample> operator+(std::vector<ProbeSample> a, const std::vector<ProbeSample>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
}  // namespace

TEST_CASE("other work: the estimator's arithmetic (issue #11 item 5)" * doctest::timeout(10)) {
    // A run shorter than one window (200 ms of heartbeats): unknown, as natively. So is a run
    // without a sample.
    CHECK(other_cores_from_samples(same(9, 2, 1), 2, 0.18) == -1);
    CHECK(other_cores_from_samples({}, 2, 1.0) == -1);
    // A long enough run whose controller, kept waiting itself, took fewer samples than a
    // window (TSan on a machine 8x oversubscribed): what it saw is one window.
    CHECK(other_cores_from_samples(same(4, 0, 0), 2, 0.3) == 0);
    CHECK(other_cores_from_samples(same(4, 1, 1), 2, 0.3) == doctest::Approx(2.0));
    // Every answer on time: the run had its cores, whatever ran on the others.
    CHECK(other_cores_from_samples(same(20, 2, 0), 2, 1.0) == 0);
    CHECK(other_cores_from_samples(same(20, 1, 0), 2, 1.0) == 0);
    // Nobody computing (a run that sleeps): nothing to disturb.
    CHECK(other_cores_from_samples(same(20, 0, 0), 2, 1.0) == 0);
    // Two workers on two cores, each waiting half the time: they got one core, other work the
    // other one (two busy loops beside: 4 threads share 2 cores).
    CHECK(other_cores_from_samples(same(10, 2, 1) + same(10, 2, 1), 2, 1.0) ==
          doctest::Approx(1.0));
    // One worker, late a third of the time, on two cores: 3 threads share 2 cores, the run got
    // 2/3 of one, other work 4/3 (what /proc/stat would say natively).
    auto third = same(10, 1, 0);
    for (size_t i = 0; i < 10; i += 3) third[i].late = 1;  // 4 of 10 late: 2 - 0.6
    CHECK(other_cores_from_samples(third + third, 2, 1.0) == doctest::Approx(1.4));
    // Four workers on two cores, each late half the time, on a quiet machine: they share the
    // cores among themselves; no other work.
    CHECK(other_cores_from_samples(same(30, 4, 2), 2, 1.0) == doctest::Approx(0.0));
    // Noise of such a run averages out rather than adding up: windows at -1 and +1 core.
    CHECK(other_cores_from_samples(same(10, 4, 1) + same(10, 4, 3), 2, 1.0) ==
          doctest::Approx(0.0));
    CHECK(other_cores_from_samples(same(10, 4, 1), 2, 1.0) == 0);  // clamped at 0 overall
    // One late answer in a window is not evidence of full cores (a long builtin call).
    auto one = same(10, 1, 0);
    one[4].late = 1;
    CHECK(other_cores_from_samples(one, 2, 1.0) == 0);
    // Nor is a late share under 5% of the observations.
    auto few = same(10, 8, 0);
    few[1].late = 1;
    few[2].late = 1;
    few[3].late = 1;  // 3 of 80
    CHECK(other_cores_from_samples(few, 8, 1.0) == 0);
    // Windows are averaged over the whole run: a disturbed first half, a quiet second half.
    CHECK(other_cores_from_samples(same(10, 2, 1) + same(10, 2, 0), 2, 1.0) ==
          doctest::Approx(0.5));
    // A last partial window joins the one before it: 25 samples, windows of 10 and 15.
    CHECK(other_cores_from_samples(same(10, 2, 0) + same(15, 2, 1), 2, 1.0) ==
          doctest::Approx(15.0 / 25.0));
    // The threshold the front ends use (samples::disturbance_note) is crossed by the cases above.
    CHECK(Run::kDisturbedCores < 0.5);
}

namespace {
// Threads that spin until destroyed: other work inside this process, as another tab would be.
struct BusyThreads {
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    explicit BusyThreads(int n) {
        for (int i = 0; i < n; ++i)
            threads.emplace_back([this] {
                uint64_t x = 1;
                while (!stop.load(std::memory_order_relaxed)) x = cpu_spin(1000, x);
                volatile uint64_t sink = x;
                (void)sink;
            });
    }
    ~BusyThreads() {
        stop = true;
        for (auto& t : threads) t.join();
    }
};
}  // namespace

TEST_CASE("other work: heartbeats see busy threads beside a run (issue #11 item 5)" *
          doctest::timeout(120)) {
    RunConfig cfg;
    cfg.probe_other_work = true;  // the browser's method, here where /proc/stat exists too
    {
        // One worker computing beside two spinning threads: at least three threads want the
        // CPUs, so however loaded the machine already is, the worker waits for one part of the
        // time and the rest of the cores went to other work.
        BusyThreads busy(2);
        auto run = run_sync([](Runtime&) { cpu(400); }, cfg, 60);
        REQUIRE(run->status() == RunStatus::finished);
        const double other = run->stats().other_busy_cores;
        MESSAGE("heartbeats beside two busy threads: " << other << " cores");
        CHECK(other >= 0.5);
    }
    // Too short for one window: unknown, not 0.
    auto brief = run_sync([](Runtime&) { cpu(5); }, cfg);
    CHECK(brief->stats().other_busy_cores == -1);
    // Only waiting: nothing to disturb.
    auto waits = run_sync([](Runtime&) { sleep(0.3); }, cfg);
    CHECK(waits->stats().other_busy_cores == 0);
    // The simulated machine never probes.
    RunConfig sim = cfg;
    sim.machine.kind = MachineKind::simulated;
    auto simulated = run_sync([](Runtime&) { cpu(400); }, sim);
    CHECK(simulated->stats().other_busy_cores == -1);
}

TEST_CASE("other work: a stretch of C++ work without a checkpoint answers heartbeats itself" *
          doctest::timeout(60)) {
    // The interpreter's collector and compiler run long without a checkpoint; they call
    // answer_heartbeat() so a worker busy there is not taken for one waiting for a CPU. The
    // answer is recorded as the probe reads it (OtherWorkProbe::judge), whatever the load. The
    // heartbeat is raised by hand, in a run without a probe of its own (nothing else raises one).
    RunConfig quiet;
    quiet.probe_other_work = false;
    std::atomic<int> checks{0};
    auto run = run_sync(
        [&](Runtime& rt) {
            Runtime::Impl& ri = impl_of(rt);
            const WorkerRecord& rec = ri.workers[current_worker()->worker()];
            // Nothing pending: no answer.
            const uint32_t before = rec.heartbeat_epoch.load();
            answer_heartbeat();
            if (rec.heartbeat_epoch.load() == before) ++checks;
            // A heartbeat in flight (as OtherWorkProbe::start raises it): answered, with the
            // time, without a checkpoint.
            const uint32_t e = before + 1000;
            ri.heartbeat_epoch.store(e);
            ri.set_breaker_all(breaker::heartbeat);
            const int64_t t0 = rt.now_ns();
            answer_heartbeat();
            ri.clear_breaker_all(breaker::heartbeat);
            if (rec.heartbeat_epoch.load() == e) ++checks;
            if (rec.heartbeat_ns.load() >= t0) ++checks;
        },
        quiet);
    REQUIRE(run->status() == RunStatus::finished);
    CHECK(checks == 3);
    // Outside a run: a no-op.
    answer_heartbeat();
    // A worker that never answers reads as one that never had a CPU: every heartbeat late.
    RunConfig cfg;
    cfg.probe_other_work = true;
    auto silent = run_sync(
        [](Runtime& rt) {
            const int64_t end = rt.now_ns() + 400'000'000;
            uint64_t x = 1;
            while (rt.now_ns() < end) x = cpu_spin(200, x);
            volatile uint64_t sink = x;
            (void)sink;
        },
        cfg, 60);
    REQUIRE(silent->status() == RunStatus::finished);
    CHECK(silent->stats().other_busy_cores ==
          doctest::Approx(double(Machine(cfg.machine).cpu_count())));
}
