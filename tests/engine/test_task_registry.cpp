// Task registry (engine-perf): numbered names formatted on read, lock-free concurrent
// registration, free-form and numbered names mixed, chunk boundaries.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "engine/trace.hpp"

using namespace interleave::engine;

TEST_CASE("task registry: numbered names read back as prefix + number" * doctest::timeout(10)) {
    Tracer t(100);
    const uint32_t p = t.task_prefix("Task ");
    CHECK(t.task_prefix("Task ") == p);  // interned
    CHECK(t.task_prefix("Async Task ") != p);
    CHECK(t.add_task("MainThread") == 1);
    CHECK(t.add_task(p, 0) == 2);
    CHECK(t.add_task(p, 17) == 3);
    CHECK(t.add_task("Task ") == 4);  // a free-form name equal to a prefix stays as given
    CHECK(t.task_count() == 4);
    auto tasks = t.tasks();
    REQUIRE(tasks.size() == 4);
    CHECK(tasks[0].id == 1);
    CHECK(tasks[0].name == "MainThread");
    CHECK(tasks[1].name == "Task 0");
    CHECK(tasks[2].name == "Task 17");
    CHECK(tasks[3].name == "Task ");
    CHECK(tasks[3].id == 4);
}

TEST_CASE("task registry: concurrent writers across chunks, reader alongside" *
          doctest::timeout(60)) {
    Tracer t(100);
    const uint32_t p = t.task_prefix("Task ");
    constexpr int kWriters = 3, kEach = 12000;  // > one 16384-entry chunk in total
    std::atomic<bool> done{false};
    std::thread reader([&] {
        size_t last = 0;
        while (!done.load()) {
            auto ts = t.tasks();
            CHECK(ts.size() >= last);  // never shrinks, every handed-out id is readable
            last = ts.size();
            for (size_t i = 0; i < ts.size(); i += 997) CHECK(ts[i].id == i + 1);
        }
    });
    std::vector<std::thread> ws;
    std::vector<std::vector<uint32_t>> ids(kWriters);
    for (int w = 0; w < kWriters; ++w)
        ws.emplace_back([&, w] {
            for (int i = 0; i < kEach; ++i) {
                const uint64_t number = static_cast<uint64_t>(w) * kEach + i;
                ids[w].push_back(i % 100 == 0 ? t.add_task("named " + std::to_string(number))
                                              : t.add_task(p, number));
            }
        });
    for (auto& th : ws) th.join();
    done = true;
    reader.join();
    auto ts = t.tasks();
    REQUIRE(ts.size() == size_t{kWriters} * kEach);
    for (int w = 0; w < kWriters; ++w)
        for (int i = 0; i < kEach; ++i) {
            const uint32_t id = ids[w][i];
            const std::string number = std::to_string(w * kEach + i);
            REQUIRE(ts[id - 1].id == id);
            REQUIRE(ts[id - 1].name == (i % 100 == 0 ? "named " : "Task ") + number);
        }
}
