// Queue: Python's queue.Queue semantics.
#include <doctest/doctest.h>

#include <array>
#include <memory>

#include "engine/kernels.hpp"
#include "engine/queue.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("queue: FIFO, qsize/empty/full, nowait and timeouts" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Queue<int> q(2);
        CHECK(q.empty());
        q.put(1);
        q.put_nowait(2);
        CHECK(q.full());
        CHECK(q.qsize() == 2);
        CHECK_THROWS_AS(q.put_nowait(3), Full);
        CHECK_THROWS_AS(q.put(3, true, 0.02), Full);
        CHECK(q.get() == 1);
        CHECK(q.get_nowait() == 2);
        CHECK_THROWS_AS(q.get_nowait(), Empty);
        CHECK_THROWS_AS(q.get(true, 0.02), Empty);
        Queue<std::string> unbounded;
        for (int i = 0; i < 100; ++i) unbounded.put(std::to_string(i));
        CHECK_FALSE(unbounded.full());
        CHECK(unbounded.get() == "0");
    });
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("queue: producer/consumer with task_done and join" * doctest::timeout(30)) {
    for (int rep = 0; rep < reps(20); ++rep) {
        auto run = run_sync([](Runtime&) {
            Queue<std::unique_ptr<int>> q(3);  // move-only items work
            int sum = 0;
            Thread consumer([&] {
                for (;;) {
                    auto item = q.get();
                    if (!item) {
                        q.task_done();
                        break;
                    }
                    sum += *item;
                    q.task_done();
                }
            });
            consumer.start();
            for (int i = 1; i <= 50; ++i) q.put(std::make_unique<int>(i));
            q.put(nullptr);
            q.join();
            CHECK(sum == 50 * 51 / 2);
            CHECK_THROWS_AS(q.task_done(), ValueError);
            consumer.join();
        });
        INFO(all_notices(*run));
        REQUIRE(run->status() == RunStatus::finished);
    }
}

TEST_CASE("queue: a blocked put is woken by get, traced as queue_wait" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Queue<int> q(1);
        q.put(0);
        Thread t([&] { q.put(1); });  // blocks until main takes one
        t.start();
        while (q.qsize() == 1 && t.is_alive()) {
            if (q.get() == 0) break;
        }
        t.join();
        CHECK(q.get() == 1);
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("queue: stop interrupts get and put" * doctest::timeout(20)) {
    for (int kind = 0; kind < 2; ++kind) {
        std::atomic<bool> ready{false};
        auto run = Run::start([&](Runtime&) {
            Queue<int> q(1);
            Thread keeper([&] { sleep(60.0); });  // keeps it from being a deadlock
            keeper.start();
            ready = true;
            if (kind == 0) (void)q.get();
            q.put(1);
            q.put(2);
        });
        while (!ready) std::this_thread::yield();
        run->stop();
        CHECK(run->wait(5));
        CHECK(run->status() == RunStatus::stopped);
    }
}

TEST_CASE("queue: items count toward the memory limit" * doctest::timeout(20)) {
    RunConfig cfg;
    cfg.limits.memory_bytes = 64 * 1024;
    auto run = run_sync(
        [](Runtime&) {
            Queue<std::array<char, 1024>> q;
            for (int i = 0; i < 1000; ++i) q.put({});
        },
        cfg);
    CHECK(run->status() == RunStatus::limit);
    CHECK(all_notices(*run).find("Memory limit") != std::string::npos);
}
