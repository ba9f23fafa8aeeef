// The simulated machine (sim.hpp): virtual time, cores, a seeded scheduler. Its figures are
// exact, so these tests assert them — speed-ups, timeouts, deadlock times — and that the same
// program and seed give the same run, byte for byte.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock_source.hpp"
#include "engine/executor.hpp"
#include "engine/kernels.hpp"
#include "engine/process.hpp"
#include "engine/queue.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {

RunConfig sim(unsigned cores = 4, uint32_t seed = 1, bool gil = true) {
    RunConfig c;
    c.machine.kind = MachineKind::simulated;
    c.machine.cores = cores;
    c.machine.seed = seed;
    c.gil = gil;
    return c;
}

// Everything a run shows, as one string: output with exact times, every trace event, stats.
std::string fingerprint(const Run& run) {
    std::string s = std::string(to_string(run.status())) + "\n";
    std::vector<OutputLine> out;
    run.read_output(0, out);
    for (const auto& l : out)
        s += std::to_string(l.t_ns) + " " + std::to_string(l.worker) + " " + l.text + "\n";
    for (const auto& e : run.tracer().all_sorted())
        s += std::to_string(e.t_ns) + "," + std::to_string(e.worker) + "," +
             std::to_string(static_cast<int>(e.kind)) + "," + std::to_string(e.task) + "," +
             std::to_string(e.arg) + ";";
    const RunStats st = run.stats();
    s += "\n" + std::to_string(st.wall_ms) + " " + std::to_string(st.cpu_ms) + " " +
         std::to_string(st.busy_cores_avg) + " " + std::to_string(st.busy_cores_max) + " " +
         std::to_string(st.gil_wait_ms) + " " + std::to_string(st.gil_switches) + "\n";
    for (const auto& n : run.notices()) s += n + "\n";
    return s;
}

int job(int n, int ms) {
    print("Task " + std::to_string(n) + ": start");
    cpu(ms);
    print("Task " + std::to_string(n) + ": done");
    return n;
}

// A bit of everything: GIL contention, locks, a queue, sleeps, a process pool.
void mixed_body(Runtime&) {
    Lock lock("lock");
    Queue<int> q(2, "jobs");
    long counter = 0;
    Thread producer([&] {
        for (int i = 0; i < 6; ++i) {
            q.put(i);
            sleep(0.001);
        }
        q.put(-1);
    });
    Thread consumer([&] {
        for (;;) {
            const int v = q.get();
            if (v < 0) break;
            std::lock_guard<Lock> g(lock);
            ++counter;
            cpu(0.3);
            print("got " + std::to_string(v));
        }
    });
    Thread spinner([&] {
        for (int i = 0; i < 3; ++i) {
            cpu(2);
            std::lock_guard<Lock> g(lock);
            print("spin " + std::to_string(i));
        }
    });
    producer.start();
    consumer.start();
    spinner.start();
    {
        ProcessPoolExecutor px(2);
        auto r = px.map(job, std::vector<int>{0, 1, 2}, std::vector<int>{3, 1, 2}).list();
        print("pool " + std::to_string(r.size()));
    }
    producer.join();
    consumer.join();
    spinner.join();
    print("counter " + std::to_string(counter));
}

double wall_ms(const Run& run) {
    return run.stats().wall_ms;
}

}  // namespace

