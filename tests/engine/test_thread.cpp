// Thread: Python's start/join/is_alive/name semantics.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>

#include "engine/kernels.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("thread: names, start, join, is_alive" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Thread a([] { print("a"); });
        Thread b([] { print("b"); }, "worker-b");
        Thread c([] {});
        CHECK(a.name() == "Thread-1");
        CHECK(b.name() == "worker-b");
        CHECK(c.name() == "Thread-2");
        CHECK_FALSE(a.is_alive());
        CHECK_THROWS_AS(a.join(), RuntimeError);
        a.start();
        CHECK_THROWS_AS(a.start(), RuntimeError);
        b.start();
        CHECK(a.join());
        CHECK(b.join());
        CHECK_FALSE(a.is_alive());
    });
    CHECK(run->status() == RunStatus::finished);
    auto out = output_texts(*run);
    CHECK(out.size() == 2);
    auto ws = run->workers();
    REQUIRE(ws.size() == 3);
    CHECK(ws[1].kind == WorkerKind::thread);
    CHECK(run->stats().tasks == 3);  // MainThread + 2 threads
}

TEST_CASE("thread: join with timeout returns while the thread runs" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Event go;
        Thread t([&] { go.wait(); });
        t.start();
        CHECK_FALSE(t.join(0.05));
        CHECK(t.is_alive());
        go.set();
        CHECK(t.join());
        CHECK_FALSE(t.is_alive());
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("thread: joining itself is an error" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Thread* self = nullptr;
        bool threw = false;
        Thread t([&] {
            try {
                self->join();
            } catch (const RuntimeError&) {
                threw = true;
            }
        });
        self = &t;
        t.start();
        t.join();
        CHECK(threw);
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("thread: exception in a thread is a notice, the run goes on" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Thread t([] { throw std::runtime_error("bad thing"); });
        t.start();
        t.join();
        print("after");
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(all_notices(*run).find("Exception in Thread-1: bad thing") != std::string::npos);
    CHECK(output_texts(*run) == std::vector<std::string>{"after"});
}

TEST_CASE("thread: destructor waits for an unjoined thread" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Thread t([] {
            sleep(0.02);
            print("done");
        });
        t.start();
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"done"});
}

TEST_CASE("thread: many threads, start/join churn" * doctest::timeout(60)) {
    for (int rep = 0; rep < reps(30); ++rep) {
        auto run = run_sync([](Runtime&) {
            std::vector<std::unique_ptr<Thread>> ts;
            for (int i = 0; i < 6; ++i) ts.push_back(std::make_unique<Thread>([] { cpu(0.2); }));
            for (auto& t : ts) t->start();
            for (auto& t : ts) t->join();
        });
        REQUIRE(run->status() == RunStatus::finished);
    }
}

// Python: the interpreter exits once the main thread and every non-daemon thread have ended;
// daemon threads are stopped wherever they are. A run must finish then, not hang until its
// time limit, and a daemon blocked forever is no deadlock.
TEST_CASE("thread: daemon threads are stopped once only they are left" * doctest::timeout(30)) {
    for (int rep = 0; rep < reps(3); ++rep) {
        RunConfig cfg;
        cfg.gil = rep % 2 == 0;
        auto run = run_sync(
            [](Runtime&) {
                // Shared ownership: the daemon outlives this frame, as Python objects would.
                auto ticked = std::make_shared<Event>();
                auto never = std::make_shared<Event>();
                Thread ticker(
                    [ticked] {
                        for (int i = 0;; ++i) {
                            print("tick " + std::to_string(i));
                            ticked->set();
                            io(5);
                        }
                    },
                    "ticker", /*daemon=*/true);
                Thread waiter([never] { never->wait(); }, "waiter", /*daemon=*/true);
                Thread worker([] {
                    io(40);
                    print("worker done");
                });
                ticker.start();
                waiter.start();
                worker.start();
                ticked->wait();
                print("main done");
            },  // ~worker waits for it (non-daemon); ~ticker and ~waiter do not
            cfg, 20);
        REQUIRE(run->done());
        CHECK(run->status() == RunStatus::finished);
        CHECK(all_notices(*run).empty());
        const auto out = output_texts(*run);
        const auto has = [&](const std::string& s) {
            return std::find(out.begin(), out.end(), s) != out.end();
        };
        CHECK(has("main done"));
        CHECK(has("worker done"));
        CHECK(has("tick 0"));
        for (const auto& w : run->worker_stats()) CHECK_FALSE(w.alive);
    }
}

TEST_CASE("thread: daemon defaults to the creating thread's, as daemon=None" *
          doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Thread plain([] {});
        CHECK_FALSE(plain.daemon());
        CHECK(Thread([] {}, "", true).daemon());
        auto child_is_daemon = std::make_shared<std::atomic<int>>(-1);
        Thread parent(
            [child_is_daemon] {
                Thread child([] {});
                Thread explicit_child([] {}, "", false);
                *child_is_daemon = child.daemon() && !explicit_child.daemon() ? 1 : 0;
            },
            "", true);
        parent.start();
        parent.join();
        CHECK(child_is_daemon->load() == 1);
    });
    CHECK(run->status() == RunStatus::finished);
}
