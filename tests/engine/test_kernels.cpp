// Kernels: calibration, cpu accounting, io/sleep states, print.
#include <doctest/doctest.h>

#include "engine/kernels.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("kernels: calibration is positive and stable" * doctest::timeout(10)) {
    const double a = cpu_iterations_per_ms(), b = cpu_iterations_per_ms();
    CHECK(a > 100);
    // Measured afresh each time (per run, on the run's machine): the CPU clock makes two
    // measurements agree even on a busy machine; the browser's best-of-8 wall rounds too.
    CHECK(b / a == doctest::Approx(1.0).epsilon(0.5));
}

TEST_CASE("kernels: outside a run they throw" * doctest::timeout(10)) {
    CHECK_THROWS_AS(cpu(1), std::logic_error);
    CHECK_THROWS_AS(print("x"), std::logic_error);
}

TEST_CASE("kernels: cpu counts cpu_ms; io traces io_wait; print stores lines" *
          doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        cpu(10);
        io(5);
        sleep(0.005);
        print("Thread 1: 0");
    });
    REQUIRE(run->status() == RunStatus::finished);
    auto st = run->stats();
    CHECK(st.cpu_ms == doctest::Approx(10).epsilon(0.02));
    auto ev = run->tracer().all_sorted();
    int io_states = 0, prints = 0;
    for (auto& e : ev) {
        if (e.kind == EventKind::state && static_cast<WorkerState>(e.arg) == WorkerState::io_wait)
            ++io_states;
        if (e.kind == EventKind::print) ++prints;
    }
    CHECK(io_states == 2);
    CHECK(prints == 1);
    std::vector<OutputLine> out;
    run->read_output(0, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == "Thread 1: 0");
    CHECK(out[0].task == 1);
    CHECK(out[0].worker == 0);
    CHECK(out[0].t_ms > 0);
}

TEST_CASE("kernels: cpu stopped midway counts what was done" * doctest::timeout(20)) {
    std::atomic<bool> started{false};
    auto run = Run::start([&](Runtime&) {
        started = true;
        cpu(60'000);
    });
    while (!started) std::this_thread::yield();
    while (run->stats().busy_cores_avg == 0) std::this_thread::yield();
    run->stop();
    CHECK(run->wait(5));
    CHECK(run->status() == RunStatus::stopped);
    CHECK(run->stats().cpu_ms > 0);
    CHECK(run->stats().cpu_ms < 60'000);
}
