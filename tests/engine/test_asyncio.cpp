// asyncio: event loop ordering, gather, wait_for, Queue, Event, to_thread, cancel, stop.
#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/asyncio.hpp"
#include "engine/kernels.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;
namespace engine = interleave::engine;

namespace {
asyncio::Task<void> count(std::string name, int n, double step) {
    for (int i = 1; i <= n; ++i) {
        print(name + std::to_string(i));
        co_await asyncio::sleep(step);
    }
}

asyncio::Task<int> after(double s, int v) {
    co_await asyncio::sleep(s);
    co_return v;
}

asyncio::Task<int> fail_after(double s) {
    co_await asyncio::sleep(s);
    throw std::invalid_argument("failed");
}

asyncio::Task<int> immediate(int v) {
    co_return v;
}

asyncio::Task<int64_t> deep(int n) {
    int64_t sum = 0;
    for (int i = 0; i < n; ++i) sum += co_await immediate(i);
    co_return sum;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

double line_ms(const Run& run, const std::string& text) {
    std::vector<OutputLine> lines;
    run.read_output(0, lines);
    for (auto& l : lines)
        if (l.text == text) return l.t_ms;
    return -1;
}
}  // namespace

TEST_CASE("asyncio: two coroutines alternate on sleep, A1 B1 A2 B2 ..." * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            co_await asyncio::gather(count("A", 4, 0.01), count("B", 4, 0.01));
        }());
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(joined(output_texts(*run)) == "A1 B1 A2 B2 A3 B3 A4 B4");
    // One lane: every line printed by the same worker, tasks named "Async Task <n>".
    std::vector<OutputLine> lines;
    run->read_output(0, lines);
    std::set<uint16_t> workers;
    for (auto& l : lines) workers.insert(l.worker);
    CHECK(workers.size() == 1);
    std::set<std::string> tasks;
    for (auto& t : run->tasks()) tasks.insert(t.name);
    CHECK(tasks.count("Async Task 1"));
    CHECK(tasks.count("Async Task 2"));
    CHECK(tasks.count("Async main"));
}

TEST_CASE("asyncio: run returns the result; gather keeps argument order" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        int r = asyncio::run([]() -> asyncio::Task<int> {
            auto [a, b, c] =
                co_await asyncio::gather(after(0.03, 1), after(0.01, 2), after(0.0, 3));
            std::vector<asyncio::Task<int>> many;
            for (int i = 0; i < 10; ++i) many.push_back(after(0.001 * (10 - i), i));
            auto v = co_await asyncio::gather(std::move(many));
            CHECK(v == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            co_return a * 100 + b * 10 + c;
        }());
        CHECK(r == 123);
        CHECK(asyncio::run(deep(100000)) == int64_t{4999950000});  // trampolined: no stack growth
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("asyncio: exceptions propagate through await, gather and run" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        CHECK_THROWS_AS(asyncio::run(fail_after(0)), std::invalid_argument);
        asyncio::run([]() -> asyncio::Task<void> {
            // gather raises the first failure in time, without waiting for the slow one.
            auto slow = after(10, 1);
            bool raised = false;
            try {
                co_await asyncio::gather(std::move(slow), fail_after(0.01));
            } catch (const std::invalid_argument&) {
                raised = true;
            }
            CHECK(raised);
            // Awaiting a task handle re-raises its exception.
            auto t = asyncio::create_task(fail_after(0));
            CHECK_THROWS_AS(co_await t, std::invalid_argument);
            CHECK(t.done());
            CHECK_FALSE(t.cancelled());
        }());  // the slow task left over is cancelled by run's epilogue
    }, simulated());
    CHECK(run->status() == RunStatus::finished);
    // Virtual time: the 10 s sleepers were cancelled, never waited for.
    CHECK(run->stats().wall_ms < 100);
}

TEST_CASE("asyncio: wait_for times out, cancels the inner task, raises TimeoutError" *
          doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            bool inner_saw_cancel = false;
            auto inner = [](bool& saw) -> asyncio::Task<int> {
                try {
                    co_await asyncio::sleep(10);
                } catch (const asyncio::CancelledError&) {
                    saw = true;
                    throw;
                }
                co_return 1;
            };
            CHECK_THROWS_AS(co_await asyncio::wait_for(inner(inner_saw_cancel), 0.02),
                            asyncio::TimeoutError);
            CHECK(inner_saw_cancel);
            CHECK(co_await asyncio::wait_for(after(0.01, 7), 5.0) == 7);
            auto h = asyncio::create_task(after(10, 1));
            CHECK_THROWS_AS(co_await asyncio::wait_for(h, 0.01), TimeoutError);
            CHECK(h.cancelled());
        }());
    }, simulated());
    CHECK(run->status() == RunStatus::finished);
    // Virtual time: the 10 s sleepers were cancelled, never waited for.
    CHECK(run->stats().wall_ms < 100);
}

