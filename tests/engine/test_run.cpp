// Run and Runtime: lifecycle, output, stop, limits, errors.
#include <doctest/doctest.h>

#include <atomic>

#include "engine/kernels.hpp"
#include "engine/run.hpp"
#include "engine/runtime.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("run: body runs as MainThread and finishes" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime& rt) {
        CHECK(current_worker() != nullptr);
        CHECK(&Runtime::current() == &rt);
        print("hello");
        rt.print("world");
    });
    REQUIRE(run->done());
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"hello", "world"});
    auto ws = run->workers();
    REQUIRE(!ws.empty());
    CHECK(ws[0].name == "MainThread");
    CHECK(ws[0].kind == WorkerKind::main);
    auto st = run->stats();
    CHECK(st.output_lines == 2);
    CHECK(st.wall_ms >= 0);
    CHECK(st.tasks == 1);
}

TEST_CASE("run: counters() are stats() without the busy-core figures" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime& rt) {
        for (int i = 0; i < 3; ++i) rt.print("line");
    });
    REQUIRE(run->done());
    const RunStats s = run->stats(), c = run->counters();
    CHECK(c.wall_ms == s.wall_ms);  // done: the run's end, read by both
    CHECK(c.output_lines == 3);
    CHECK(c.tasks == s.tasks);
    CHECK(c.gil_switches == s.gil_switches);
    CHECK(c.dropped_events == s.dropped_events);
    CHECK(c.busy_cores_avg == 0);
    CHECK(c.busy_cores_max == 0);
}

TEST_CASE("run: time counts from MainThread's start; the run ends when its last worker does" *
          doctest::timeout(20)) {
    // However late MainThread starts after Run::start (a browser starts a thread only when its
    // main thread is free) and however late the controller notices the end, the run's times and
    // its wall time are its own: 0 at its first instruction, the end at its last worker's exit.
    for (int i = 0; i < reps(5); ++i) {
        auto run = run_sync([](Runtime&) {
            Thread t([] { sleep(0.002); });
            t.start();
            t.join();
            print("done");
        });
        REQUIRE(run->done());
        const auto ev = run->tracer().all_sorted();
        REQUIRE(!ev.empty());
        CHECK(ev.front().t_ns >= 0);
        int64_t last_exit = -1;
        for (const auto& e : ev)
            if (e.kind == EventKind::worker_exit) last_exit = std::max(last_exit, e.t_ns);
        CHECK(ev.back().t_ns == last_exit);  // nothing after the last worker's exit
        CHECK(run->stats().wall_ms * 1e6 == doctest::Approx(double(last_exit)).epsilon(1e-12));
        CHECK(output_texts(*run).back() == "done");
    }
}

TEST_CASE("run: Runtime::current outside a run throws" * doctest::timeout(10)) {
    CHECK_THROWS_AS(Runtime::current(), std::logic_error);
    CHECK(current_worker() == nullptr);
}

TEST_CASE("run: body exception -> status error with message" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) { throw std::runtime_error("boom"); });
    CHECK(run->status() == RunStatus::error);
    CHECK(all_notices(*run).find("boom") != std::string::npos);
}

