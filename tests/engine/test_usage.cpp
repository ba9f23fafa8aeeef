// Usage: busy-worker bins and fractions from the trace; the /proc/stat sampler.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#if !defined(__EMSCRIPTEN__)
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "engine/kernels.hpp"
#include "engine/thread.hpp"
#include "engine/usage.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("usage: bins and fractions from synthetic events" * doctest::timeout(10)) {
    const int64_t ms = 1'000'000;
    auto st = [](int64_t t, uint16_t w, WorkerState s) {
        return TraceEvent{t, 0, w, EventKind::state, 0, uint64_t(s)};
    };
    UsageBuilder b(10);
    // Worker 0 busy 0..20 ms, worker 1 busy 5..15 ms, then idle.
    b.add({st(0, 0, WorkerState::running), st(20 * ms, 0, WorkerState::io_wait)});
    b.add({st(5 * ms, 1, WorkerState::serialising), st(15 * ms, 1, WorkerState::lock_wait)});
    Usage u = b.result(40 * ms, 2);
    REQUIRE(u.busy_workers.size() >= 4);
    CHECK(u.busy_workers[0] == doctest::Approx(1.5));
    CHECK(u.busy_workers[1] == doctest::Approx(1.5));
    CHECK(u.busy_workers[2] == doctest::Approx(0));
    REQUIRE(u.busy_fraction.size() == 2);
    CHECK(u.busy_fraction[0] == doctest::Approx(0.5));
    CHECK(u.busy_fraction[1] == doctest::Approx(0.25));
    CHECK(u.hardware_cores == 2);
    CHECK(b.busy_avg(40 * ms) == doctest::Approx(0.75));
    CHECK(b.busy_max(40 * ms) == doctest::Approx(1.5));
    // An open interval counts up to `now`.
    b.add({st(30 * ms, 1, WorkerState::running)});
    CHECK(b.result(40 * ms, 2).busy_fraction[1] == doctest::Approx(0.5));
}

TEST_CASE("usage: a run's usage reflects parallel processes" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime& rt) {
        uint16_t p1 = rt.new_process(), p2 = rt.new_process();
        auto a = rt.spawn_worker("Process-1", WorkerKind::process_main, p1, [] { cpu(60); });
        auto b = rt.spawn_worker("Process-2", WorkerKind::process_main, p2, [] { cpu(60); });
        a.join();
        b.join();
    });
    REQUIRE(run->status() == RunStatus::finished);
    Usage u = run->usage();
    CHECK(u.hardware_cores >= 1);
    CHECK(u.busy_fraction.size() == 3);
    CHECK(!u.busy_workers.empty());
    auto s = run->stats();
    CHECK(s.busy_cores_avg > 0);
    // Each process has its own GIL, so both may be "running" at once (bins may show > 1).
    CHECK(s.busy_cores_max > 0.5);
    if (CpuSampler::available()) CHECK(!u.os_cpu_busy.empty());
}

TEST_CASE("usage: CpuSampler start/stop" * doctest::timeout(10)) {
    CpuSampler s(10);
    s.start();
    auto t0 = std::chrono::steady_clock::now();
    // Wait for data (bounded): the sampler needs a couple of bins.
    while (CpuSampler::available() &&
           std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3)) {
        auto ser = s.series();
        if (!ser.empty() && ser[0].size() >= 2) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    s.stop();
    s.stop();  // idempotent
    auto ser = s.series();
    if (CpuSampler::available()) {
        REQUIRE(!ser.empty());
        CHECK(ser.size() == std::thread::hardware_concurrency());
        for (float f : ser[0]) CHECK((f >= 0 && f <= 1));
    } else {
        CHECK(ser.empty());
    }
}

TEST_CASE("usage: a sliver of a last bin never reads above the worker count" *
          doctest::timeout(10)) {
    const int64_t ms = 1'000'000;
    auto st = [](int64_t t, uint16_t w, WorkerState s) {
        return TraceEvent{t, 0, w, EventKind::state, 0, uint64_t(s)};
    };
    UsageBuilder b(10);
    // Events can be stamped just after the `now` a snapshot is taken at (a worker's last
    // state change racing the run's end time).
    b.add({st(0, 0, WorkerState::running), st(25 * ms, 0, WorkerState::idle)});
    Usage u = b.result(20 * ms + 100'000, 2);
    for (float busy : u.busy_workers) CHECK(busy <= 1.0f + 1e-4f);
}

#if !defined(__EMSCRIPTEN__)
namespace {
// Two shell processes spinning on the CPU while the object lives: other work on the machine.
struct BusyLoops {
    std::vector<pid_t> pids;
    BusyLoops() {
        for (int i = 0; i < 2; ++i) {
            char sh[] = "sh", c[] = "-c", loop[] = "i=0; while :; do i=$((i+1)); done";
            char* argv[] = {sh, c, loop, nullptr};
            pid_t p = 0;
            if (posix_spawnp(&p, "sh", nullptr, nullptr, argv, environ) == 0) pids.push_back(p);
        }
    }
    ~BusyLoops() {
        for (pid_t p : pids) {
            kill(p, SIGKILL);
            waitpid(p, nullptr, 0);
        }
    }
};
}  // namespace

TEST_CASE("usage: other work during a real run is measured (issue #11 item 5)" *
          doctest::timeout(120)) {
    if (!CpuSampler::available() || std::thread::hardware_concurrency() < 2) {
        MESSAGE("SKIPPED: no /proc/stat or a single CPU");
        return;
    }
    {
        BusyLoops loops;
        REQUIRE(loops.pids.size() == 2);
        // One worker computing: however loaded the machine is, two spinning loops keep the
        // CPUs from idling, and the run itself can fill at most one of them.
        auto run = run_sync([](Runtime&) { cpu(400); }, RunConfig{});
        REQUIRE(run->status() == RunStatus::finished);
        const double other = run->stats().other_busy_cores;
        MESSAGE("other work beside two busy loops: " << other << " cores");
        CHECK(other >= 0.5);
    }
    // The simulated machine is never disturbed, and says nothing about the host.
    RunConfig sim;
    sim.machine.kind = MachineKind::simulated;
    auto run = run_sync([](Runtime&) { cpu(400); }, sim);
    CHECK(run->stats().other_busy_cores == -1);
}
#endif