TEST_CASE("asyncio: cancel before start and during sleep" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            bool started = false;
            auto never = asyncio::create_task([](bool& s) -> asyncio::Task<void> {
                s = true;
                co_return;
            }(started));
            CHECK(never.cancel());
            CHECK_THROWS_AS(co_await never, asyncio::CancelledError);
            CHECK_FALSE(started);
            CHECK(never.cancelled());

            auto sleeper = asyncio::create_task(after(10, 1));
            co_await asyncio::sleep(0);  // let it start sleeping
            CHECK(sleeper.cancel());
            CHECK_THROWS_AS(co_await sleeper, asyncio::CancelledError);
            CHECK(sleeper.cancelled());
            CHECK_FALSE(sleeper.cancel());  // done
            CHECK_THROWS_AS(sleeper.result(), asyncio::CancelledError);
            auto pending = asyncio::create_task(after(10, 1));
            CHECK_THROWS_AS(pending.result(), asyncio::InvalidStateError);
            pending.cancel();
        }());
    }, simulated());
    CHECK(run->status() == RunStatus::finished);
    // Virtual time: the 10 s sleepers were cancelled, never waited for.
    CHECK(run->stats().wall_ms < 100);
}

TEST_CASE("asyncio: Queue producer/consumer and Event" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            asyncio::Queue<int> q(2);
            std::vector<int> got;
            auto producer = [](asyncio::Queue<int>& q) -> asyncio::Task<void> {
                for (int i = 0; i < 10; ++i) co_await q.put(i);  // blocks while full
                co_await q.put(-1);
            };
            auto consumer = [](asyncio::Queue<int>& q,
                               std::vector<int>& got) -> asyncio::Task<void> {
                for (;;) {
                    int v = co_await q.get();
                    q.task_done();
                    if (v < 0) break;
                    got.push_back(v);
                    co_await asyncio::sleep(0.001);
                }
            };
            co_await asyncio::gather(producer(q), consumer(q, got));
            CHECK(got == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            co_await q.join();
            CHECK_THROWS_AS(q.get_nowait(), asyncio::QueueEmpty);
            q.put_nowait(1);
            q.put_nowait(2);
            CHECK_THROWS_AS(q.put_nowait(3), asyncio::QueueFull);

            asyncio::Event ev;
            int woke = 0;
            auto waiter = [](asyncio::Event& e, int& n) -> asyncio::Task<void> {
                co_await e.wait();
                ++n;
            };
            auto w1 = asyncio::create_task(waiter(ev, woke));
            auto w2 = asyncio::create_task(waiter(ev, woke));
            co_await asyncio::sleep(0.01);
            CHECK(woke == 0);
            ev.set();
            co_await w1;
            co_await w2;
            CHECK(woke == 2);
        }());
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("asyncio: to_thread runs on a thread while the loop keeps going" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            auto ticker = asyncio::create_task(count("tick", 5, 0.01));
            int r = co_await asyncio::to_thread(
                [](int ms) {
                    engine::sleep(ms / 1000.0);  // blocking: fine on a thread
                    print("thread done");
                    return ms;
                },
                150);
            CHECK(r == 150);
            co_await ticker;
            ThreadPoolExecutor ex(1);
            CHECK(co_await asyncio::run_in_executor(
                      ex, [](int x) { return x * 2; }, 21) == 42);
        }());
    });
    CHECK(run->status() == RunStatus::finished);
    auto out = output_texts(*run);
    REQUIRE(out.size() == 6);
    CHECK(out.back() == "thread done");  // every tick ran while the thread slept
    bool pool_thread = false;
    for (auto& w : run->workers()) pool_thread |= w.name == "asyncio_0";
    CHECK(pool_thread);
}

TEST_CASE("asyncio: a blocking call inside a coroutine stalls the loop" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            auto blocker = []() -> asyncio::Task<void> {
                co_await asyncio::sleep(0.005);
                engine::sleep(0.15);  // time.sleep in a coroutine: nobody else runs
                print("blocker done");
            };
            co_await asyncio::gather(blocker(), count("t", 3, 0.01));
        }());
    });
    CHECK(run->status() == RunStatus::finished);
    const double t2 = line_ms(*run, "t2"), done = line_ms(*run, "blocker done");
    CHECK(t2 >= done);  // t2 was due at 10 ms but could only run after the blocking sleep
    CHECK(done >= 150);
}

