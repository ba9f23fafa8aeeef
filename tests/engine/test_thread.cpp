// Thread: Python's start/join/is_alive/name semantics.
#include <doctest/doctest.h>

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