TEST_CASE("run: stop during cpu work and during sleep ends promptly" * doctest::timeout(20)) {
    for (int mode = 0; mode < 3; ++mode) {
        std::atomic<bool> started{false};
        auto run = Run::start([&](Runtime&) {
            started = true;
            if (mode == 0) cpu(60'000);
            if (mode == 1) sleep(60.0);
            if (mode == 2)
                for (;;) print("spam");
        });
        while (!started) std::this_thread::yield();
        run->stop();
        CHECK(run->wait(5));
        CHECK(run->status() == RunStatus::stopped);
    }
}

TEST_CASE("run: stop reaches every thread" * doctest::timeout(20)) {
    auto run = Run::start([](Runtime&) {
        Thread a([] { cpu(60'000); });
        Thread b([] { sleep(60.0); });
        a.start();
        b.start();
        a.join();
        b.join();
    });
    // No sleeps as synchronisation: poll until both threads exist, then stop.
    while (run->workers().size() < 3 && !run->done()) std::this_thread::yield();
    run->stop();
    CHECK(run->wait(5));
    CHECK(run->status() == RunStatus::stopped);
}

TEST_CASE("run: wall-time limit" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.wall_s = 0.2;
    auto run = run_sync([](Runtime&) { sleep(30.0); }, cfg);
    CHECK(run->status() == RunStatus::limit);
    CHECK(all_notices(*run).find("Time limit") != std::string::npos);
}

TEST_CASE("run: output limit truncates with one notice and keeps counting" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.output_lines = 10;
    auto run = run_sync(
        [](Runtime&) {
            for (int i = 0; i < 25; ++i) print("line " + std::to_string(i));
        },
        cfg);
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run).size() == 10);
    CHECK(run->stats().output_lines == 25);
    auto n = run->notices();
    CHECK(std::count_if(n.begin(), n.end(), [](auto& s) {
              return s.find("Output truncated") != std::string::npos;
          }) == 1);
}

TEST_CASE("run: task limit ends the run" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.tasks = 5;
    auto run = run_sync(
        [](Runtime& rt) {
            for (int i = 0; i < 100; ++i) rt.new_task("t" + std::to_string(i));
        },
        cfg);
    CHECK(run->status() == RunStatus::limit);
    CHECK(all_notices(*run).find("Task limit") != std::string::npos);
}

TEST_CASE("run: memory limit ends the run" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.memory_bytes = 1000;
    auto run = run_sync([](Runtime& rt) { rt.charge_memory(5000); }, cfg);
    CHECK(run->status() == RunStatus::limit);
    CHECK(all_notices(*run).find("Memory limit") != std::string::npos);
}

TEST_CASE("run: destroying a running Run stops and joins it" * doctest::timeout(20)) {
    for (int i = 0; i < reps(20); ++i) {
        auto run = Run::start([](Runtime&) {
            Thread t([] { cpu(10'000); });
            t.start();
            sleep(10.0);
        });
        run.reset();  // must not hang or leak
    }
}

TEST_CASE("run: snapshots while running never block" * doctest::timeout(20)) {
    auto run = Run::start([](Runtime&) {
        for (int i = 0; i < 50; ++i) {
            print("x");
            cpu(0.5);
        }
    });
    Tracer::Cursor cur;
    std::vector<TraceEvent> ev;
    size_t lines = 0;
    std::vector<OutputLine> out;
    while (!run->done()) {
        lines = run->read_output(lines, out);
        run->read_events(cur, ev);
        (void)run->stats();
        (void)run->usage();
        std::this_thread::yield();
    }
    lines = run->read_output(lines, out);
    run->read_events(cur, ev);
    CHECK(out.size() == 50);
    CHECK(ev.size() == run->tracer().size());
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("run: stop at arbitrary moments never hangs or leaks (stress)" * doctest::timeout(120)) {
    const int n = reps(100);
    for (int rep = 0; rep < n; ++rep) {
        std::atomic<int> progress{0};
        auto run = Run::start([&](Runtime& rt) {
            Lock l("l");
            Condition c(l);
            Semaphore s(1);
            Event e;
            int turn = 0;
            auto worker = [&](int me) {
                for (int i = 0;; ++i) {
                    {
                        std::lock_guard<Lock> g(l);
                        while (turn != me) c.wait(0.05);
                        turn = 1 - me;
                        c.notify_all();
                    }
                    {
                        std::lock_guard<Semaphore> g(s);
                        cpu(0.05);
                    }
                    if (i % 3 == 0) e.wait(0.001);
                    rt.checkpoint();
                    ++progress;
                }
            };
            Thread a([&] { worker(0); }), b([&] { worker(1); });
            a.start();
            b.start();
            a.join();
        });
        // Stop after a varying amount of progress (no sleeps: spin on observable progress).
        const int target = rep % 7;
        while (progress < target && !run->done()) std::this_thread::yield();
        run->stop();
        REQUIRE(run->wait(10));
        INFO(all_notices(*run));
        CHECK(run->status() == RunStatus::stopped);
    }
}

TEST_CASE("run: trace limit is noticed, the run goes on" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.trace_events = 100;
    auto run = run_sync(
        [](Runtime&) {
            for (int i = 0; i < 300; ++i) print("x");
        },
        cfg);
    CHECK(run->status() == RunStatus::finished);
    CHECK(run->stats().dropped_events > 0);
    CHECK(output_texts(*run).size() == 300);
    CHECK(all_notices(*run).find("Trace limit reached") != std::string::npos);
}
