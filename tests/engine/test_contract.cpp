// The runtime contract the interpreter binds to (runtime.hpp): WorkerContext on hot paths, the
// eval-breaker word, the user slot, running time, output streams, Python trace events, line
// samples, the thread limit, detach() forms, and two runs side by side sharing nothing.
#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "engine/executor.hpp"
#include "engine/gil.hpp"
#include "engine/kernels.hpp"
#include "engine/queue.hpp"
#include "engine/spans.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("contract: the worker context on hot paths" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime& rt) {
        WorkerContext& c = *current_worker();
        CHECK(&c.runtime() == &rt);
        CHECK(c.worker() == 0);
        CHECK(c.process() == 0);
        CHECK(c.holds_gil());
        CHECK_FALSE(c.is_daemon());
        CHECK_FALSE(c.simulated());
        CHECK(c.user == nullptr);
        int state = 7;
        c.user = &state;  // the interpreter's ThreadState lives here
        CHECK(current_worker()->user == &state);
        // The interpreter's bits in the process word: one relaxed load to poll.
        CHECK(c.breaker() == 0);
        c.set_breaker(breaker::gc);
        CHECK((c.breaker() & breaker::gc) != 0);
        c.checkpoint();  // not an engine bit: nothing happens
        c.clear_breaker(breaker::gc);
        CHECK(c.breaker() == 0);
        // Time and work.
        const int64_t t0 = c.now_ns();
        const int64_t tt0 = c.thread_time_ns();
        c.work(5'000'000);  // 5 ms of CPU work in checked ticks
        CHECK(c.now_ns() >= t0);
        CHECK(c.thread_time_ns() - tt0 >= 4'000'000);
        c.add_cpu_ns(1'000'000);
        c.charge_instructions(1000);  // real machine: free
        CHECK(rt.worker_stats()[0].cpu_ms == doctest::Approx(6.0));
        c.print("to stdout");
        c.print("Traceback (most recent call last):", Stream::err);
        Thread d([] {}, "d", /*daemon=*/true);
        d.start();
        CHECK(rt.worker_is_daemon(static_cast<uint16_t>(d.worker())));
        CHECK_FALSE(rt.worker_is_daemon(0));
        d.join();
        CHECK_FALSE(rt.worker_alive(static_cast<uint16_t>(d.worker())));
    });
    REQUIRE(run->status() == RunStatus::finished);
    std::vector<OutputLine> out;
    run->read_output(0, out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].stream == Stream::out);
    CHECK(out[1].stream == Stream::err);
    CHECK(run->worker_stats()[0].running_ms > 4.0);
}

TEST_CASE("contract: a GIL drop request sets the holder's breaker bit" * doctest::timeout(30)) {
    RunConfig cfg;
    cfg.switch_interval_ms = 1;
    std::atomic<bool> saw{false};
    auto run = run_sync(
        [&](Runtime& rt) {
            WorkerContext& c = *current_worker();
            Thread waiter([] { print("waiter ran"); });
            waiter.start();
            // Hold the GIL without checking, as an interpreter between two polls does, until
            // the waiter's request shows in the word (bounded: the test fails, never hangs).
            const int64_t give_up = rt.deadline_after(10);
            while (!(c.breaker() & breaker::gil_drop) && rt.now_ns() < give_up) {
            }
            saw = (c.breaker() & breaker::gil_drop) != 0;
            c.checkpoint();  // drops the GIL, lets the waiter in, takes it back
            CHECK((c.breaker() & breaker::gil_drop) == 0);
            waiter.join();
        },
        cfg);
    CHECK(saw);
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"waiter ran"});
}

TEST_CASE("contract: stop sets breaker::stop; checkpoint throws RunStopped" *
          doctest::timeout(30)) {
    std::atomic<bool> in_loop{false}, saw{false};
    auto run = Run::start([&](Runtime&) {
        WorkerContext& c = *current_worker();
        in_loop = true;
        while (!(c.breaker() & breaker::stop)) {
        }
        saw = true;
        c.checkpoint();
        print("never");
    });
    while (!in_loop) std::this_thread::yield();
    run->stop();
    REQUIRE(run->wait(10));
    CHECK(saw);
    CHECK(run->status() == RunStatus::stopped);
    CHECK(output_texts(*run).empty());
}

