// ThreadCache: a run's OS threads, started ahead and reused (thread_cache.hpp), and what a
// worker on a reused thread sees.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/kernels.hpp"
#include "engine/thread.hpp"
#include "engine/thread_cache.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {
// Every one of `n` parties arrives, then all leave; false if `n` never arrive within 20 s
// (a job that got no thread of its own would leave the others waiting).
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    int arrived = 0;
    bool arrive_and_wait(int n) {
        std::unique_lock<std::mutex> lk(m);
        if (++arrived >= n) cv.notify_all();
        return cv.wait_for(lk, std::chrono::seconds(20), [&] { return arrived >= n; });
    }
};
}  // namespace

TEST_CASE("thread cache: every queued job gets a thread of its own, at once" *
          doctest::timeout(60)) {
    ThreadCache cache;
    cache.prestart(2);
    CHECK(cache.threads() == 2);
    constexpr int kJobs = 6;  // more than were started ahead
    Gate gate;
    std::atomic<int> met{0};
    std::vector<std::shared_ptr<ThreadCache::Job>> jobs;
    for (int i = 0; i < kJobs; ++i)
        jobs.push_back(cache.run([&] {
            if (gate.arrive_and_wait(kJobs)) met.fetch_add(1);
        }));
    for (auto& j : jobs) cache.wait(*j);
    CHECK(met.load() == kJobs);
    CHECK(cache.threads() == kJobs);
}

TEST_CASE("thread cache: ended jobs' threads are reused, not multiplied" * doctest::timeout(60)) {
    ThreadCache cache;
    cache.prestart(1);
    for (int i = 0; i < 50; ++i) cache.wait(*cache.run([] {}));
    // One job at a time: the prestarted thread (or at most one more, if a job was queued
    // before the previous thread was parked again) runs them all.
    CHECK(cache.threads() <= 2);
}

TEST_CASE("thread cache: wait returns after what the job captured is gone" * doctest::timeout(60)) {
    ThreadCache cache;
    auto owned = std::make_shared<int>(7);
    std::weak_ptr<int> watch = owned;
    auto job = cache.run([o = std::move(owned)] { CHECK(*o == 7); });
    cache.wait(*job);
    CHECK(job->done);
    CHECK(watch.expired());
}

TEST_CASE("thread cache: jobs from many threads at once (stress)" * doctest::timeout(120)) {
    for (int round = 0; round < reps(20); ++round) {
        ThreadCache cache;
        cache.prestart(2);
        std::atomic<int> ran{0};
        std::vector<std::thread> submitters;
        for (int s = 0; s < 3; ++s)
            submitters.emplace_back([&] {
                std::vector<std::shared_ptr<ThreadCache::Job>> jobs;
                for (int i = 0; i < 20; ++i) jobs.push_back(cache.run([&] { ran.fetch_add(1); }));
                for (auto& j : jobs) cache.wait(*j);
            });
        for (auto& t : submitters) t.join();
        CHECK(ran.load() == 60);
        // The destructor joins every thread (parked ones exit).
    }
}

TEST_CASE("thread cache: a worker on a reused OS thread starts its CPU time at 0" *
          doctest::timeout(120)) {
    // With 2 threads started ahead, MainThread takes one and Thread-1 the other; Thread-2
    // starts after Thread-1 ended, on its parked thread, which already burnt 150 ms of CPU.
    RunConfig cfg;
    cfg.prestart_threads = 2;
    int64_t first_ns = -1, second_start_ns = -1;
    auto run = run_sync(
        [&](Runtime&) {
            Thread a([&] {
                cpu(150);
                first_ns = current_worker()->thread_time_ns();
            });
            a.start();
            a.join();
            Thread b([&] { second_start_ns = current_worker()->thread_time_ns(); });
            b.start();
            b.join();
        },
        cfg, 60);
    REQUIRE(run->status() == RunStatus::finished);
    CHECK(first_ns >= 100'000'000);  // cpu(150) ran on that thread (its CPU clock)
    CHECK(second_start_ns >= 0);
    CHECK(second_start_ns < 50'000'000);  // not the 150 ms of the worker before it
}