TEST_CASE("asyncio: misuse and leftovers" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            CHECK_THROWS_AS(asyncio::run(immediate(1)), std::logic_error);  // nested run
            (void)asyncio::create_task(fail_after(0));                      // never retrieved
            co_await asyncio::sleep(0.01);
        }());
        CHECK_THROWS_AS(asyncio::create_task(immediate(1)), std::logic_error);  // no loop
        // A handle that outlives its loop: the task was cancelled at the end of run().
        asyncio::TaskHandle<int> kept;
        asyncio::run([](asyncio::TaskHandle<int>& out) -> asyncio::Task<void> {
            out = asyncio::create_task(after(10, 1));
            co_return;
        }(kept));
        CHECK(kept.done());
        CHECK(kept.cancelled());
        CHECK_FALSE(kept.cancel());
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(all_notices(*run).find("Task exception was never retrieved") != std::string::npos);
}

TEST_CASE("asyncio: every task waiting on a queue nobody fills is a deadlock" *
          doctest::timeout(20)) {
    auto run = Run::start([](Runtime&) {
        asyncio::run([]() -> asyncio::Task<void> {
            asyncio::Queue<int> q;
            (void)co_await q.get();
        }());
    });
    REQUIRE(run->wait(15));
    CHECK(run->status() == RunStatus::deadlock);
    CHECK(all_notices(*run).find("asyncio event loop") != std::string::npos);
}

TEST_CASE("asyncio: stop during each kind of wait ends the run promptly" * doctest::timeout(60)) {
    auto kinds = std::vector<std::function<asyncio::Task<void>()>>{
        // timed idle wait (a long timer)
        []() -> asyncio::Task<void> { co_await asyncio::sleep(60); },
        // untimed idle wait while a thread works
        []() -> asyncio::Task<void> { co_await asyncio::to_thread([] { engine::sleep(60.0); }); },
        // a blocking kernel inside a coroutine
        []() -> asyncio::Task<void> {
            co_await asyncio::sleep(0);
            cpu(60000);
        },
        // busy: tasks yielding to each other forever
        []() -> asyncio::Task<void> {
            auto spin = []() -> asyncio::Task<void> {
                for (;;) co_await asyncio::sleep(0);
            };
            std::vector<asyncio::Task<void>> ts;
            for (int i = 0; i < 3; ++i) ts.push_back(spin());
            co_await asyncio::gather(std::move(ts));
        },
    };
    for (int rep = 0; rep < reps(3); ++rep) {
        for (auto& make : kinds) {
            auto run = Run::start([&make](Runtime&) {
                asyncio::Queue<int> q;  // frames referring to locals are destroyed first
                asyncio::run(make());
            });
            while (run->stats().tasks < 2 && !run->done()) std::this_thread::yield();
            run->stop();
            REQUIRE(run->wait(5));
            CHECK(run->status() == RunStatus::stopped);
        }
    }
}

TEST_CASE("asyncio: stress ping-pong through queues" * doctest::timeout(60)) {
    RunConfig cfg;
    cfg.limits.tasks = 1'000'000;
    for (int rep = 0; rep < reps(20); ++rep) {
        auto run = run_sync(
            [](Runtime&) {
                long total = asyncio::run([]() -> asyncio::Task<long> {
                    asyncio::Queue<int> ping, pong;
                    auto a = [](asyncio::Queue<int>& in,
                                asyncio::Queue<int>& out) -> asyncio::Task<long> {
                        long s = 0;
                        for (int i = 0; i < 200; ++i) {
                            co_await out.put(i);
                            s += co_await in.get();
                        }
                        co_return s;
                    };
                    auto b = [](asyncio::Queue<int>& in,
                                asyncio::Queue<int>& out) -> asyncio::Task<long> {
                        for (int i = 0; i < 200; ++i) co_await out.put(co_await in.get() + 1);
                        co_return 0;
                    };
                    auto threads = asyncio::to_thread([] { return 5; });
                    auto [x, y, z] =
                        co_await asyncio::gather(a(pong, ping), b(ping, pong), std::move(threads));
                    co_return x + y + z;
                }());
                CHECK(total == 19900 + 200 + 5);
            },
            cfg, 50);
        REQUIRE(run->status() == RunStatus::finished);
    }
}