TEST_CASE("contract: Python trace events and line samples" * doctest::timeout(30)) {
    RunConfig cfg;
    cfg.line_sample_ms = 1;
    auto run = run_sync(
        [](Runtime& rt) {
            WorkerContext& c = *current_worker();
            const uint32_t f = rt.tracer().intern("fib");
            const int64_t t0 = c.now_ns();
            int samples = 0;
            const int64_t until = rt.deadline_after(0.05);
            while (c.now_ns() < until || samples < 2) {
                c.work(100'000);
                if ((c.breaker() & breaker::line_sample) && c.line_sample_due()) {
                    c.emit(EventKind::py_line, py_line_arg(f, 7));
                    ++samples;
                }
                if (rt.now_ns() > until + 5'000'000'000) break;  // bounded
            }
            c.emit(EventKind::py_span, py_span_arg(f, c.now_ns() - t0));
        },
        cfg);
    REQUIRE(run->status() == RunStatus::finished);
    int lines = 0, spans = 0;
    for (const auto& e : run->tracer().all_sorted()) {
        if (e.kind == EventKind::py_line) {
            ++lines;
            CHECK(run->tracer().name(py_line_code(e.arg)) == "fib");
            CHECK(py_line_line(e.arg) == 7);
        }
        if (e.kind == EventKind::py_span) {
            ++spans;
            CHECK(py_span_duration(e.arg) >= 50'000'000);
        }
    }
    CHECK(lines >= 2);
    CHECK(spans == 1);
    // The Chrome export draws the span on the worker's "Python calls" track.
    const std::string json = run->export_chrome_trace();
    CHECK(json.find("\"MainThread (Python calls)\"") != std::string::npos);
    CHECK(json.find("\"cat\":\"py\",\"name\":\"fib\"") != std::string::npos);
}

TEST_CASE("contract: past RunLimits::threads, \"can't start new thread\", never a hang" *
          doctest::timeout(60)) {
    RunConfig cfg;
    cfg.limits.threads = 6;  // MainThread + 5
    auto run = run_sync(
        [](Runtime&) {
            auto go = std::make_shared<Event>();
            std::vector<std::unique_ptr<Thread>> ts;
            int started = 0;
            bool refused = false;
            for (int i = 0; i < 8; ++i) {
                ts.push_back(std::make_unique<Thread>([go] { go->wait(); }));
                try {
                    ts.back()->start();
                    ++started;
                } catch (const RuntimeError& e) {
                    CHECK(std::string(e.what()) == "can't start new thread");
                    refused = true;
                    ts.pop_back();
                    break;
                }
            }
            CHECK(started == 5);
            CHECK(refused);
            go->set();
            for (auto& t : ts) t->join();
            // Capacity comes back as threads end.
            Thread again([] { print("again"); });
            again.start();
            again.join();
        },
        cfg);
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"again"});
}

TEST_CASE("contract: 64 Python-style threads alive at once" * doctest::timeout(120)) {
    auto run = run_sync(
        [](Runtime&) {
            auto go = std::make_shared<Event>();
            auto arrived = std::make_shared<Semaphore>(0);
            std::vector<std::unique_ptr<Thread>> ts;
            for (int i = 0; i < 64; ++i) {
                ts.push_back(std::make_unique<Thread>([go, arrived] {
                    arrived->release();
                    go->wait();
                }));
                ts.back()->start();
            }
            for (int i = 0; i < 64; ++i) arrived->acquire();  // all 64 alive, blocked
            print("all 64 alive");
            go->set();
            for (auto& t : ts) t->join();
        },
        {}, 100);
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"all 64 alive"});
}

TEST_CASE("contract: detach() never blocks; the run still waits for non-daemon work" *
          doctest::timeout(30)) {
    auto run = run_sync([](Runtime&) {
        auto done = std::make_shared<Event>();
        {
            Thread t([done] {
                io(20);
                print("thread finished");
                done->set();
            });
            t.start();
            t.detach();  // as a GC dropping the handle would: ~Thread does not wait now
        }
        {
            ThreadPoolExecutor ex(1);
            (void)ex.submit([] {
                io(20);
                print("pool item finished");
            });
            ex.detach();
        }
        print("main returns");
    });
    CHECK(run->status() == RunStatus::finished);
    const auto out = output_texts(*run);
    REQUIRE(out.size() == 3);
    CHECK(out[0] == "main returns");  // neither destructor waited
}

namespace {
// A body whose output and deadlock report name unnamed objects and pick threads by number.
void naming_body(Runtime&) {
    Lock a, b;  // "Lock#1", "Lock#2" in every run
    Queue<int> q;
    q.put(1);
    print("queue " + std::to_string(q.get()));
    Barrier both(2);
    Thread t1([&] {
        std::lock_guard<Lock> ga(a);
        both.wait();
        std::lock_guard<Lock> gb(b);
    });
    Thread t2([&] {
        std::lock_guard<Lock> gb(b);
        both.wait();
        std::lock_guard<Lock> ga(a);
    });
    t1.start();
    t2.start();
    t1.join();
    t2.join();
}
}  // namespace

TEST_CASE("contract: two runs side by side share nothing (names, reports)" *
          doctest::timeout(60)) {
    for (int rep = 0; rep < reps(3); ++rep) {
        auto r1 = Run::start(naming_body);
        auto r2 = Run::start(naming_body);
        REQUIRE(r1->wait(30));
        REQUIRE(r2->wait(30));
        CHECK(r1->status() == RunStatus::deadlock);
        CHECK(r2->status() == RunStatus::deadlock);
        CHECK(output_texts(*r1) == output_texts(*r2));
        CHECK(all_notices(*r1) == all_notices(*r2));
        CHECK(all_notices(*r1).find("Thread-1 waits for Lock Lock#2 held by Thread-2") !=
              std::string::npos);
        // A third run afterwards names them the same again.
        auto r3 = run_sync(naming_body);
        CHECK(all_notices(*r3) == all_notices(*r1));
    }
}
