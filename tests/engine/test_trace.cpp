// Tracer: single-writer buffers, incremental cursors, budget and drops, registries.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "engine/trace.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("trace: registries and ids" * doctest::timeout(10)) {
    Tracer t(1000);
    CHECK(t.add_worker("MainThread", WorkerKind::main, 0) == 0);
    CHECK(t.add_worker("Thread-1", WorkerKind::thread, 0) == 1);
    CHECK(t.add_task("a") == 1);
    CHECK(t.add_task("b") == 2);
    CHECK(t.task_count() == 2);
    CHECK(t.workers()[1].name == "Thread-1");
    CHECK(t.tasks()[1].name == "b");
    CHECK(std::string(to_string(EventKind::gil_drop_request)) == "gil_drop_request");
    CHECK(std::string(to_string(WorkerState::io_wait)) == "io_wait");
}

TEST_CASE("trace: incremental cursor across segment boundaries" * doctest::timeout(10)) {
    // 250,000 events on one worker cross the small doubling segments and two 2 MiB ones.
    Tracer t(400'000);
    auto w0 = t.add_worker("a", WorkerKind::thread, 0);
    auto w1 = t.add_worker("b", WorkerKind::thread, 0);
    Tracer::Cursor c;
    std::vector<TraceEvent> got;
    for (int i = 0; i < 250'000; ++i) {
        t.emit(w0, EventKind::print, 1, i, i);
        if (i % 2) t.emit(w1, EventKind::print, 2, i, i);
        if (i % 997 == 0) t.read(c, got);
    }
    t.read(c, got);
    CHECK(got.size() == 375'000);
    t.read(c, got);  // nothing new
    CHECK(got.size() == 375'000);
    CHECK(t.size() == 375'000);
    // Per worker, in order, nothing lost or duplicated.
    uint64_t next0 = 0, next1 = 1, out_of_order = 0;
    for (auto& e : got) {
        if (e.worker == w0) out_of_order += e.arg != next0++;
        if (e.worker == w1) {
            out_of_order += e.arg != next1;
            next1 += 2;
        }
    }
    CHECK(out_of_order == 0);
    CHECK(next0 == 250'000);
    auto sorted = t.all_sorted();
    CHECK(std::is_sorted(sorted.begin(), sorted.end(),
                         [](auto& a, auto& b) { return a.t_ns < b.t_ns; }));
}

TEST_CASE("trace: run-wide budget counts drops, never silently" * doctest::timeout(10)) {
    Tracer t(5000);
    auto a = t.add_worker("a", WorkerKind::thread, 0);
    auto b = t.add_worker("b", WorkerKind::thread, 0);
    for (int i = 0; i < 4000; ++i) t.emit(a, EventKind::print, 0, 0, i);
    for (int i = 0; i < 4000; ++i) t.emit(b, EventKind::print, 0, 0, i);
    // The budget is handed out in grants of a few hundred events: a worker may leave part of
    // its last grant unused, but stored + dropped always accounts for every event.
    CHECK(t.size() <= 5000);
    CHECK(t.size() >= 5000 - 512);
    CHECK(t.size() + t.dropped() == 8000);
    const auto before = t.dropped();
    t.emit(999, EventKind::print, 0, 0, 0);  // unknown worker: counted too
    CHECK(t.dropped() == before + 1);
}

TEST_CASE("trace: a bounded read takes a backlog in slices, in order, nothing lost" *
          doctest::timeout(10)) {
    Tracer t(100'000);
    auto a = t.add_worker("a", WorkerKind::thread, 0);
    auto b = t.add_worker("b", WorkerKind::thread, 0);
    for (int i = 0; i < 3000; ++i) t.emit(a, EventKind::print, 0, i, i);
    for (int i = 0; i < 2000; ++i) t.emit(b, EventKind::print, 0, i, i);
    Tracer::Cursor c;
    std::vector<TraceEvent> got;
    size_t reads = 0;
    for (;;) {
        const size_t before = got.size();
        t.read(c, got, 700);
        CHECK(got.size() - before <= 700);
        if (got.size() == before) break;
        ++reads;
    }
    CHECK(reads == 8);  // 5000 / 700, rounded up
    REQUIRE(got.size() == 5000);
    uint64_t next_a = 0, next_b = 0, out_of_order = 0;
    for (const auto& e : got) out_of_order += e.arg != (e.worker == a ? next_a++ : next_b++);
    CHECK(out_of_order == 0);
    CHECK(next_a == 3000);
    CHECK(next_b == 2000);
}

TEST_CASE("trace: the earliest dropped event's time marks where the trace stops being complete" *
          doctest::timeout(10)) {
    Tracer t(1000);
    auto a = t.add_worker("a", WorkerKind::thread, 0);
    auto b = t.add_worker("b", WorkerKind::thread, 0);
    CHECK(t.first_drop_ns() == -1);
    for (int i = 0; i < 800; ++i) t.emit(a, EventKind::print, 0, 0, 1000 + i);
    CHECK(t.first_drop_ns() == -1);  // within the budget: complete
    // b runs out at some time T; a's later drops (at later times) do not move it, an earlier
    // drop (another worker's clock, or a late writer) does.
    for (int i = 0; i < 800; ++i) t.emit(b, EventKind::print, 0, 0, 5000 + i);
    REQUIRE(t.dropped() > 0);
    const int64_t first = t.first_drop_ns();
    CHECK(first >= 5000);
    CHECK(first < 5800);
    for (int i = 0; i < 100; ++i) t.emit(a, EventKind::print, 0, 0, 9000 + i);
    CHECK(t.first_drop_ns() == first);
    t.emit(999, EventKind::print, 0, 0, 4000);
    CHECK(t.first_drop_ns() == 4000);
}

TEST_CASE("trace: concurrent writers and a reader (stress)" * doctest::timeout(60)) {
    for (int rep = 0; rep < reps(5); ++rep) {
        Tracer t(1'000'000);
        constexpr int kWriters = 3, kEach = 50'000;
        std::vector<uint16_t> ids;
        for (int i = 0; i < kWriters; ++i) ids.push_back(t.add_worker("w", WorkerKind::thread, 0));
        std::atomic<int> done{0};
        std::vector<std::thread> ws;
        for (int w = 0; w < kWriters; ++w)
            ws.emplace_back([&, w] {
                for (int i = 0; i < kEach; ++i) t.emit(ids[w], EventKind::print, w, i, i);
                ++done;
            });
        Tracer::Cursor c;
        std::vector<TraceEvent> got;
        std::vector<uint64_t> next(kWriters, 0);
        bool ordered = true;
        auto check = [&](size_t from) {
            for (size_t i = from; i < got.size(); ++i) {
                auto& e = got[i];
                if (e.arg != next[e.worker]++) ordered = false;
            }
        };
        while (done < kWriters) {
            size_t from = got.size();
            t.read(c, got);
            check(from);
        }
        for (auto& th : ws) th.join();
        size_t from = got.size();
        t.read(c, got);
        check(from);
        CHECK(ordered);
        CHECK(got.size() == size_t(kWriters) * kEach);
    }
}

TEST_CASE("trace: emit cost (informational)" * doctest::timeout(30)) {
    Tracer t(4'000'000);
    auto w = t.add_worker("w", WorkerKind::thread, 0);
    constexpr int n = 2'000'000;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) t.emit(w, EventKind::state, 1, 1, i);
    auto ns =
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("emit: " << ns / n
                     << " ns/event (build-type dependent; the benchmark is authoritative)");
    CHECK(t.size() == n);
}