TEST_CASE("sim: a 60-second program of sleeps costs no real time" * doctest::timeout(60)) {
    const int64_t t0 = platform::monotonic_ns();
    RunConfig c = sim();
    c.limits.wall_s = 120;
    auto run = run_sync(
        [](Runtime&) {
            for (int i = 0; i < 60; ++i) {
                print("tick " + std::to_string(i));
                sleep(1.0);
            }
        },
        c);
    const double real_s = static_cast<double>(platform::monotonic_ns() - t0) / 1e9;
    MESSAGE("60 s of sleeps took " << real_s << " s of real time");
    REQUIRE(run->status() == RunStatus::finished);
    // It finished (within the test's timeout; real time is only reported above: it is not a
    // figure the machine's load may fail). Inside, a minute passed.
    // Virtual time: exactly the sleeps plus the prints' cost.
    std::vector<OutputLine> out;
    run->read_output(0, out);
    REQUIRE(out.size() == 60);
    for (size_t i = 0; i < out.size(); ++i)
        CHECK(out[i].t_ns == static_cast<int64_t>(i) * (1'000'000'000 + Machine::kPrintNs));
    CHECK(wall_ms(*run) == doctest::Approx(60 * (1000 + Machine::kPrintNs / 1e6)));
}

TEST_CASE("sim: the same program and seed give the same run, byte for byte" *
          doctest::timeout(120)) {
    std::string first;
    for (int rep = 0; rep < 3; ++rep) {
        auto run = run_sync(mixed_body, sim(2, 7));
        INFO(all_notices(*run));
        REQUIRE(run->status() == RunStatus::finished);
        const std::string fp = fingerprint(*run);
        if (rep == 0)
            first = fp;
        else
            CHECK(fp == first);
    }
    // Beside another simulated run (two schedulers, two sets of OS threads at once).
    auto a = Run::start(mixed_body, sim(2, 7));
    auto b = Run::start(mixed_body, sim(2, 7));
    REQUIRE(a->wait(60));
    REQUIRE(b->wait(60));
    CHECK(fingerprint(*a) == first);
    CHECK(fingerprint(*b) == first);
}

TEST_CASE("sim: CPU-bound speed-ups are exact on 1, 4 and 8 cores" * doctest::timeout(120)) {
    static constexpr int ms = 40;
    for (unsigned cores : {1u, 4u, 8u}) {
        for (int k : {1, 2, 4}) {
            CAPTURE(cores);
            CAPTURE(k);
            auto run_threads = [&](bool gil) {
                RunConfig c = sim(cores, 1, gil);
                return run_sync(
                    [k](Runtime&) {
                        std::vector<std::unique_ptr<Thread>> ts;
                        for (int i = 0; i < k; ++i)
                            ts.push_back(std::make_unique<Thread>([] { cpu(ms); }));
                        for (auto& t : ts) t->start();
                        for (auto& t : ts) t->join();
                    },
                    c);
            };
            auto gil_run = run_threads(true);
            auto free_run = run_threads(false);
            auto proc_run = run_sync(
                [k](Runtime&) {
                    ProcessPoolExecutor px(k);
                    std::vector<int> ns(static_cast<size_t>(k), 0),
                        costs(static_cast<size_t>(k), ms);
                    px.map(job, ns, costs).list();
                },
                sim(cores));
            REQUIRE(gil_run->status() == RunStatus::finished);
            REQUIRE(free_run->status() == RunStatus::finished);
            REQUIRE(proc_run->status() == RunStatus::finished);
            const double one = ms;
            // Under the GIL: k threads take k times one thread's work, however many cores.
            CHECK(wall_ms(*gil_run) == doctest::Approx(k * one).epsilon(0.03));
            // Free-threaded: k / min(k, cores) of it.
            const double share = static_cast<double>(k) / std::min<unsigned>(k, cores);
            CHECK(wall_ms(*free_run) == doctest::Approx(share * one).epsilon(0.03));
            // Processes: the same, plus their start-up, which is CPU work too (the pool's
            // processes start at once and share the cores), plus a little pickling.
            const double start_ms = Machine::kProcessStartNs / 1e6;
            CHECK(wall_ms(*proc_run) >= share * (one + start_ms));
            CHECK(wall_ms(*proc_run) == doctest::Approx(share * (one + start_ms)).epsilon(0.03));
            CHECK(free_run->stats().busy_cores_max <= cores + 1e-9);
        }
    }
}

TEST_CASE("sim: I/O-bound threads overlap their waits" * doctest::timeout(60)) {
    for (unsigned cores : {1u, 4u}) {
        auto run = run_sync(
            [](Runtime&) {
                std::vector<std::unique_ptr<Thread>> ts;
                for (int i = 0; i < 8; ++i) ts.push_back(std::make_unique<Thread>([] { io(200); }));
                for (auto& t : ts) t->start();
                for (auto& t : ts) t->join();
            },
            sim(cores));
        REQUIRE(run->status() == RunStatus::finished);
        // 8 waits of 200 ms at once: 200 ms and a few thread starts, not 1.6 s.
        CHECK(wall_ms(*run) == doctest::Approx(200).epsilon(0.02));
    }
}

TEST_CASE("sim: timeouts and deadlocks happen at exact virtual times" * doctest::timeout(60)) {
    auto run = run_sync(
        [](Runtime& rt) {
            Event never;
            const int64_t t0 = rt.now_ns();
            CHECK_FALSE(never.wait(0.25));
            CHECK(rt.now_ns() - t0 == 250'000'000);
            Lock a("a"), b("b");
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
        },
        sim());
    CHECK(run->status() == RunStatus::deadlock);
    const std::string n = all_notices(*run);
    CHECK(n.find("Thread-1 waits for Lock b held by Thread-2") != std::string::npos);
    CHECK(n.find("Thread-2 waits for Lock a held by Thread-1") != std::string::npos);
    // The deadlock is complete when the second thread blocks: 250 ms plus two thread starts.
    CHECK(wall_ms(*run) < 251);
}

TEST_CASE("sim: the GIL's switch interval runs on virtual time" * doctest::timeout(60)) {
    RunConfig c = sim(4);
    c.switch_interval_ms = 5;
    auto run = run_sync(
        [](Runtime&) {
            Thread a([] { cpu(100); }), b([] { cpu(100); });
            a.start();
            b.start();
            a.join();
            b.join();
        },
        c);
    REQUIRE(run->status() == RunStatus::finished);
    const RunStats st = run->stats();
    CHECK(st.wall_ms == doctest::Approx(200).epsilon(0.02));
    // About one forced switch per 5 ms interval while both want the GIL: 200 / 5 = 40.
    CHECK(st.gil_switches >= 35);
    CHECK(st.gil_switches <= 45);
    CHECK(st.busy_cores_max <= 1.0 + 1e-9);
}

TEST_CASE("sim: stop, limits and daemons" * doctest::timeout(60)) {
    // Stop from outside ends a simulated run promptly.
    std::atomic<bool> started{false};
    auto run = Run::start(
        [&](Runtime&) {
            started = true;
            Thread t([] { cpu(1e9); });
            t.start();
            for (;;) cpu(1);
        },
        sim());
    while (!started) std::this_thread::yield();
    run->stop();
    CHECK(run->wait(10));
    CHECK(run->status() == RunStatus::stopped);

    // The wall limit is virtual: 100 s of sleep stops at 60 s, at once.
    RunConfig c = sim();
    auto limited = run_sync([](Runtime&) { sleep(100.0); }, c);
    CHECK(limited->status() == RunStatus::limit);
    CHECK(wall_ms(*limited) == doctest::Approx(60'000).epsilon(0.001));

    // Daemons stop when main ends, at that virtual instant.
    auto d = run_sync(
        [](Runtime&) {
            auto tick = std::make_shared<Event>();
            Thread daemon(
                [tick] {
                    for (;;) {
                        tick->set();
                        io(10);
                    }
                },
                "ticker", true);
            daemon.start();
            tick->wait();
            sleep(0.1);
        },
        sim());
    CHECK(d->status() == RunStatus::finished);
    CHECK(wall_ms(*d) == doctest::Approx(100).epsilon(0.01));
}

// Lookahead (sim.hpp): a worker inside cpu() is scheduled by the end of its work and advances
// in long steps. What interrupts it must still do so at the virtual time it happens.
TEST_CASE("sim: pure CPU work is interrupted at the right virtual time" * doctest::timeout(60)) {
    SUBCASE("a GIL drop request: the holder drops at the request's time") {
        RunConfig c = sim(4);
        c.switch_interval_ms = 5;
        auto run = run_sync(
            [](Runtime&) {
                Thread a([] { cpu(50); }), b([] { cpu(50); });
                a.start();
                b.start();
                a.join();
                b.join();
            },
            c);
        REQUIRE(run->status() == RunStatus::finished);
        std::vector<int64_t> requests, releases;
        for (const auto& e : run->tracer().all_sorted()) {
            if (e.kind == EventKind::gil_drop_request) requests.push_back(e.t_ns);
            // Releases by the two threads (MainThread's own release to join is not asked for).
            if (e.kind == EventKind::gil_release && e.worker != 0) releases.push_back(e.t_ns);
        }
        REQUIRE(requests.size() >= 15);
        // Every request is answered by a release at that very instant (the holder computed up
        // to it), never a step later; requests come one switch interval after a take.
        for (int64_t r : requests) {
            CAPTURE(r);
            CHECK(std::find(releases.begin(), releases.end(), r) != releases.end());
        }
        CHECK(run->stats().wall_ms == doctest::Approx(100).epsilon(0.01));
    }
    SUBCASE("terminate: a process computing is stopped when it is terminated") {
        int64_t killed_at = -1;
        auto run = run_sync(
            [&](Runtime& rt) {
                Process p([] { cpu(1000); });
                p.start();
                cpu(30);  // main computes beside it (4 cores): both are in pure work
                killed_at = rt.now_ns();
                p.terminate();
                p.join();
                CHECK(p.exitcode() == std::optional<int>(-15));
                // The join returns when the process has ended: right after the terminate.
                CHECK(rt.now_ns() - killed_at < Machine::kTickNs);
            },
            sim(4));
        REQUIRE(run->status() == RunStatus::finished);
        REQUIRE(killed_at > 0);
        int64_t child_exit = -1;
        for (const auto& e : run->tracer().all_sorted())
            if (e.kind == EventKind::worker_exit && e.worker != 0 && child_exit < 0)
                child_exit = e.t_ns;
        // It ran until the terminate (not before: its work was counted up to then).
        CHECK(child_exit >= killed_at);
        CHECK(child_exit - killed_at < Machine::kTickNs);
        // cpu_ms: main's 30 ms plus the child's work until it was stopped (it started a process
        // start-up later than main's cpu(30)).
        const double child_ms = run->stats().cpu_ms - 30;
        CHECK(child_ms > 30 - Machine::kProcessStartNs / 1e6 - 1);
        CHECK(child_ms <= 30);
    }
    SUBCASE("the wall limit: work is cut at the limit and counted up to it") {
        RunConfig c = sim(4, 1, false);
        c.limits.wall_s = 0.05;
        auto run = run_sync(
            [](Runtime&) {
                Thread a([] { cpu(1000); }), b([] { cpu(1000); });
                a.start();
                b.start();
                a.join();
                b.join();
            },
            c);
        CHECK(run->status() == RunStatus::limit);
        CHECK(run->stats().wall_ms == doctest::Approx(50).epsilon(0.001));
        // Two threads computed side by side until the limit (less their start-up).
        CHECK(run->stats().cpu_ms == doctest::Approx(100).epsilon(0.01));
    }
    SUBCASE("round-robin: a worker in long work still gives its core up every slice") {
        // 3 free-threaded threads x 30 ms on 2 cores, 10 ms slices: the cores stay busy until
        // the last slice (50 ms: 90 ms of work, the last slice alone). A thread that kept its
        // core for its whole work would leave the third one alone for 30 ms (60 ms).
        std::vector<int64_t> ends(3, 0);
        auto run = run_sync(
            [&ends](Runtime& rt) {
                std::vector<std::unique_ptr<Thread>> ts;
                for (int i = 0; i < 3; ++i)
                    ts.push_back(std::make_unique<Thread>([&ends, &rt, i] {
                        cpu(30);
                        ends[static_cast<size_t>(i)] = rt.now_ns();
                    }));
                for (auto& t : ts) t->start();
                for (auto& t : ts) t->join();
            },
            sim(2, 1, false));
        REQUIRE(run->status() == RunStatus::finished);
        std::sort(ends.begin(), ends.end());
        CHECK(ends[2] - ends[1] <= Machine::kSliceNs);
        CHECK(run->stats().wall_ms == doctest::Approx(50.05).epsilon(0.001));
        CHECK(run->stats().busy_cores_max <= 2.0 + 1e-9);
    }
    SUBCASE("a lone worker in long work stops at the virtual wall limit") {
        RunConfig c = sim(4);
        c.limits.wall_s = 0.02;
        auto run = run_sync([](Runtime&) { cpu(10'000); }, c);
        CHECK(run->status() == RunStatus::limit);
        CHECK(run->stats().wall_ms == doctest::Approx(20).epsilon(0.001));
        CHECK(run->stats().cpu_ms == doctest::Approx(20).epsilon(0.01));
    }
}

// The same simulated run natively and in wasm (the wasm-node stage runs this file too): both
// must produce this exact fingerprint. If the cost model or the scheduler changes on purpose,
// update the constant from the MESSAGE; if only one platform fails, something there is not
// deterministic (a platform-dependent size, an order that depends on addresses, ...).
TEST_CASE("sim: native and wasm runs are the same run" * doctest::timeout(60)) {
    auto run = run_sync(mixed_body, sim(2, 7));
    REQUIRE(run->status() == RunStatus::finished);
    const std::string fp = fingerprint(*run);
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char ch : fp) h = (h ^ ch) * 1099511628211ull;
    MESSAGE("fingerprint " << h << " (" << fp.size() << " bytes)");
    CHECK(h == 15039757752053792573ull);
}

// GIL waiters (Gil::rewait, Sim's Rewait): a waiter's wake-up that only looks at the GIL and
// waits again — its switch interval ran out (it sets the drop request), or another worker took
// the GIL first — is run by the scheduler without passing the baton there and back. The run
// must be the very same: this fingerprint was taken with the scheduler before that change,
// which passed the baton for every wake-up. Five threads on 2 cores (some wait for a core),
// a short switch interval, CPU work of different lengths, prints, a sleep and a lock.
TEST_CASE("sim: GIL waiters wake up without a baton pass, the run unchanged" *
          doctest::timeout(60)) {
    RunConfig c = sim(2, 11);
    c.switch_interval_ms = 1.5;
    auto run = run_sync(
        [](Runtime&) {
            Lock lock("lock");
            std::vector<std::unique_ptr<Thread>> ts;
            for (int i = 0; i < 5; ++i)
                ts.push_back(std::make_unique<Thread>([i, &lock] {
                    for (int k = 0; k < 4; ++k) {
                        cpu(2 + i);
                        if (k == 1) sleep(0.001 * i);
                        std::lock_guard<Lock> g(lock);
                        print("thread " + std::to_string(i) + " step " + std::to_string(k));
                    }
                }));
            for (auto& t : ts) t->start();
            cpu(7);
            for (auto& t : ts) t->join();
        },
        c);
    REQUIRE(run->status() == RunStatus::finished);
    const std::string fp = fingerprint(*run);
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char ch : fp) h = (h ^ ch) * 1099511628211ull;
    MESSAGE("fingerprint " << h << " (" << fp.size() << " bytes)");
    const RunStats st = run->stats();
    MESSAGE("hand-offs " << st.sim_handoffs << ", GIL switches " << st.gil_switches);
    CHECK(h == 14124825431246672632ull);
    // Before: 451 baton passes for 64 GIL switches (each waiter woke for every interval and
    // every switch); now 82: about one per switch, plus the prints, sleeps and the lock.
    CHECK(st.sim_handoffs <= 2 * st.gil_switches + 40);
}
